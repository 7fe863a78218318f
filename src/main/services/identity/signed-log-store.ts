/**
 * A folder of signed, append-only logs, one file per writer (`<personId>.<deskId>.jsonl`), so
 * every file has exactly one writer even when desks share the workspace through a sync service.
 * Appends go through append-log.ts (flushed; a torn last line is cut before the next append).
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { conflictCopyOf } from '../../../shared/identity/conflict-copies';
import { LOG_FILE_NAME, logFileName, type LogFile } from '../../../shared/identity/log-files';
import { appendLine, readLog } from '../append-log';
import { isTempFile } from '../atomic-write';
import { splitLog } from '../../../shared/files/log-text';
import { isSyncInProgress } from '../../../shared/files/sync-traces';
import { lostRecords, type SeenLogs } from '../../../shared/identity/watermarks';

/** How often, and after how long, a log found shorter than this desk had seen it is read again. */
const SETTLE = { tries: 10, pauseMs: 50 };
const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export interface LogFolder {
  /** The logs, and a sync service's conflict copies of logs (read with them: their lines are signed records of the same writer). */
  files: LogFile[];
  /** Which of `files` are conflict copies: named, so a person knows the sync service was at work. */
  conflictCopies: string[];
  /** Other files in the folder (hand-made files, a conflict copy of something else): reported, never read as logs. Files a sync service is still downloading are neither. */
  strays: string[];
  /** Logs whose end is an unfinished line (an interrupted append), skipped; the next append sets it aside. */
  unfinished: string[];
  /** A sync service is writing here: a file of its still in progress, or a log listed and gone before it was read. */
  changing: boolean;
}

export class SignedLogStore {
  private readonly dir: string;

  /** `relativeDir` is the folder under the workspace root, with "/" (e.g. "roster", "articles/<id>/log"). */
  constructor(
    workspace: string,
    readonly relativeDir: string,
  ) {
    this.dir = join(workspace, ...relativeDir.split('/'));
  }

  async read(): Promise<LogFolder> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const files: LogFile[] = [];
    const strays: string[] = [];
    const unfinished: string[] = [];
    const conflictCopies: string[] = [];
    let changing = false;
    for (const name of names.sort()) {
      const path = `${this.relativeDir}/${name}`;
      const copyOf = conflictCopyOf(name);
      if (LOG_FILE_NAME.test(name) || (copyOf !== null && LOG_FILE_NAME.test(copyOf))) {
        const text = await readFile(join(this.dir, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        });
        if (text === null) {
          changing = true;
          continue;
        }
        const log = splitLog(text);
        files.push({ path, lines: log.lines });
        if (copyOf !== null) conflictCopies.push(path);
        else if (log.unfinished) unfinished.push(path);
      } else if (isSyncInProgress(name)) changing = true;
      else if (!isTempFile(name)) strays.push(path);
    }
    return { files, conflictCopies, strays, unfinished, changing };
  }

  /**
   * The folder as `read` gives it; but while a sync service is writing here and a log is shorter
   * than this desk had seen it (`seen`), it is read again after a pause, a few times, before the
   * loss is left for the verifier to report: Syncthing replaces a file by removing the old one
   * and renaming the new one into place, and a reader in between finds it gone.
   */
  async readSettled(seen: SeenLogs, wait: (ms: number) => Promise<void> = pause): Promise<LogFolder> {
    const prefix = `${this.relativeDir}/`;
    for (let tries = 1; ; tries++) {
      const folder = await this.read();
      if (!folder.changing || tries >= SETTLE.tries || lostRecords(folder.files, seen, prefix).length === 0) return folder;
      await wait(SETTLE.pauseMs);
    }
  }

  /** The lines of one writer's file (a last line that lacks only its newline counts: the next append gives it one). */
  async ownLines(personId: string, deskId: string): Promise<string[]> {
    return splitLog(await readLog(join(this.dir, logFileName(personId, deskId)))).lines;
  }

  async append(personId: string, deskId: string, line: string): Promise<void> {
    const name = logFileName(personId, deskId);
    await mkdir(this.dir, { recursive: true });
    await appendLine(join(this.dir, name), line);
  }

  filePath(personId: string, deskId: string): string {
    return join(this.dir, logFileName(personId, deskId));
  }
}

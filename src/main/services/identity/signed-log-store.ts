/**
 * A folder of signed, append-only logs, one file per writer (`<personId>.<deskId>.jsonl`), so
 * every file has exactly one writer even when desks share the workspace through a sync service.
 * Appends go through append-log.ts (flushed; a torn last line is cut before the next append).
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LOG_FILE_NAME, logFileName, type LogFile } from '../../../shared/identity/log-files';
import { appendLine, readLog } from '../append-log';
import { isTempFile } from '../atomic-write';
import { splitLog } from '../../../shared/files/log-text';
import { isSyncInProgress } from '../../../shared/files/sync-traces';

export interface LogFolder {
  files: LogFile[];
  /** Other files in the folder (a sync service's conflict copies, hand-made files): reported, never read as logs. Files a sync service is still downloading are neither. */
  strays: string[];
  /** Logs whose end is an unfinished line (an interrupted append), skipped; the next append sets it aside. */
  unfinished: string[];
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
    for (const name of names.sort()) {
      const path = `${this.relativeDir}/${name}`;
      if (LOG_FILE_NAME.test(name)) {
        const log = splitLog(await readLog(join(this.dir, name)));
        files.push({ path, lines: log.lines });
        if (log.unfinished) unfinished.push(path);
      } else if (!isTempFile(name) && !isSyncInProgress(name)) strays.push(path);
    }
    return { files, strays, unfinished };
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

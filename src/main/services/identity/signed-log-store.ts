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

export interface LogFolder {
  files: LogFile[];
  /** Other files in the folder (a sync service's conflict copies, hand-made files): reported, never read as logs. */
  strays: string[];
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
    for (const name of names.sort()) {
      if (LOG_FILE_NAME.test(name)) files.push({ path: `${this.relativeDir}/${name}`, lines: completeLines(await readLog(join(this.dir, name))) });
      else if (!isTempFile(name)) strays.push(`${this.relativeDir}/${name}`);
    }
    return { files, strays };
  }

  /** The complete lines of one writer's file. */
  async ownLines(personId: string, deskId: string): Promise<string[]> {
    return completeLines(await readLog(join(this.dir, logFileName(personId, deskId))));
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

/** The lines that end with a newline; the piece after the last one is a torn append, never acknowledged. */
function completeLines(text: string): string[] {
  const lines = text.split('\n');
  lines.pop();
  return lines;
}

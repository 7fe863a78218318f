import { open, readFile, type FileHandle } from 'node:fs/promises';
import { isWholeRecord } from '../../shared/files/log-text';
import { KeyedQueue } from './keyed-queue';
import { setAside } from './set-aside';

/** Appends to one log run one at a time in this process, so a cut and an append never interleave. */
const appends = new KeyedQueue();

/**
 * Appends one line to an append-only log and flushes it to disk. Whatever follows the last
 * newline is dealt with first, and no byte of it is lost: a whole record that lacks only its
 * newline gets it; anything else (an append cut short by a crash, or damage) is copied beside
 * the log (`<name>.torn-<hash>`, set-aside.ts) and only then cut off, so a torn record never
 * merges with a good one and the log goes on after it.
 */
export function appendLine(path: string, line: string): Promise<void> {
  if (line.includes('\n')) return Promise.reject(new Error('a log line may not contain a newline'));
  return appends.run(path, async () => {
    const handle = await open(path, 'a+');
    try {
      const { size } = await handle.stat();
      const tail = size > 0 ? await unfinishedTail(handle, size) : null;
      if (tail && isWholeRecord(tail.bytes.toString('utf8'))) await handle.write('\n');
      else if (tail) {
        await setAside(path, 'torn', tail.bytes);
        await handle.truncate(tail.start);
      }
      await handle.write(`${line}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/** The bytes after the last newline and where they start, or null when the file ends with a newline. */
async function unfinishedTail(handle: FileHandle, size: number): Promise<{ start: number; bytes: Buffer } | null> {
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
  let end = size;
  let start = 0;
  while (end > 0) {
    const length = Math.min(chunk.length, end);
    await handle.read(chunk, 0, length, end - length);
    const text = chunk.subarray(0, length);
    if (end === size && text[length - 1] === 0x0a) return null;
    const newline = text.lastIndexOf(0x0a);
    if (newline >= 0) {
      start = end - length + newline + 1;
      break;
    }
    end -= length;
  }
  const bytes = Buffer.alloc(size - start);
  await handle.read(bytes, 0, bytes.length, start);
  return { start, bytes };
}

export async function readLog(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

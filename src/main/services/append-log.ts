import { open, readFile } from 'node:fs/promises';

/**
 * Appends one line to an append-only log and flushes it to disk. A crash mid-append can leave
 * a torn last line without a newline: readers skip it, and the next append cuts it off first
 * (it was never acknowledged), so a torn record never merges with a good one.
 */
export async function appendLine(path: string, line: string): Promise<void> {
  if (line.includes('\n')) throw new Error('a log line may not contain a newline');
  const handle = await open(path, 'a+');
  try {
    const { size } = await handle.stat();
    if (size > 0) {
      const tail = await tornTailStart(handle, size);
      if (tail !== null) await handle.truncate(tail);
    }
    await handle.write(`${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Where an unterminated last line begins, or null when the file ends with a newline. */
async function tornTailStart(handle: import('node:fs/promises').FileHandle, size: number): Promise<number | null> {
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
  let end = size;
  let first = true;
  while (end > 0) {
    const length = Math.min(chunk.length, end);
    await handle.read(chunk, 0, length, end - length);
    const text = chunk.subarray(0, length);
    if (first && text[length - 1] === 0x0a) return null;
    first = false;
    const newline = text.lastIndexOf(0x0a);
    if (newline >= 0) return end - length + newline + 1;
    end -= length;
  }
  return 0;
}

export async function readLog(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

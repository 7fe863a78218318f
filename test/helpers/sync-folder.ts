/**
 * A sync done by hand: what a sync service does between two computers, at the moment a test
 * chooses.
 */
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Brings every file `from` has that `to` lacks, or has less of (one writer per file: the longer is the newer). */
export async function syncFolder(from: string, to: string): Promise<number> {
  let copied = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const target = join(to, relative(from, path));
      if (entry.isDirectory()) {
        await mkdir(target, { recursive: true });
        await walk(path);
        continue;
      }
      if (entry.name.includes('.tmp-')) continue;
      const [mine, theirs] = await Promise.all([stat(path), stat(target).catch(() => null)]);
      if (theirs && theirs.size >= mine.size) continue;
      await cp(path, target);
      copied++;
    }
  };
  await walk(from);
  return copied;
}

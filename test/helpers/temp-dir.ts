import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** The data folder a temp app keeps beside its workspace folder (this desk's state is never inside a workspace). */
export function dataFolderOf(dir: string): string {
  return `${dir}.data`;
}

/**
 * Returns a function that makes a fresh folder under the system temp folder; every folder
 * made, and the data folder beside it if a test made one, is removed after the current test.
 */
export function useTempDirs(prefix = 'newsroom-test-'): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).flatMap((dir) => [rm(dir, { recursive: true, force: true }), rm(dataFolderOf(dir), { recursive: true, force: true })]));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

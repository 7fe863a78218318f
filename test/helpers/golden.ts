import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { PROJECT_ROOT } from './paths';

export const GOLDEN_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'export');

/**
 * Compares `actual` with the stored golden file test/fixtures/export/<name>. Run with
 * UPDATE_GOLDENS=1 to write them after an intended change, then review the diff.
 */
export async function expectGolden(name: string, actual: string): Promise<void> {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDENS === '1') {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, actual);
    return;
  }
  const expected = await readFile(path, 'utf8').catch(() => null);
  if (expected === null) throw new Error(`no golden file ${relative(PROJECT_ROOT, path)}; run the test with UPDATE_GOLDENS=1 to write it`);
  expect(actual, `differs from ${relative(PROJECT_ROOT, path)} (UPDATE_GOLDENS=1 rewrites it)`).toBe(expected);
}

/**
 * What must not travel between desks: a file this app is still writing (`<name>.tmp-<random>`,
 * renamed into place when complete; atomic-write.ts). Everything else in a workspace is meant to
 * travel, and per-machine state is kept outside it. Syncthing does not sync `.stignore` itself,
 * so each desk writes its own, once, into a Syncthing folder (one with its `.stfolder` marker)
 * that has none; a `.stignore` the newsroom wrote is never touched (docs/multi-desk.md).
 */
import { randomBytes } from 'node:crypto';
import { link, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_MARKER } from './atomic-write';

export const SYNCTHING_IGNORE = '.stignore';
export const SYNCTHING_MARKER = '.stfolder';

export const SYNCTHING_IGNORE_TEXT = [
  '// Written by Newsroom Review: files that must not travel between desks (docs/multi-desk.md).',
  '// A file the app is still writing; it is renamed into place, and then travels, when complete.',
  `(?d)*${TEMP_MARKER}*`,
  '',
].join('\n');

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Writes the workspace's `.stignore` if it is a Syncthing folder without one; says whether it did. */
export async function writeSyncIgnore(root: string): Promise<boolean> {
  const target = join(root, SYNCTHING_IGNORE);
  if (!(await exists(join(root, SYNCTHING_MARKER))) || (await exists(target))) return false;
  // Whole or not at all, and never over one that appeared meanwhile: a hard link fails if the name is taken.
  const temp = `${target}${TEMP_MARKER}${randomBytes(6).toString('hex')}`;
  await writeFile(temp, SYNCTHING_IGNORE_TEXT, { flag: 'wx' });
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

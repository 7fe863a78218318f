import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNCTHING_IGNORE_TEXT, writeSyncIgnore } from '../../../src/main/services/sync-ignore';
import { useTempDirs } from '../../helpers/temp-dir';
import { openTempWorkspace } from '../../helpers/workspace';

const tempDir = useTempDirs();

describe('the .stignore of a workspace that Syncthing syncs', () => {
  it('is written when the workspace is opened in a Syncthing folder that has none, and only then', async () => {
    const root = await tempDir();
    await mkdir(join(root, '.stfolder'));
    await openTempWorkspace(root);
    expect(await readFile(join(root, '.stignore'), 'utf8')).toBe(SYNCTHING_IGNORE_TEXT);
    expect(SYNCTHING_IGNORE_TEXT).toContain('(?d)*.tmp-*');
    // Opened again: the same file, and no temp file left beside it.
    await openTempWorkspace(root);
    expect(await readFile(join(root, '.stignore'), 'utf8')).toBe(SYNCTHING_IGNORE_TEXT);
    expect((await readdir(root)).filter((name) => name.startsWith('.stignore'))).toEqual(['.stignore']);
  });

  it('leaves a .stignore the newsroom wrote as it is, and writes none outside a Syncthing folder', async () => {
    const own = await tempDir();
    await mkdir(join(own, '.stfolder'));
    await writeFile(join(own, '.stignore'), '// ours\n*.bak\n');
    expect(await writeSyncIgnore(own)).toBe(false);
    expect(await readFile(join(own, '.stignore'), 'utf8')).toBe('// ours\n*.bak\n');

    const plain = await tempDir();
    await openTempWorkspace(plain);
    expect(await readdir(plain)).not.toContain('.stignore');
  });
});

import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSyncthing, type SyncthingCluster } from '../helpers/syncthing/daemons';
import { useTempDirs } from '../helpers/temp-dir';
import { openTempWorkspace } from '../helpers/workspace';

const tempDir = useTempDirs('nr-sync-ignore-');
let cluster: SyncthingCluster | null = null;

afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

describe('a workspace synced by Syncthing', () => {
  it('keeps a file the app is still writing at its desk; the finished file travels', async () => {
    const root = await tempDir();
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    for (const folder of [a, b]) await mkdir(folder);
    cluster = await startSyncthing([a, b]);
    await cluster.connected();
    await openTempWorkspace(a);
    expect(await readdir(a)).toContain('.stignore');
    await mkdir(join(a, 'assets'), { recursive: true });
    await writeFile(join(a, 'assets', `${'0'.repeat(64)}.tmp-0a1b2c3d4e5f`), 'half an image');
    await writeFile(join(a, 'assets', '1'.repeat(64)), 'a whole image');
    for (let tries = 0; tries < 600 && (await readFile(join(b, 'assets', '1'.repeat(64)), 'utf8').catch(() => null)) === null; tries++) {
      await new Promise((done) => setTimeout(done, 50));
    }
    await cluster.inSync();
    expect(await readFile(join(b, 'assets', '1'.repeat(64)), 'utf8')).toBe('a whole image');
    expect(await readFile(join(b, 'workspace.json'), 'utf8')).toBe(await readFile(join(a, 'workspace.json'), 'utf8'));
    await expect(stat(join(b, 'assets', `${'0'.repeat(64)}.tmp-0a1b2c3d4e5f`))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 90_000);
});

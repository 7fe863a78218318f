import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignedLogStore } from '../../../src/main/services/identity/signed-log-store';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('a log folder that a sync service is filling', () => {
  it('skips the file still downloading and names the conflict copy', async () => {
    const workspace = await tempDir();
    const store = new SignedLogStore(workspace, 'roster');
    await store.append('u-wangli01', 'd-0123456789', '{"a":1}');
    const dir = join(workspace, 'roster');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.syncthing.u-zhaomin01.d-9876543210.jsonl.tmp'), '{"half":');
    await writeFile(join(dir, 'u-wangli01.d-0123456789.sync-conflict-20260301-080000-ABCDEFG.jsonl'), '{}\n');
    const read = await store.read();
    expect(read.files.map((file) => file.path)).toEqual(['roster/u-wangli01.d-0123456789.jsonl']);
    expect(read.strays).toEqual(['roster/u-wangli01.d-0123456789.sync-conflict-20260301-080000-ABCDEFG.jsonl']);
  });
});

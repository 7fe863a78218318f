import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignedLogStore } from '../../../src/main/services/identity/signed-log-store';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('a log folder that a sync service is filling', () => {
  it('skips the file still downloading, reads a conflict copy of a log with the logs and names it, and names what is no log', async () => {
    const workspace = await tempDir();
    const store = new SignedLogStore(workspace, 'roster');
    await store.append('u-wangli01', 'd-0123456789', '{"a":1}');
    const dir = join(workspace, 'roster');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.syncthing.u-zhaomin01.d-9876543210.jsonl.tmp'), '{"half":');
    await writeFile(join(dir, 'u-wangli01.d-0123456789.sync-conflict-20260301-080000-ABCDEFG.jsonl'), '{}\n');
    await writeFile(join(dir, 'u-wangli01.d-0123456789 (Wang Li\'s conflicted copy 2026-03-01).jsonl'), '{}\n');
    await writeFile(join(dir, 'notes.sync-conflict-20260301-080000-ABCDEFG.txt'), 'hand-made\n');
    const read = await store.read();
    const copies = ['roster/u-wangli01.d-0123456789 (Wang Li\'s conflicted copy 2026-03-01).jsonl', 'roster/u-wangli01.d-0123456789.sync-conflict-20260301-080000-ABCDEFG.jsonl'];
    expect(read.files.map((file) => file.path).sort()).toEqual([...copies, 'roster/u-wangli01.d-0123456789.jsonl'].sort());
    expect(read.conflictCopies.sort()).toEqual(copies.sort());
    expect(read.strays).toEqual(['roster/notes.sync-conflict-20260301-080000-ABCDEFG.txt']);
  });
});

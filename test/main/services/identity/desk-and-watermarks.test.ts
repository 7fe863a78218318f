import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESK_FILE, deskId } from '../../../../src/main/services/identity/desk-id';
import { SeenMarks } from '../../../../src/main/services/data-folder';
import { COMPACT_AFTER_SAVES, WatermarkStore } from '../../../../src/main/services/identity/watermark-store';
import { useTempDirs } from '../../../helpers/temp-dir';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('the desk id', () => {
  const tempDir = useTempDirs('newsroom-desk-');

  it('is made once per data folder and kept', async () => {
    const data = await tempDir();
    const id = await deskId(data);
    expect(id).toMatch(/^d-[0-9a-f]{10}$/);
    expect(await deskId(data)).toBe(id);
    expect(await deskId(await tempDir())).not.toBe(id);
  });

  it('is never silently replaced when its file is damaged', async () => {
    const data = await tempDir();
    await writeFile(join(data, DESK_FILE), '{"format":1,"deskId":"d-zz');
    await expect(deskId(data)).rejects.toThrow(DESK_FILE);
    expect(await readFile(join(data, DESK_FILE), 'utf8')).toBe('{"format":1,"deskId":"d-zz');
  });
});

describe('the seen-watermarks store', () => {
  const tempDir = useTempDirs('newsroom-seen-');

  it('starts empty, keeps the first genesis, and only moves marks forward', async () => {
    const data = await tempDir();
    const store = new WatermarkStore(data, 'ws-test');
    expect(await store.load()).toEqual({ genesis: null, logs: {} });
    await store.save({ genesis: A, logs: { 'roster/x.jsonl': { count: 3, hash: A } } });
    const merged = await store.save({ genesis: B, logs: { 'roster/x.jsonl': { count: 2, hash: B }, 'roster/y.jsonl': { count: 1, hash: B } } });
    expect(merged).toEqual({ genesis: A, logs: { 'roster/x.jsonl': { count: 3, hash: A }, 'roster/y.jsonl': { count: 1, hash: B } } });
    expect(await new WatermarkStore(data, 'ws-test').load()).toEqual(merged);
    expect(await new WatermarkStore(data, 'ws-other').load()).toEqual({ genesis: null, logs: {} });
  });

  it('saves by appending what moved to a journal, folds it into the snapshot now and then, and reads both', async () => {
    const data = await tempDir();
    const store = new WatermarkStore(data, 'ws-test');
    await store.save({ genesis: A, logs: { 'roster/x.jsonl': { count: 1, hash: A } } });
    await store.save({ genesis: null, logs: { 'roster/x.jsonl': { count: 2, hash: B }, 'articles/a1/log/y.jsonl': { count: 1, hash: A } } });
    const journal = join(data, 'seen', 'ws-test.journal.jsonl');
    expect((await readFile(journal, 'utf8')).trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { genesis: A, logs: { 'roster/x.jsonl': { count: 1, hash: A } } },
      { genesis: null, logs: { 'roster/x.jsonl': { count: 2, hash: B }, 'articles/a1/log/y.jsonl': { count: 1, hash: A } } },
    ]);
    const both = { genesis: A, logs: { 'roster/x.jsonl': { count: 2, hash: B }, 'articles/a1/log/y.jsonl': { count: 1, hash: A } } };
    expect(await new WatermarkStore(data, 'ws-test').load()).toEqual(both);

    // A save cut short by a crash (no line end) was never finished: it is left out, the rest read.
    await appendFile(journal, '{"genesis":null,"logs":{"roster/x.jsonl":{"cou');
    expect(await new WatermarkStore(data, 'ws-test').load()).toEqual(both);

    const folding = new WatermarkStore(data, 'ws-test');
    await writeFile(journal, (await readFile(journal, 'utf8')).slice(0, (await readFile(journal, 'utf8')).lastIndexOf('\n') + 1));
    // The journal holds two saves already: the snapshot is made at the COMPACT_AFTER_SAVES-th.
    for (let i = 3; i <= COMPACT_AFTER_SAVES; i++) await folding.save({ genesis: null, logs: { [`articles/a${i}/log/z.jsonl`]: { count: i, hash: A } } });
    await expect(stat(journal)).rejects.toThrow();
    const snapshot = JSON.parse(await readFile(join(data, 'seen', 'ws-test.json'), 'utf8')) as { logs: Record<string, unknown> };
    expect(Object.keys(snapshot.logs)).toHaveLength(COMPACT_AFTER_SAVES);
    expect(await new WatermarkStore(data, 'ws-test').load()).toEqual(await folding.load());
  });

  it('reports a damaged journal line instead of forgetting what was seen', async () => {
    const data = await tempDir();
    const store = new WatermarkStore(data, 'ws-test');
    await store.save({ genesis: A, logs: {} });
    await appendFile(join(data, 'seen', 'ws-test.journal.jsonl'), '{"genesis":null,"logs":{"x":{"count":0}}}\n');
    await expect(new WatermarkStore(data, 'ws-test').load()).rejects.toThrow('ws-test.journal.jsonl: line 2 is damaged');
  });

  it('reports a damaged file instead of forgetting what was seen', async () => {
    const data = await tempDir();
    const store = new WatermarkStore(data, 'ws-test');
    await store.save({ genesis: A, logs: {} });
    await writeFile(join(data, 'seen', 'ws-test.json'), '{');
    await expect(store.load()).rejects.toThrow('ws-test.json');
    expect(() => new WatermarkStore(data, '../escape')).toThrow('not a workspace id');
  });
});

describe('the marks of one workspace', () => {
  const tempDir = useTempDirs('newsroom-marks-');

  it('saves marks recorded at once together, and keeps every one of them', async () => {
    const data = await tempDir();
    const store = new WatermarkStore(data, 'ws-test');
    let saves = 0;
    const save = store.save.bind(store);
    store.save = (next) => {
      saves++;
      return save(next);
    };
    const marks = new SeenMarks(store);
    await Promise.all(Array.from({ length: 100 }, (_, i) => marks.record({ logs: { [`articles/a${i}/log/x.jsonl`]: { count: 1 + (i % 3), hash: A } } })));
    expect(saves).toBeLessThanOrEqual(2);
    const stored = await new WatermarkStore(data, 'ws-test').load();
    expect(Object.keys(stored.logs)).toHaveLength(100);
    expect(stored.logs['articles/a2/log/x.jsonl']).toEqual({ count: 3, hash: A });
    // A mark that moved back is not saved over the one seen.
    await marks.record({ logs: { 'articles/a2/log/x.jsonl': { count: 1, hash: B } } });
    expect((await new WatermarkStore(data, 'ws-test').load()).logs['articles/a2/log/x.jsonl']).toEqual({ count: 3, hash: A });
    // Each article's marks are found by its folder, and follow what is saved.
    expect(await marks.under('articles/a2/log/')).toEqual({ 'articles/a2/log/x.jsonl': { count: 3, hash: A } });
    await marks.record({ logs: { 'articles/a2/log/x.jsonl': { count: 4, hash: B }, 'articles/a2/log/w.jsonl': { count: 1, hash: A } } });
    expect(await marks.under('articles/a2/log/')).toEqual({ 'articles/a2/log/x.jsonl': { count: 4, hash: B }, 'articles/a2/log/w.jsonl': { count: 1, hash: A } });
    expect(await marks.under('articles/a20/log/')).toEqual({ 'articles/a20/log/x.jsonl': { count: 3, hash: A } });
  });
});

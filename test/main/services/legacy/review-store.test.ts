import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEW_LOG, ReviewStore } from '../../../../src/main/services/legacy/review-store';
import { recordLine } from '../../../../src/shared/review/record-lines';
import { Desk, EDITOR, SECOND, THIRD } from '../../../shared/review/desk';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('review-store-');

async function storeWith(records: Desk['records']) {
  const dir = await tempDir();
  const store = new ReviewStore(dir);
  for (const record of records) await store.append(record);
  return { dir, store, path: join(dir, REVIEW_LOG) };
}

describe('ReviewStore', () => {
  it('reads an article without a log as no records', async () => {
    expect(await new ReviewStore(await tempDir()).load()).toEqual({ records: [], problem: null, notices: [] });
  });

  it('gives back the appended records, one canonical line each', async () => {
    const { records } = new Desk().signOff();
    const { store, path } = await storeWith(records);
    expect(await store.load()).toEqual({ records, problem: null, notices: [] });
    expect(await readFile(path, 'utf8')).toBe(records.map(recordLine).join(''));
  });

  it('reports a torn last line without distrusting the chain; the next append sets it aside, then cuts it off', async () => {
    const { records } = new Desk().signOff();
    const { dir, store, path } = await storeWith(records.slice(0, 2));
    const torn = recordLine(records[2]!).slice(0, 40);
    await appendFile(path, torn);
    expect(await store.load()).toEqual({ records: records.slice(0, 2), problem: null, notices: [expect.stringMatching(/^reviews\.jsonl: the last record is unfinished/)] });
    await store.append(records[2]!);
    await store.append(records[3]!);
    const [setAside, ...more] = (await readdir(dir)).filter((name) => name.startsWith(`${REVIEW_LOG}.torn-`));
    expect(more).toEqual([]);
    expect(await readFile(join(dir, setAside!), 'utf8')).toBe(torn);
    expect(await store.load()).toEqual({ records, problem: null, notices: [`reviews.jsonl: an interrupted or damaged record was set aside in ${setAside}; the log goes on after it`] });
  });

  it('reports a record altered after it was sealed, and a line that is not a record', async () => {
    const desk = new Desk().submit().approve(EDITOR, 'Fine.').approve(SECOND).approve(THIRD);
    const { store, path } = await storeWith(desk.records);
    const lines = (await readFile(path, 'utf8')).split('\n');
    await writeFile(path, lines.map((line, i) => (i === 1 ? line.replace('"Fine."', '"Not fine."') : line)).join('\n'));
    const altered = await store.load();
    expect(altered.records).toHaveLength(4);
    expect(altered.problem).toBe(`${REVIEW_LOG} record 2: the record was changed after it was sealed`);

    await writeFile(path, [lines[0], 'not json', lines[1], ''].join('\n'));
    expect((await store.load()).problem).toBe(`${REVIEW_LOG} line 2: not valid JSON`);
  });

  it('reports a record removed from the middle of the log', async () => {
    const { records } = new Desk().signOff();
    const { store } = await storeWith([records[0]!, records[2]!]);
    expect((await store.load()).problem).toMatch(new RegExp(`^${REVIEW_LOG} record 2: expected seq 1`));
  });
});

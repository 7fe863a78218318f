import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../../src/main/services/legacy/annotation-store';
import type { AnnotationEvent } from '../../../../src/shared/annotations/events';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('annotation-store-');

const ALICE = { by: 'u-alice001', byName: 'Alice' };
const BOB = { by: 'u-bob00001', byName: 'Bob' };
const at = (minute: number) => `2025-05-01T08:${String(minute).padStart(2, '0')}:00.000Z`;

const open: AnnotationEvent = { kind: 'open', thread: 'm-thread01', comment: 'c-alice001', quote: '导语', text: 'Source?', at: at(1), stage: 'first', ...ALICE };
const reply: AnnotationEvent = { kind: 'reply', thread: 'm-thread01', comment: 'c-bob00001', text: 'Added.', at: at(2), stage: 'first', ...BOB };
const resolve: AnnotationEvent = { kind: 'resolve', thread: 'm-thread01', at: at(3), stage: 'first', ...ALICE };

async function store() {
  const dir = join(await tempDir(), 'annotations');
  return { dir, store: new AnnotationStore(dir) };
}

describe('AnnotationStore', () => {
  it('reads an article without annotations as none', async () => {
    expect(await (await store()).store.load()).toEqual({ threads: [], events: [], problems: [] });
  });

  it('merges the logs of several people into threads, one file per person', async () => {
    const { dir, store: s } = await store();
    await s.append(BOB.by, reply);
    await s.append(ALICE.by, open);
    await s.append(ALICE.by, resolve);
    expect((await readdir(dir)).sort()).toEqual(['u-alice001.jsonl', 'u-bob00001.jsonl']);
    const { threads, problems } = await s.load();
    expect(problems).toEqual([]);
    expect(threads).toMatchObject([
      { id: 'm-thread01', openedBy: ALICE.by, resolved: true, resolvedByName: 'Alice', comments: [{ id: 'c-alice001', by: ALICE.by }, { id: 'c-bob00001', text: 'Added.' }] },
    ]);
  });

  it("refuses to write an event into someone else's log or under a bad name", async () => {
    const { dir, store: s } = await store();
    await expect(s.append(ALICE.by, reply)).rejects.toThrow(/does not match/);
    await expect(s.append('../u-alice001', { ...open, by: '../u-alice001' })).rejects.toThrow(/does not match/);
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("ignores and reports a line in Alice's log that claims to be by Bob, and a line that is not JSON", async () => {
    const { dir, store: s } = await store();
    await s.append(ALICE.by, open);
    const forged: AnnotationEvent = { kind: 'delete', thread: 'm-thread01', comment: 'c-alice001', at: at(4), stage: 'first', ...BOB };
    await appendFile(join(dir, 'u-alice001.jsonl'), `${JSON.stringify(forged)}\n{oops\n`);
    const before = await readFile(join(dir, 'u-alice001.jsonl'));
    const { threads, events, problems } = await s.load();
    expect(events).toEqual([open]);
    expect(threads[0]!.comments).toHaveLength(1);
    expect(problems).toEqual(['annotations/u-alice001.jsonl line 2 is not a valid annotation event', 'annotations/u-alice001.jsonl line 3 is not valid JSON']);
    expect(await readFile(join(dir, 'u-alice001.jsonl'))).toEqual(before);
  });

  it('skips and reports a torn last line, and appends after it cleanly, setting it aside', async () => {
    const { dir, store: s } = await store();
    await s.append(ALICE.by, open);
    await appendFile(join(dir, 'u-alice001.jsonl'), JSON.stringify(resolve).slice(0, 30));
    expect(await s.load()).toMatchObject({ events: [open], problems: [expect.stringMatching(/^annotations\/u-alice001\.jsonl: the last record is unfinished/)] });
    await s.append(ALICE.by, resolve);
    const setAside = (await readdir(dir)).find((name) => name.startsWith('u-alice001.jsonl.torn-'));
    expect(await readFile(join(dir, setAside!), 'utf8')).toBe(JSON.stringify(resolve).slice(0, 30));
    expect(await s.load()).toMatchObject({
      events: [open, resolve],
      problems: [`annotations/u-alice001.jsonl: an interrupted or damaged record was set aside in annotations/${setAside}; the log goes on after it`],
    });
  });

  it('reads only files named after a person', async () => {
    const { dir, store: s } = await store();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'notes.jsonl'), `${JSON.stringify(open)}\n`);
    await writeFile(join(dir, 'u-alice001.jsonl.tmp-1234'), `${JSON.stringify(open)}\n`);
    expect(await s.load()).toEqual({ threads: [], events: [], problems: [] });
  });
});

import { appendFile, readdir, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRevisions } from '../../../../bench/generate-revisions';
import { appendLine } from '../../../../src/main/services/append-log';
import { HISTORY_BLOBS, HISTORY_DIR, HISTORY_INDEX, HistoryStore, SNAPSHOT_EVERY, type RecordArgs } from '../../../../src/main/services/history';
import { entryLine, parseIndex, type IndexEntry } from '../../../../src/main/services/history/index-log';
import type { ArticleContent } from '../../../../src/shared/article/article';
import { figureNode, paragraphNode, textNode } from '../../../../src/shared/article/body';
import { contentHash } from '../../../../src/shared/article/canonical';
import { suggestionNode } from '../../../../src/shared/suggestions/build';
import { AppFailure } from '../../../../src/shared/contract/errors';
import { RevisionSchema } from '../../../../src/shared/history/revision';
import { interruptedAt, WRITE_STEPS } from '../../../helpers/interrupted-steps';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('history-store-');

const ASSET = 'a'.repeat(64);
const AUTHOR = { author: 'u-linxiaolan', authorName: '林晓岚' };

function article(paragraphs: string[], caption = '图：茶园'): ArticleContent {
  return {
    channel: ['首页', '贵山'],
    headline: '茶园里的数字化 Digital tea',
    deck: 'A deck',
    byline: '本报记者 林晓岚',
    language: 'zh-CN',
    body: {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          ...paragraphs.map((text) => paragraphNode(text)),
          figureNode({ asset: ASSET, mime: 'image/png', width: 640, height: 400, caption, credit: '新华社', alt: 'Tea' }),
        ],
      },
    },
  };
}

let clock = Date.parse('2026-11-27T08:00:00.000Z');
function args(content: ArticleContent, extra: Partial<RecordArgs> = {}): RecordArgs {
  clock += 60_000;
  return { content, ...AUTHOR, stage: 'draft', kind: 'save', at: new Date(clock), ...extra };
}

async function historyFiles(dir: string): Promise<{ index: string; blobs: string[] }> {
  const history = join(dir, HISTORY_DIR);
  const index = await readFile(join(history, HISTORY_INDEX), 'utf8').catch(() => '');
  const blobs = await readdir(join(history, HISTORY_BLOBS)).catch(() => [] as string[]);
  return { index, blobs: blobs.sort() };
}

async function entries(dir: string): Promise<IndexEntry[]> {
  return parseIndex((await historyFiles(dir)).index).entries;
}

describe('HistoryStore basics', () => {
  it('starts empty', async () => {
    const store = new HistoryStore(await tempDir());
    expect(await store.list()).toEqual([]);
    expect(await store.latest()).toBeNull();
    expect(await store.verify()).toEqual({ ok: true, revisions: 0, problems: [] });
    await expect(store.load(1)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('records revisions with their metadata and gives back exactly what was saved', async () => {
    const dir = await tempDir();
    const store = new HistoryStore(dir);
    const first = article(['第一段。', 'Second paragraph.']);
    const second = article(['第一段，改过了。', 'Second paragraph.']);
    const r1 = await store.record(args(first, { kind: 'auto' }));
    const r2 = await store.record(args(second, { kind: 'save', label: '交稿前 before filing' }));
    const r3 = await store.record(args(second, { kind: 'milestone', action: 'submit', stage: 'draft', author: 'u-linxiaolan' }));
    expect(r1).toEqual({ n: 1, at: expect.any(String), ...AUTHOR, stage: 'draft', kind: 'auto', contentHash: contentHash(first) });
    expect(r2).toMatchObject({ n: 2, kind: 'save', label: '交稿前 before filing', contentHash: contentHash(second) });
    expect(r3).toMatchObject({ n: 3, kind: 'milestone', action: 'submit' });
    expect(await store.list()).toEqual([r1, r2, r3]);
    for (const revision of [r1, r2, r3]) expect(RevisionSchema.parse(revision)).toEqual(revision);
    expect(await store.latest()).toEqual(r3);
    expect(await store.load(1)).toEqual(first);
    expect(await store.load(2)).toEqual(second);
    expect(await store.load(3)).toEqual(second);
    // A fresh store over the same folder (another window, a restart) reads the same.
    expect(await new HistoryStore(dir).load(2)).toEqual(second);
    expect(await store.verify()).toEqual({ ok: true, revisions: 3, problems: [] });
  });

  it('skips an automatic revision of unchanged content, but not a save or a milestone', async () => {
    const store = new HistoryStore(await tempDir());
    const content = article(['不变的内容。']);
    const r1 = await store.record(args(content, { kind: 'auto' }));
    expect(await store.record(args(structuredClone(content), { kind: 'auto' }))).toEqual(r1);
    // Presentation-only differences (a mark, an attribute Lexical adds) do not change the copy either.
    const marked = structuredClone(content);
    (marked.body.root.children![0]!.children as unknown[]) = [{ type: 'mark', ids: ['t1'], children: [textNode('不变的内容。')] }];
    expect(await store.record(args(marked, { kind: 'auto' }))).toEqual(r1);
    expect((await store.record(args(content, { kind: 'save' }))).n).toBe(2);
    expect((await store.record(args(content, { kind: 'milestone', action: 'approve', stage: 'first' }))).n).toBe(3);
    expect((await store.list()).map((r) => r.n)).toEqual([1, 2, 3]);
  });

  it('records a revision when a suggestion is made, though the copy and its hash are the same', async () => {
    const store = new HistoryStore(await tempDir());
    const content = article(['不变的内容。']);
    const r1 = await store.record(args(content, { kind: 'auto' }));
    const who = { by: 'u-wangli01', byName: '王丽', at: '2025-05-06T08:00:00.000Z', stage: 'first' as const };
    const suggested = structuredClone(content);
    suggested.body.root.children![0]!.children!.push(suggestionNode({ ...who, kind: 'insert', id: 's-ins0001' }, '新增'));
    suggested.proposals = [{ ...who, id: 's-head001', field: 'headline', base: content.headline, proposed: '茶园' }];
    expect(contentHash(suggested)).toBe(contentHash(content));
    const r2 = await store.record(args(suggested, { kind: 'auto' }));
    expect(r2.n).toBe(2);
    expect(await store.record(args(structuredClone(suggested), { kind: 'auto' }))).toEqual(r2);
    expect(await store.load(2)).toEqual(suggested);
    expect(await store.load(1)).toEqual(content);
    expect(r1.contentHash).toBe(r2.contentHash);
  });

  it('keeps only the article content, not other fields of the object passed in', async () => {
    const store = new HistoryStore(await tempDir());
    const content = article(['正文。']);
    await store.record(args({ ...content, id: '20261127-abcdef0123', revision: 7 } as ArticleContent));
    expect(await store.load(1)).toEqual(content);
  });

  it('refuses invalid input and records nothing', async () => {
    const dir = await tempDir();
    const store = new HistoryStore(dir);
    const content = article(['正文。']);
    await expect(store.record(args(content, { authorName: '' }))).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.record(args(content, { at: 'yesterday' }))).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.record(args(content, { at: new Date(Number.NaN) }))).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.record(args(content, { kind: 'save', action: 'approve' }))).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.record(args(content, { label: 'x'.repeat(201) }))).rejects.toMatchObject({ code: 'invalid-input' });
    const broken = { ...content, body: { root: { type: 'root', children: [{ type: 'script' }] } } } as unknown as ArticleContent;
    await expect(store.record(args(broken))).rejects.toBeInstanceOf(AppFailure);
    expect(await store.list()).toEqual([]);
    expect(await historyFiles(dir)).toEqual({ index: '', blobs: [] });
  });

  it('writes a snapshot every K revisions, deltas in between, and small deltas inline', async () => {
    const dir = await tempDir();
    const store = new HistoryStore(dir, { snapshotEvery: 4 });
    const paragraphs = Array.from({ length: 30 }, (_, i) => `第${i + 1}段：${'内容'.repeat(40)}。`);
    for (let n = 1; n <= 10; n++) {
      paragraphs[n] = `${paragraphs[n]} edit ${n}`;
      await store.record(args(article(paragraphs)));
    }
    const stored = await entries(dir);
    expect(stored.map((e) => e.base)).toEqual([null, 1, 2, 3, null, 5, 6, 7, null, 9]);
    expect(stored.filter((e) => e.base === null).every((e) => e.blob !== undefined && e.delta === undefined)).toBe(true);
    expect(stored.filter((e) => e.base !== null).every((e) => e.delta !== undefined && e.blob === undefined)).toBe(true);
    expect((await historyFiles(dir)).blobs).toHaveLength(3);
  });

  it('puts a large delta in a blob of its own', async () => {
    const dir = await tempDir();
    const store = new HistoryStore(dir);
    const base = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${'words '.repeat(60)}`);
    await store.record(args(article(base)));
    const next = [...base.slice(0, 30), ...Array.from({ length: 10 }, (_, i) => `全新的段落 ${i} ${'新内容'.repeat(200)}`)];
    await store.record(args(article(next)));
    const [, second] = await entries(dir);
    expect(second).toMatchObject({ base: 1, blob: expect.any(String) });
    expect(second!.delta).toBeUndefined();
    expect(await store.load(2)).toEqual(article(next));
    expect((await store.verify()).ok).toBe(true);
  });

  it('stores equal blobs once', async () => {
    const dir = await tempDir();
    const store = new HistoryStore(dir, { snapshotEvery: 1 });
    const content = article(['同样的内容。']);
    await store.record(args(content));
    await store.record(args(content));
    const stored = await entries(dir);
    expect(stored[0]!.blob).toBe(stored[1]!.blob);
    expect((await historyFiles(dir)).blobs).toHaveLength(1);
    expect(await store.load(2)).toEqual(content);
  });

  it('records one revision at a time when records race, even from several stores', async () => {
    const dir = await tempDir();
    const contents = Array.from({ length: 12 }, (_, i) => article([`并发 ${i}`, 'shared text '.repeat(20)]));
    await Promise.all(contents.map((content, i) => new HistoryStore(dir).record(args(content, { label: `r${i}` }))));
    const store = new HistoryStore(dir);
    const list = await store.list();
    expect(list.map((r) => r.n)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const revision of list) expect(await store.load(revision.n)).toEqual(contents[Number(revision.label!.slice(1))]);
    expect((await store.verify()).ok).toBe(true);
  });

  it('removes only stale temp files of interrupted blob writes', async () => {
    const dir = await tempDir();
    const store = new HistoryStore(dir);
    await store.record(args(article(['正文。'])));
    const blobs = join(dir, HISTORY_DIR, HISTORY_BLOBS);
    await writeFile(join(blobs, `${'b'.repeat(64)}.tmp-000000000001`), 'old');
    await writeFile(join(blobs, `${'c'.repeat(64)}.tmp-000000000002`), 'new');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(blobs, `${'b'.repeat(64)}.tmp-000000000001`), hourAgo, hourAgo);
    expect(await store.removeStaleTemps(new Date())).toBe(1);
    expect((await readdir(blobs)).filter((name) => name.includes('.tmp-'))).toEqual([`${'c'.repeat(64)}.tmp-000000000002`]);
  });
});

describe('HistoryStore with 1,000 generated revisions', () => {
  it('reads every revision back exactly as saved, and verifies', { timeout: 240_000 }, async () => {
    const dir = await tempDir();
    const store = new HistoryStore(dir);
    const revisions = generateRevisions({ seed: 7, targetChars: 20_000, revisions: 999 });
    expect(revisions).toHaveLength(1000);
    const kinds = ['auto', 'auto', 'auto', 'save', 'milestone'] as const;
    for (const [i, content] of revisions.entries()) {
      const kind = kinds[i % kinds.length]!;
      const recorded = await store.record(args(content, { kind, ...(kind === 'milestone' ? { action: 'approve', stage: 'first' } : {}) }));
      expect(recorded.n).toBe(i + 1);
    }
    const reader = new HistoryStore(dir);
    const list = await reader.list();
    expect(list).toHaveLength(1000);
    for (const revision of list) {
      const loaded = await reader.load(revision.n);
      expect(loaded).toStrictEqual(revisions[revision.n - 1]);
      expect(contentHash(loaded)).toBe(revision.contentHash);
    }
    // A load never replays more than K − 1 deltas.
    const stored = await entries(dir);
    const byN = new Map(stored.map((e) => [e.n, e]));
    for (const entry of stored) {
      let depth = 0;
      for (let link = entry; link.base !== null; link = byN.get(link.base)!) depth++;
      expect(depth).toBeLessThan(SNAPSHOT_EVERY);
    }
    expect(await reader.verify()).toEqual({ ok: true, revisions: 1000, problems: [] });
  });
});



describe('HistoryStore when a record is interrupted', () => {
  /** Five revisions recorded normally, with K = 3 so the next one (n = 7) is a snapshot blob. */
  async function fiveRevisions(dir: string, options = {}) {
    const store = new HistoryStore(dir, { snapshotEvery: 3, ...options });
    const contents = Array.from({ length: 7 }, (_, i) => article([`第${i}版的第一段。`, 'The same second paragraph.'], `图说 ${i}`));
    const recorded = [];
    for (const content of contents.slice(0, 6)) recorded.push(await store.record(args(content)));
    return { contents, recorded };
  }

  async function expectIntact(dir: string, contents: ArticleContent[], count: number) {
    const store = new HistoryStore(dir, { snapshotEvery: 3 });
    expect((await store.list()).map((r) => r.n)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    for (let n = 1; n <= count; n++) expect(await store.load(n)).toEqual(contents[n - 1]);
    expect(await store.verify()).toEqual({ ok: true, revisions: count, problems: [] });
  }

  for (const step of WRITE_STEPS) {
    it(`loses nothing recorded before when the snapshot blob write is interrupted at ${step}`, async () => {
      const dir = await tempDir();
      const { contents } = await fiveRevisions(dir);
      const failing = new HistoryStore(dir, { snapshotEvery: 3, io: { writeSteps: interruptedAt(step) } });
      await expect(failing.record(args(contents[6]!))).rejects.toThrow(`interrupted at ${step}`);
      await expectIntact(dir, contents, 6);
      // The next record works and takes the number the failed one did not get.
      expect((await new HistoryStore(dir, { snapshotEvery: 3 }).record(args(contents[6]!))).n).toBe(7);
      await expectIntact(dir, contents, 7);
    });
  }

  it('loses nothing recorded before when the index append is torn half-way', async () => {
    const dir = await tempDir();
    const { contents } = await fiveRevisions(dir);
    const tornAppend = async (path: string, line: string) => {
      await appendFile(path, line.slice(0, Math.floor(line.length / 2)));
      throw new Error('interrupted while appending');
    };
    for (const content of [contents[6]!, article(['一个小改动。', 'The same second paragraph.'])]) {
      await expect(new HistoryStore(dir, { snapshotEvery: 3, io: { appendLine: tornAppend } }).record(args(content))).rejects.toThrow('interrupted');
      await expectIntact(dir, contents, 6);
    }
    expect((await new HistoryStore(dir, { snapshotEvery: 3 }).record(args(contents[6]!))).n).toBe(7);
    await expectIntact(dir, contents, 7);
  });

  it('loses nothing recorded before when the index is cut anywhere inside its last line, and sets the cut line aside', async () => {
    const dir = await tempDir();
    const { contents } = await fiveRevisions(dir);
    const path = join(dir, HISTORY_DIR, HISTORY_INDEX);
    const whole = await readFile(path);
    const lastLineStart = whole.subarray(0, whole.length - 1).lastIndexOf(0x0a) + 1;
    for (const cut of [lastLineStart + 1, lastLineStart + 40, Math.floor((lastLineStart + whole.length) / 2), whole.length - 2]) {
      await writeFile(path, whole);
      await truncate(path, cut);
      await expectIntact(dir, contents, 5);
      expect((await new HistoryStore(dir).read()).notices).toEqual([expect.stringMatching(/^history\/index\.jsonl: the last record is unfinished/)]);
    }
    // The next record sets the torn line aside, cuts it off and is number 6 again.
    const again = await new HistoryStore(dir, { snapshotEvery: 3 }).record(args(contents[5]!));
    expect(again.n).toBe(6);
    await expectIntact(dir, contents, 6);
    expect((await readFile(path, 'utf8')).endsWith('\n')).toBe(true);
    const setAside = (await readdir(join(dir, HISTORY_DIR))).filter((name) => name.startsWith(`${HISTORY_INDEX}.torn-`));
    expect(setAside).toHaveLength(1);
    expect(await readFile(join(dir, HISTORY_DIR, setAside[0]!))).toEqual(whole.subarray(lastLineStart, whole.length - 2));
    expect((await new HistoryStore(dir).read()).notices).toEqual([`history/index.jsonl: an interrupted or damaged record was set aside in history/${setAside[0]}; the log goes on after it`]);
  });

  it('keeps a last line that lost only its newline: the revision was whole', async () => {
    const dir = await tempDir();
    const { contents } = await fiveRevisions(dir);
    const path = join(dir, HISTORY_DIR, HISTORY_INDEX);
    await truncate(path, (await stat(path)).size - 1);
    await expectIntact(dir, contents, 6);
    expect((await new HistoryStore(dir, { snapshotEvery: 3 }).record(args(contents[6]!))).n).toBe(7);
    await expectIntact(dir, contents, 7);
  });

  it('ignores a leftover temp blob and a blob no index line names', async () => {
    const dir = await tempDir();
    const { contents } = await fiveRevisions(dir);
    const blobs = join(dir, HISTORY_DIR, HISTORY_BLOBS);
    await writeFile(join(blobs, `${'d'.repeat(64)}.tmp-0123456789ab`), 'half a blob');
    await writeFile(join(blobs, 'e'.repeat(64)), 'an orphan from a record whose index line never came');
    await expectIntact(dir, contents, 6);
  });
});

describe('HistoryStore when files are altered or lost', () => {
  async function recorded(dir: string) {
    const store = new HistoryStore(dir, { snapshotEvery: 4 });
    const contents = Array.from({ length: 10 }, (_, i) => article([`第${i}版。`, 'Unchanged paragraph. '.repeat(10)], `图 ${i}`));
    for (const content of contents) await store.record(args(content));
    return { store, contents, stored: await entries(dir) };
  }

  it('detects a snapshot blob altered on disk, in load and verify, and leaves it untouched', async () => {
    const dir = await tempDir();
    const { store, contents, stored } = await recorded(dir);
    // Revisions 5–8 hang on the snapshot of revision 5.
    const path = join(dir, HISTORY_DIR, HISTORY_BLOBS, stored[4]!.blob!);
    const bytes = await readFile(path);
    bytes[bytes.length >> 1]! ^= 0x01;
    await writeFile(path, bytes);
    for (const n of [5, 6, 8]) {
      const failure = await store.load(n).then(() => null, (error: unknown) => error);
      expect(failure).toBeInstanceOf(AppFailure);
      expect(failure).toMatchObject({ code: 'damaged', message: expect.stringContaining('do not match its name') });
    }
    // Revisions that do not depend on it still load.
    for (const n of [1, 4, 9, 10]) expect(await store.load(n)).toEqual(contents[n - 1]);
    const check = await store.verify();
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.n)).toEqual([5, 6, 7, 8]);
    expect(check.problems[0]!.problem).toMatch(/do not match its name/);
    expect(await readFile(path)).toEqual(bytes);
  });

  it('lists the revisions that cannot be rebuilt, before anyone compares or restores them', async () => {
    const dir = await tempDir();
    const { store, stored } = await recorded(dir);
    expect((await store.read()).damaged).toEqual([]);
    const blob = stored[4]!.blob!;
    const path = join(dir, HISTORY_DIR, HISTORY_BLOBS, blob);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length >> 1));
    const listed = await store.read();
    expect(listed.revisions.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(listed.damaged).toEqual([
      { n: 5, problem: `history/blobs/${blob} is damaged (its bytes do not match its name)` },
      ...[6, 7, 8].map((n) => ({ n, problem: `it is built on revision ${n - 1}, which cannot be rebuilt` })),
    ]);
    const { rm } = await import('node:fs/promises');
    await rm(path);
    expect((await store.read()).damaged[0]).toEqual({ n: 5, problem: `history/blobs/${blob} is missing` });
  });

  it('detects a missing blob', async () => {
    const dir = await tempDir();
    const { store, stored } = await recorded(dir);
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, HISTORY_DIR, HISTORY_BLOBS, stored[0]!.blob!));
    await expect(store.load(3)).rejects.toMatchObject({ code: 'damaged', message: expect.stringContaining('is missing') });
    expect((await store.verify()).problems.map((p) => p.n)).toEqual([1, 2, 3, 4]);
  });

  it('detects an inline delta or a content hash altered in the index', async () => {
    const dir = await tempDir();
    const { stored } = await recorded(dir);
    const path = join(dir, HISTORY_DIR, HISTORY_INDEX);
    const lines = (await readFile(path, 'utf8')).split('\n');
    const entry = stored[2]!;
    const edit = entry.delta!.find((op): op is { p: number; s: number; x: string } => typeof op === 'object');
    expect(edit?.x).toBe('2');
    // Same length and still well-formed, so only the rebuilt content tells: 第2版 becomes 第7版.
    edit!.x = '7';
    const altered = entryLine(entry);
    expect(altered).not.toBe(lines[2]);
    expect(altered.length).toBe(lines[2]!.length);
    lines[2] = altered;
    await writeFile(path, lines.join('\n'));
    const store = new HistoryStore(dir, { snapshotEvery: 4 });
    await expect(store.load(3)).rejects.toMatchObject({ code: 'damaged', message: expect.stringContaining('state hash') });
    const check = await store.verify();
    // Line 3 itself, the link from line 4 to it, and the revisions built on it.
    expect(check.problems).toEqual(
      expect.arrayContaining([
        { n: 3, line: 3, problem: 'the rebuilt revision does not match its recorded state hash' },
        { n: 4, line: 4, problem: 'the line before it was changed or removed' },
      ]),
    );
  });

  it('detects a line removed from the middle of the index', async () => {
    const dir = await tempDir();
    await recorded(dir);
    const path = join(dir, HISTORY_DIR, HISTORY_INDEX);
    const lines = (await readFile(path, 'utf8')).split('\n');
    await writeFile(path, [...lines.slice(0, 8), ...lines.slice(9)].join('\n'));
    const store = new HistoryStore(dir, { snapshotEvery: 4 });
    expect((await store.list()).map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10]);
    const check = await store.verify();
    expect(check.problems).toEqual([
      { n: 10, line: 9, problem: 'the line before it was changed or removed' },
      { n: 10, line: 9, problem: 'its base revision 9 is not in the index' },
    ]);
  });

  it('reports an unreadable line but lists and loads the others', async () => {
    const dir = await tempDir();
    const { contents } = await recorded(dir);
    const path = join(dir, HISTORY_DIR, HISTORY_INDEX);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[0] = 'not json';
    await writeFile(path, lines.join('\n'));
    const store = new HistoryStore(dir, { snapshotEvery: 4 });
    const read = await store.read();
    expect(read.revisions.map((r) => r.n)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(read.problems).toEqual([{ n: null, line: 1, problem: 'index.jsonl line 1: not valid JSON' }]);
    expect(await store.load(6)).toEqual(contents[5]);
    await expect(store.load(2)).rejects.toMatchObject({ code: 'damaged' });
    // Recording still works: it appends after the damage, never rewriting it.
    const next = await store.record(args(article(['新的一版。'])));
    expect(next.n).toBe(11);
    expect((await readFile(path, 'utf8')).startsWith('not json\n')).toBe(true);
  });

  it('notices the index growing between calls of one store', async () => {
    const dir = await tempDir();
    const { store } = await recorded(dir);
    const before = await store.list();
    const path = join(dir, HISTORY_DIR, HISTORY_INDEX);
    const { size } = await stat(path);
    await new HistoryStore(dir, { snapshotEvery: 4 }).record(args(article(['另一个窗口写的。'])));
    expect((await stat(path)).size).toBeGreaterThan(size);
    expect(await store.list()).toHaveLength(before.length + 1);
  });

  it('uses appendLine for the index, so a torn line left by a crash is cut before the next one', async () => {
    const dir = await tempDir();
    const store = new HistoryStore(dir);
    await store.record(args(article(['一。'])));
    const path = join(dir, HISTORY_DIR, HISTORY_INDEX);
    await appendLine(path, '{"n":2');
    await truncate(path, (await stat(path)).size - 1);
    expect((await store.record(args(article(['二。'])))).n).toBe(2);
    expect((await readFile(path, 'utf8')).split('\n').filter(Boolean)).toHaveLength(2);
  });
});

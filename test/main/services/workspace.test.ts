import { access, cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, headingNode, paragraphNode } from '../../../src/shared/article/body';
import { AppFailure } from '../../../src/shared/contract/errors';
import { Workspace } from '../../../src/main/services/workspace';
import { DEFAULT_CHANNELS } from '../../../src/main/services/workspace-manifest';
import { appendLine } from '../../../src/main/services/append-log';
import { REVIEW_LOG } from '../../../src/main/services/review-store';
import { contentHash } from '../../../src/shared/article/canonical';
import { recordLine } from '../../../src/shared/review/record-lines';
import { AUTHOR, Desk, EDITOR } from '../../shared/review/desk';
import { snapshotTree } from '../../helpers/files';
import { useTempDirs } from '../../helpers/temp-dir';
import { openTempWorkspace, steppingClock } from '../../helpers/workspace';

const tempDir = useTempDirs('workspace-');

function content(headline: string, text = '正文第一段。'): ArticleContent {
  return {
    channel: ['首页', '贵山', '正文'],
    headline,
    deck: `${headline} deck`,
    byline: '本报记者 林晓岚',
    language: 'zh-CN',
    body: bodyOf([headingNode('小标题'), paragraphNode(text)]),
  };
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('Workspace: articles', () => {
  it('creates an article that can be read back', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const created = await ws.create('林晓岚', 'zh-CN');
    expect(created).toMatchObject({ revision: 0, createdBy: '林晓岚', updatedBy: '林晓岚', language: 'zh-CN', headline: '' });
    expect(created.id).toMatch(/^\d{8}-[0-9a-f]{10}$/);
    expect(await ws.get(created.id)).toEqual(created);
    expect(await readdir(ws.layout.articleDir(created.id))).toEqual(expect.arrayContaining(['article.json', 'summary.json']));
  });

  it('save increments the revision and stores the content', async () => {
    const clock = steppingClock();
    const ws = await openTempWorkspace(await tempDir(), clock);
    const { id } = await ws.create('林晓岚', 'zh-CN');
    const first = await ws.save(id, 0, content('第一版'), '周明远');
    expect(first.revision).toBe(1);
    expect(first.updatedBy).toBe('周明远');
    const second = await ws.save(id, 1, content('第二版'), '林晓岚');
    expect(second.revision).toBe(2);
    expect(second.updatedAt > first.updatedAt).toBe(true);
    const stored = await ws.get(id);
    expect(stored).toMatchObject({ ...content('第二版'), revision: 2, createdBy: '林晓岚', updatedBy: '林晓岚' });
  });

  it('refuses a save based on a stale revision and keeps the stored file', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const { id } = await ws.create('a', 'en');
    await ws.save(id, 0, content('mine'), 'a');
    const file = join(ws.layout.articleDir(id), 'article.json');
    const before = await readFile(file);
    expect(await failureCode(ws.save(id, 0, content('theirs'), 'b'))).toBe('conflict');
    expect(await readFile(file)).toEqual(before);
  });

  it('answers not-found for an article that does not exist', async () => {
    const ws = await openTempWorkspace(await tempDir());
    expect(await failureCode(ws.get('20250101-0000000000'))).toBe('not-found');
    expect(await failureCode(ws.save('20250101-0000000000', 0, content('x'), 'a'))).toBe('not-found');
    expect(await failureCode(ws.trash('20250101-0000000000', 'a'))).toBe('not-found');
    expect(await failureCode(ws.restore('20250101-0000000000'))).toBe('not-found');
  });

  it('lists articles, most recently updated first', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const a = await ws.create('a', 'en');
    const b = await ws.create('b', 'en');
    const c = await ws.create('c', 'en');
    await ws.save(a.id, 0, content('A updated last'), 'a');
    const list = await ws.list();
    expect(list.articles.map((s) => s.id)).toEqual([a.id, c.id, b.id]);
    expect(list.articles[0]).toMatchObject({ headline: 'A updated last', channel: ['首页', '贵山', '正文'] });
    expect(list.damaged).toEqual([]);
  });

  it('adds an article made elsewhere under a fresh id', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const { id: _id, ...rest } = await ws.create('a', 'en');
    const added = await ws.add({ ...rest, headline: 'Imported' });
    expect(added.id).not.toBe(_id);
    expect((await ws.get(added.id)).headline).toBe('Imported');
  });
});

describe('Workspace: trash', () => {
  it('moves an article to the trash and restores it unchanged', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const { id } = await ws.create('林晓岚', 'zh-CN');
    await ws.save(id, 0, content('要删除的稿件'), '林晓岚');
    const before = await ws.get(id);
    const filesBefore = await snapshotTree(ws.layout.articleDir(id));

    await ws.trash(id, '周明远');
    expect(await exists(ws.layout.articleDir(id))).toBe(false);
    expect(await exists(join(ws.layout.trashDir(id), 'article.json'))).toBe(true);
    expect(await failureCode(ws.get(id))).toBe('not-found');
    expect((await ws.list()).articles).toEqual([]);
    const trash = await ws.listTrash();
    expect(trash).toHaveLength(1);
    expect(trash[0]).toMatchObject({ id, headline: '要删除的稿件', trashedBy: '周明远' });

    const summary = await ws.restore(id);
    expect(summary).toMatchObject({ id, headline: '要删除的稿件' });
    expect(await ws.get(id)).toEqual(before);
    expect(await snapshotTree(ws.layout.articleDir(id))).toEqual(filesBefore);
    expect(await ws.listTrash()).toEqual([]);
  });

  it('still lists a trashed article whose summary.json is damaged, from its article.json', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const { id } = await ws.create('林晓岚', 'zh-CN');
    await ws.save(id, 0, content('摘要损坏的稿件'), '林晓岚');
    await ws.trash(id, '周明远');
    await writeFile(join(ws.layout.trashDir(id), 'summary.json'), 'garbage');
    expect(await ws.listTrash()).toEqual([expect.objectContaining({ id, headline: '摘要损坏的稿件', trashedBy: '周明远' })]);
    await ws.restore(id);
    expect((await ws.get(id)).headline).toBe('摘要损坏的稿件');
  });

  it('refuses to trash or restore over a folder of the same id, changing nothing', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const { id } = await ws.create('a', 'en');
    await ws.trash(id, 'a');
    expect(await failureCode(ws.trash(id, 'a'))).toBe('not-found');
    // The same id appears in articles/ again, e.g. copied back by hand or synced from elsewhere.
    await cp(ws.layout.trashDir(id), ws.layout.articleDir(id), { recursive: true });
    const before = await snapshotTree(ws.layout.root);
    expect(await failureCode(ws.restore(id))).toBe('conflict');
    expect(await failureCode(ws.trash(id, 'a'))).toBe('conflict');
    expect(await snapshotTree(ws.layout.root)).toEqual(before);
  });
});

describe('Workspace: damaged files', () => {
  async function workspaceWithThree() {
    const ws = await openTempWorkspace(await tempDir());
    const ids: string[] = [];
    for (const headline of ['good', 'truncated', 'garbage']) {
      const { id } = await ws.create('a', 'zh-CN');
      await ws.save(id, 0, content(headline), 'a');
      ids.push(id);
    }
    const [good, truncated, garbage] = ids as [string, string, string];
    const article = (id: string) => join(ws.layout.articleDir(id), 'article.json');
    const full = await readFile(article(truncated));
    await writeFile(article(truncated), full.subarray(0, Math.floor(full.length / 2)));
    await writeFile(article(garbage), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x7b]));
    return { ws, good, truncated, garbage, article };
  }

  it('reports a truncated or garbage article.json as damaged for that article only, leaving it untouched', async () => {
    const { ws, good, truncated, garbage, article } = await workspaceWithThree();
    const damagedBytes = [await readFile(article(truncated)), await readFile(article(garbage))];

    expect(await failureCode(ws.get(truncated))).toBe('damaged');
    expect(await failureCode(ws.get(garbage))).toBe('damaged');
    expect(await failureCode(ws.save(truncated, 1, content('overwrite?'), 'a'))).toBe('damaged');
    expect(await failureCode(ws.save(garbage, 1, content('overwrite?'), 'a'))).toBe('damaged');
    await expect(ws.get(truncated)).rejects.toThrow(`articles/${truncated}/article.json`);

    expect([await readFile(article(truncated)), await readFile(article(garbage))]).toEqual(damagedBytes);
    expect((await ws.get(good)).headline).toBe('good');
    await ws.save(good, 1, content('good, saved again'), 'a');
    // Their summaries are intact, so the library still lists all three.
    const list = await ws.list();
    expect(list.articles.map((a) => a.headline).sort()).toEqual(['garbage', 'good, saved again', 'truncated']);
    expect(list.damaged).toEqual([]);
  });

  it('falls back to article.json when summary.json is garbage', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const { id } = await ws.create('a', 'en');
    await ws.save(id, 0, content('from the article file'), 'a');
    await writeFile(join(ws.layout.articleDir(id), 'summary.json'), 'not json at all');
    const list = await ws.list();
    expect(list.articles).toHaveLength(1);
    expect(list.articles[0]).toMatchObject({ id, headline: 'from the article file' });
    expect(list.damaged).toEqual([]);
  });

  it('does not trust a summary.json that names another article', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const a = await ws.create('a', 'en');
    const b = await ws.create('a', 'en');
    await ws.save(a.id, 0, content('A'), 'a');
    await ws.save(b.id, 0, content('B'), 'a');
    await writeFile(join(ws.layout.articleDir(b.id), 'summary.json'), await readFile(join(ws.layout.articleDir(a.id), 'summary.json')));
    const list = await ws.list();
    expect(list.articles.map((s) => [s.id, s.headline]).sort()).toEqual([
      [a.id, 'A'],
      [b.id, 'B'],
    ].sort());
  });

  it('lists an article whose article.json and summary.json are both garbage under damaged', async () => {
    const { ws, good, truncated, garbage, article } = await workspaceWithThree();
    await writeFile(join(ws.layout.articleDir(garbage), 'summary.json'), '{"id":');
    const before = await readFile(article(garbage));
    const list = await ws.list();
    expect(list.articles.map((a) => a.id).sort()).toEqual([good, truncated].sort());
    expect(list.damaged).toEqual([{ id: garbage, file: join('articles', garbage, 'article.json'), problem: expect.stringMatching(/not valid JSON/) }]);
    expect(await readFile(article(garbage))).toEqual(before);
  });

  it('treats an article.json whose id does not match its folder as damaged', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const a = await ws.create('a', 'en');
    const b = await ws.create('a', 'en');
    await writeFile(join(ws.layout.articleDir(b.id), 'article.json'), await readFile(join(ws.layout.articleDir(a.id), 'article.json')));
    await expect(ws.get(b.id)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/does not match/) });
  });

  it('reports a damaged workspace.json, leaves it untouched and keeps working', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'workspace.json'), '{"format": 1, "name": ');
    const ws = await openTempWorkspace(root);
    expect(ws.manifestProblem).toMatch(/^workspace\.json .*not valid JSON/);
    expect((await ws.info()).channels).toEqual(DEFAULT_CHANNELS);
    expect((await ws.info()).problems).toEqual([{ file: 'workspace.json', problem: expect.stringMatching(/^file is not valid JSON/) }]);
    expect(await readFile(join(root, 'workspace.json'), 'utf8')).toBe('{"format": 1, "name": ');
    const { id } = await ws.create('a', 'en');
    expect((await ws.get(id)).id).toBe(id);
  });

  it('writes workspace.json for a new folder and reads it back on reopening', async () => {
    const root = await tempDir();
    const ws = await openTempWorkspace(root);
    expect(ws.manifestProblem).toBeNull();
    const manifest = JSON.parse(await readFile(join(root, 'workspace.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 1, channels: DEFAULT_CHANNELS });
    const reopened = await Workspace.open(root, steppingClock());
    expect(reopened.manifestProblem).toBeNull();
    expect(await reopened.info()).toEqual(await ws.info());
  });
});

describe('Workspace: temp files', () => {
  it('removes temp files older than ten minutes on open and keeps recent ones', async () => {
    const root = await tempDir();
    const ws = await openTempWorkspace(root);
    const { id } = await ws.create('林晓岚', 'zh-CN');
    const dir = ws.layout.articleDir(id);
    const old = join(dir, 'article.json.tmp-aaaaaaaaaaaa');
    const recent = join(dir, 'article.json.tmp-bbbbbbbbbbbb');
    await writeFile(old, 'half a write');
    await writeFile(recent, 'a write in progress');
    const { utimes } = await import('node:fs/promises');
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(old, anHourAgo, anHourAgo);

    await Workspace.open(root, { now: () => new Date() });
    expect(await exists(old)).toBe(false);
    expect(await exists(recent)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['article.json', 'article.json.tmp-bbbbbbbbbbbb', 'summary.json']);
  });
});

describe('Workspace: ids', () => {
  const invalid = ['../x', '../../etc/passwd', '..%2f..%2fsecret', '20250101-ABCDEF1234', 'short', '', '-leading-dash', 'a/b/c/defghij', '20250101-abc\0def', 'x'.repeat(65)];

  it.each(invalid)('refuses the id %j with invalid-input and touches nothing', async (id) => {
    const ws = await openTempWorkspace(await tempDir());
    await ws.create('a', 'en');
    const before = await snapshotTree(ws.layout.root);
    expect(await failureCode(ws.get(id))).toBe('invalid-input');
    expect(await failureCode(ws.save(id, 0, content('x'), 'a'))).toBe('invalid-input');
    expect(await failureCode(ws.trash(id, 'a'))).toBe('invalid-input');
    expect(await failureCode(ws.restore(id))).toBe('invalid-input');
    expect(await snapshotTree(ws.layout.root)).toEqual(before);
  });
});

describe('Workspace: concurrent saves', () => {
  it('lets exactly one of several saves based on the same revision through', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const { id } = await ws.create('a', 'en');
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((n) => ws.save(id, 0, content(`writer ${n}`), `writer ${n}`)));
    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(succeeded).toHaveLength(1);
    expect(failed.map((r) => (r.reason as AppFailure).code)).toEqual(['conflict', 'conflict', 'conflict', 'conflict']);
    expect((await ws.get(id)).revision).toBe(1);
  });

  it('runs saves fired together in order, each seeing the one before', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const { id } = await ws.create('a', 'en');
    const saved = await Promise.all([0, 1, 2, 3].map((base) => ws.save(id, base, content(`revision ${base + 1}`), 'a')));
    expect(saved.map((s) => s.revision)).toEqual([1, 2, 3, 4]);
    const stored = await ws.get(id);
    expect(stored).toMatchObject({ revision: 4, headline: 'revision 4' });
    expect((await ws.list()).articles[0]).toMatchObject({ headline: 'revision 4' });
  });
});

describe('Workspace: review log and policy', () => {
  it('lists the review state from the log, not a stale summary.json', async () => {
    const ws = await openTempWorkspace(await tempDir());
    const { id } = await ws.create('Lin Xiaolan', 'en', AUTHOR.id);
    const other = await ws.create('Lin Xiaolan', 'en', AUTHOR.id);
    // Another desk's records arrive (a synced workspace) without this desk writing a summary.
    const desk = new Desk(AUTHOR.id, contentHash(await ws.get(id))).submit().approve(EDITOR);
    for (const record of desk.records) await appendLine(join(ws.layout.articleDir(id), REVIEW_LOG), recordLine(record).trimEnd());
    const { articles } = await ws.list();
    expect(articles.find((a) => a.id === id)).toMatchObject({ review: { stage: 'second', recordCount: 2 }, reviewProblem: null });
    expect(articles.find((a) => a.id === other.id)).toMatchObject({ review: { stage: 'draft', recordCount: 0 } });
    expect((await ws.review(id)).state).toEqual(articles.find((a) => a.id === id)!.review);
  });

  it('keeps the policy in workspace.json, and refuses to change it while that file is damaged', async () => {
    const root = await tempDir();
    const ws = await openTempWorkspace(root);
    expect(await ws.updatePolicy({ blockApprovalWithOpenAnnotations: true })).toEqual({ authorMayReview: false, blockApprovalWithOpenAnnotations: true });
    expect((await openTempWorkspace(root)).policy()).toEqual({ authorMayReview: false, blockApprovalWithOpenAnnotations: true });

    await writeFile(join(root, 'workspace.json'), '{broken');
    const damaged = await openTempWorkspace(root);
    expect(await failureCode(damaged.updatePolicy({ authorMayReview: true }))).toBe('damaged');
    expect(await readFile(join(root, 'workspace.json'), 'utf8')).toBe('{broken');
  });
});

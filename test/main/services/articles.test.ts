import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/main/services/articles';
import { DataFolder } from '../../../src/main/services/data-folder';
import { openWorkspace } from '../../../src/main/services/open-workspace';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, headingNode, paragraphNode } from '../../../src/shared/article/body';
import { contentHash } from '../../../src/shared/article/canonical';
import { AppFailure } from '../../../src/shared/contract/errors';
import { ed25519 } from '../../../src/shared/identity/ed25519';
import { snapshotTree } from '../../helpers/files';
import { articleLogFiles, articleLogPath, tempApp, type TempApp } from '../../helpers/handlers';
import { useTempDirs } from '../../helpers/temp-dir';
import { steppingClock } from '../../helpers/workspace';

const tempDir = useTempDirs('articles-');
const STAFF = [{ name: '周明远', roles: ['reporter' as const] }];

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

/** A workspace with its first person (林晓岚) and a reporter (周明远), both signed in. */
async function desk(): Promise<TempApp & { lin: Actor; zhou: Actor }> {
  const app = await tempApp(await tempDir(), {}, STAFF);
  const zhou = (await app.workspace.roster()).roster.people.find((person) => person.name === '周明远')!;
  return { ...app, lin: await app.actorOf(app.firstPersonId), zhou: await app.actorOf(zhou.id) };
}

describe('Articles: creating and saving', () => {
  it('creates an article as a signed create and a first revision in its author’s log, and reads it back', async () => {
    const app = await desk();
    const created = await app.workspace.articles.create(app.lin, 'zh-CN');
    expect(created).toMatchObject({ revision: 1, authorId: app.firstPersonId, createdBy: '林晓岚', updatedBy: '林晓岚', language: 'zh-CN', headline: '' });
    expect(created.id).toMatch(/^\d{8}-[0-9a-f]{10}$/);
    expect(created.head).toMatch(/^[0-9a-f]{64}$/);
    expect(await app.workspace.get(created.id)).toEqual(created);
    // Nothing but the signed log (and content blobs): no article.json to edit by hand.
    expect(await readdir(app.workspace.layout.articleDir(created.id))).toEqual(expect.not.arrayContaining(['article.json', 'summary.json']));
    const logs = await articleLogFiles(app.workspace, created.id);
    expect([...logs.keys()]).toEqual([(await articleLogPath(app, created.id, app.firstPersonId)).split('/').at(-1)]);
    expect([...logs.values()][0]!.trimEnd().split('\n')).toHaveLength(2);
    const { verdict } = await app.workspace.articles.state(created.id);
    expect(verdict.records.map((record) => [record.kind, record.status, record.by])).toEqual([
      ['create', 'signed', app.firstPersonId],
      ['revision', 'signed', app.firstPersonId],
    ]);
  });

  it('saves each copy as a revision made from the head, signed by whoever saved it', async () => {
    const app = await desk();
    const { id, head } = await app.workspace.articles.create(app.lin, 'zh-CN');
    const first = await app.workspace.articles.save(app.zhou, id, head, content('第一版'));
    expect(first).toMatchObject({ revision: 2, updatedBy: '周明远' });
    const second = await app.workspace.articles.save(app.lin, id, first.head, content('第二版'));
    expect(second).toMatchObject({ revision: 3, updatedBy: '林晓岚' });
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(await app.workspace.get(id)).toMatchObject({ ...content('第二版'), revision: 3, head: second.head, createdBy: '林晓岚', updatedBy: '林晓岚' });
    const { verdict } = await app.workspace.articles.state(id);
    expect(verdict.revisions.map((revision) => revision.event.from)).toEqual([[], [head], [first.head]]);
    expect(verdict.revisions.map((revision) => revision.by)).toEqual([app.firstPersonId, app.zhou.person.id, app.firstPersonId]);
  });

  it('writes nothing for a save of the copy as it already is', async () => {
    const app = await desk();
    const { id, head } = await app.workspace.articles.create(app.lin, 'en', content('Same'));
    const before = await articleLogFiles(app.workspace, id);
    expect(await app.workspace.articles.save(app.lin, id, head, content('Same'))).toMatchObject({ head, revision: 1 });
    expect(await articleLogFiles(app.workspace, id)).toEqual(before);
  });

  it('refuses a save made from a revision that is no longer the head, writing nothing', async () => {
    const app = await desk();
    const { id, head } = await app.workspace.articles.create(app.lin, 'en');
    await app.workspace.articles.save(app.lin, id, head, content('mine'));
    const before = await snapshotTree(app.workspace.layout.articleDir(id));
    expect(await failureCode(app.workspace.articles.save(app.zhou, id, head, content('theirs')))).toBe('conflict');
    expect(await failureCode(app.workspace.articles.save(app.zhou, id, '', content('theirs')))).toBe('conflict');
    expect(await snapshotTree(app.workspace.layout.articleDir(id))).toEqual(before);
    expect((await app.workspace.get(id)).headline).toBe('mine');
  });

  it('answers not-found for an article that does not exist, and creates nothing for it', async () => {
    const app = await desk();
    const missing = '20250101-0000000000';
    expect(await failureCode(app.workspace.get(missing))).toBe('not-found');
    expect(await failureCode(app.workspace.articles.save(app.lin, missing, '', content('x')))).toBe('not-found');
    expect(await failureCode(app.workspace.articles.act(app.lin, missing, 'trash', () => ({ action: 'trash' })))).toBe('not-found');
    expect(await readdir(app.workspace.layout.articles)).toEqual([]);
  });

  it('lists articles, most recently updated first', async () => {
    const app = await desk();
    const a = await app.workspace.articles.create(app.lin, 'en');
    const b = await app.workspace.articles.create(app.lin, 'en');
    const c = await app.workspace.articles.create(app.zhou, 'en');
    await app.workspace.articles.save(app.lin, a.id, a.head, content('A updated last'));
    const list = await app.workspace.articles.list();
    expect(list.articles.map((s) => s.id)).toEqual([a.id, c.id, b.id]);
    expect(list.articles[0]).toMatchObject({ headline: 'A updated last', channel: ['首页', '贵山', '正文'], createdBy: '林晓岚', updatedBy: '林晓岚' });
    expect(list.articles[1]).toMatchObject({ authorId: c.authorId, createdBy: '周明远' });
    expect(list.damaged).toEqual([]);
  });

  it('creates an article with a copy made elsewhere (an import) under a fresh id', async () => {
    const app = await desk();
    const first = await app.workspace.articles.create(app.lin, 'en', content('Imported'));
    const second = await app.workspace.articles.create(app.lin, 'en', content('Imported'));
    expect(second.id).not.toBe(first.id);
    expect(await app.workspace.get(second.id)).toMatchObject({ ...content('Imported'), revision: 1 });
  });
});

describe('Articles: the trash', () => {
  it('puts an article in the trash and back as signed events, the folder and the copy staying as they were', async () => {
    const app = await desk();
    const { id, head } = await app.workspace.articles.create(app.lin, 'zh-CN');
    await app.workspace.articles.save(app.lin, id, head, content('要删除的稿件'));
    const before = await app.workspace.get(id);

    await app.workspace.articles.act(app.zhou, id, 'trash', () => ({ action: 'trash', reason: '重复稿件', stage: 'draft' }));
    expect((await app.workspace.articles.list()).articles).toEqual([]);
    expect((await app.workspace.articles.state(id)).verdict.trash).toMatchObject({ trashed: true, byName: '周明远', reason: '重复稿件' });
    expect(await app.workspace.get(id)).toEqual(before);

    await app.workspace.articles.act(app.lin, id, 'trash', () => ({ action: 'restore' }));
    expect((await app.workspace.articles.list()).articles.map((article) => article.id)).toEqual([id]);
    expect((await app.workspace.articles.state(id)).verdict.trash).toMatchObject({ trashed: false });
    expect(await app.workspace.get(id)).toEqual(before);
    const { verdict } = await app.workspace.articles.state(id);
    expect(verdict.records.filter((record) => record.kind === 'trash').map((record) => [record.by, record.status, (record.event as { action: string }).action])).toEqual([
      [app.zhou.person.id, 'signed', 'trash'],
      [app.firstPersonId, 'signed', 'restore'],
    ]);
  });
});

describe('Articles: damaged files', () => {
  it('reports a garbled log line for that article only, leaving the file as it is', async () => {
    const app = await desk();
    const good = await app.workspace.articles.create(app.lin, 'zh-CN', content('good'));
    const bad = await app.workspace.articles.create(app.lin, 'zh-CN', content('bad'));
    const path = await articleLogPath(app, bad.id, app.firstPersonId);
    const garbage = Buffer.from([0x00, 0xff, 0x13, 0x37, 0x7b, 0x0a]);
    await writeFile(path, garbage);

    const review = await app.workspace.review(bad.id);
    expect(review.problem).toMatch(new RegExp(`^articles/${bad.id}/log/.* line 1: `));
    expect((await readdir(join(app.workspace.layout.articleDir(bad.id), 'log'))).length).toBe(1);
    expect(await snapshotTree(join(app.workspace.layout.articleDir(bad.id), 'log'))).toEqual(new Map([[path.split('/').at(-1), garbage.toString('base64')]]));
    // The other article lists and saves as before.
    expect((await app.workspace.review(good.id)).problem).toBeNull();
    await app.workspace.articles.save(app.lin, good.id, good.head, content('good, saved again'));
    const list = await app.workspace.articles.list();
    expect(list.articles.map((article) => article.headline)).toContain('good, saved again');
  });

  it('lists an article folder with no log (half synced, or made by hand) under damaged, naming it', async () => {
    const app = await desk();
    const good = await app.workspace.articles.create(app.lin, 'en', content('good'));
    const empty = '20250101-00000000ff';
    await writeFile(join(app.workspace.layout.articles, 'README.txt'), 'not an article');
    await import('node:fs/promises').then(({ mkdir }) => mkdir(join(app.workspace.layout.articleDir(empty), 'log'), { recursive: true }));
    const list = await app.workspace.articles.list();
    expect(list.articles.map((article) => article.id)).toEqual([good.id]);
    expect(list.damaged).toEqual([{ id: empty, file: `articles/${empty}`, problem: 'there is no such article in this workspace' }]);
  });

  it('lists the same articles after this desk’s cache of copies is deleted or garbled (it is only a cache)', async () => {
    const app = await desk();
    for (const headline of ['one', 'two']) await app.workspace.articles.create(app.lin, 'en', content(headline));
    const listed = await app.workspace.articles.list();
    const cache = join(app.data.cacheDir(app.workspace.manifest!.workspaceId), 'copies');
    const [entry] = await readdir(cache);
    await writeFile(join(cache, entry!), '{"head": "garbage"');
    const fresh = await openWorkspace({ root: app.workspace.layout.root, clock: steppingClock(), data: new DataFolder(app.data.root), ed: await ed25519() });
    expect(await fresh.articles.list()).toEqual(listed);
    await rm(cache, { recursive: true });
    const again = await openWorkspace({ root: app.workspace.layout.root, clock: steppingClock(), data: new DataFolder(app.data.root), ed: await ed25519() });
    expect(await again.articles.list()).toEqual(listed);
  });
});

describe('Articles: ids', () => {
  const invalid = ['../x', '../../etc/passwd', '..%2f..%2fsecret', '20250101-ABCDEF1234', 'short', '', '-leading-dash', 'a/b/c/defghij', '20250101-abc\0def', 'x'.repeat(65)];

  it.each(invalid)('refuses the id %j with invalid-input and touches nothing', async (id) => {
    const app = await desk();
    await app.workspace.articles.create(app.lin, 'en');
    const before = await snapshotTree(app.workspace.layout.root);
    expect(await failureCode(app.workspace.get(id))).toBe('invalid-input');
    expect(await failureCode(app.workspace.articles.save(app.lin, id, '', content('x')))).toBe('invalid-input');
    expect(await failureCode(app.workspace.articles.act(app.lin, id, 'trash', () => ({ action: 'trash' })))).toBe('invalid-input');
    expect(await failureCode(app.workspace.articles.record(app.lin, id, { kind: 'save' }))).toBe('invalid-input');
    expect(await snapshotTree(app.workspace.layout.root)).toEqual(before);
  });
});

describe('Articles: writes at the same time', () => {
  it('lets exactly one of several saves made from the same head through', async () => {
    const app = await desk();
    const { id, head } = await app.workspace.articles.create(app.lin, 'en');
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((n) => app.workspace.articles.save(n % 2 ? app.zhou : app.lin, id, head, content(`writer ${n}`))));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(failed.map((r) => (r.reason as AppFailure).code)).toEqual(['conflict', 'conflict', 'conflict', 'conflict']);
    expect((await app.workspace.get(id)).revision).toBe(2);
  });

  it('runs revisions recorded together one after another, each made from the one before: one head, nothing crossed', async () => {
    const app = await desk();
    const { id } = await app.workspace.articles.create(app.lin, 'en');
    const recorded = await Promise.all([1, 2, 3, 4].map((n) => app.workspace.articles.record(n % 2 ? app.zhou : app.lin, id, { kind: 'save', label: `v${n}` }, content(`revision ${n}`))));
    const { verdict } = await app.workspace.articles.state(id);
    expect(verdict.revisions.slice(1).map((revision) => revision.id)).toEqual(recorded);
    expect(verdict.revisions.slice(2).map((revision) => revision.event.from)).toEqual(recorded.slice(0, 3).map((from) => [from]));
    expect(verdict.revisionHeads).toEqual([recorded[3]]);
    expect(verdict.problems).toEqual([]);
    expect(await app.workspace.get(id)).toMatchObject({ headline: 'revision 4', revision: 5 });
  });

  it('shows what another desk signed in the same folder (a synced workspace) as soon as its lines are there', async () => {
    const app = await desk();
    const { id } = await app.workspace.articles.create(app.lin, 'en', content('Shared'));
    expect((await app.workspace.articles.list()).articles[0]!.review).toMatchObject({ stage: 'draft', recordCount: 0 });
    // The same person at another machine: another data folder, another desk id, another file.
    const other = await openWorkspace({ root: app.workspace.layout.root, clock: steppingClock('2025-05-02T08:00:00.000Z'), data: new DataFolder(await tempDir()), ed: await ed25519() });
    const { id: otherId } = await other.articles.create(app.zhou, 'en', content('From the other desk'));
    await other.articles.review(app.lin, id, () => ({ action: 'submit', actorName: '林晓岚', stage: 'draft', opinion: '', contentHash: contentHash(content('Shared')) }));
    const listed = await app.workspace.articles.list();
    expect(listed.articles.map((article) => article.id).sort()).toEqual([id, otherId].sort());
    expect(listed.articles.find((article) => article.id === id)!.review).toMatchObject({ recordCount: 1 });
    expect((await readdir(join(app.workspace.layout.articleDir(id), 'log'))).length).toBe(2);
  });
});

import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolder } from '../../../../src/main/services/data-folder';
import { LiveWorkspace } from '../../../../src/main/services/live/live-workspace';
import { INDEX_FILE } from '../../../../src/main/services/search/schema';
import { Library, LIBRARY_CACHE } from '../../../../src/main/services/search/library';
import type { Article } from '../../../../src/shared/article/article';
import { bodyOf, figureNode, paragraphNode } from '../../../../src/shared/article/body';
import { openApp } from '../../../helpers/handlers';
import { contentOf, newsroom, submittedArticle, type Newsroom } from '../../../helpers/newsroom';
import { readSamplePng } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('nr-library-');
const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const thing of open.splice(0)) thing.close();
});

function libraryOf(n: Pick<Newsroom, 'workspace' | 'data'>): Library {
  const library = new Library(n.workspace, n.data);
  open.push(library);
  return library;
}

const CAPTION = '黔东南苗寨的梯田在云海中若隐若现';

/** An article by the reporter with a paragraph and a figure whose caption holds CAPTION. */
async function withFigure(n: Newsroom, headline: string): Promise<Article> {
  await n.as('reporter');
  const created = await n.call('createArticle', { language: 'zh-CN' });
  const asset = await n.call('importImage', { name: 'figure.png', dataBase64: (await readSamplePng()).toString('base64') });
  const body = bodyOf([paragraphNode('贵州的茶农今年迎来丰收。'), figureNode({ asset: asset.asset, mime: 'image/png', width: 10, height: 10, caption: CAPTION, credit: '新华社', alt: '' })]);
  await n.call('saveArticle', { id: created.id, base: created.head, content: { ...contentOf(created), headline, body } });
  return n.call('getArticle', { id: created.id });
}

const ids = (library: Library, query: string, trash = false) => library.search({ query, filters: { trash } }).hits.map((hit) => hit.row.id);

describe('the library index of a workspace', () => {
  it('follows this desk’s own writes: an article added, changed, trashed and restored', async () => {
    const n = await newsroom(join(await tempDir(), 'workspace'));
    const library = libraryOf(n);
    await library.reconcile();
    expect(library.list({}).total).toBe(0);

    const article = await withFigure(n, '山乡茶事');
    await library.settled();
    const [hit] = library.search({ query: '苗寨的梯田' }).hits;
    expect(hit?.row).toMatchObject({ id: article.id, headline: '山乡茶事', createdBy: '周明远', trashed: false, damaged: null });
    expect(hit?.snippet?.location).toMatchObject({ field: 'caption', figure: 0 });
    expect(hit?.snippet?.text).toContain('苗寨的梯田');

    await n.call('saveArticle', { id: article.id, base: article.head, content: { ...contentOf(article), headline: '茶山新歌' } });
    await library.settled();
    expect(library.search({ query: '茶山' }).hits.map((h) => h.row.headline)).toEqual(['茶山新歌']);
    expect(ids(library, '山乡茶事')).toEqual([]);

    await n.call('trashArticle', { id: article.id });
    await library.settled();
    expect(ids(library, '梯田')).toEqual([]);
    expect(ids(library, '梯田', true)).toEqual([article.id]);
    expect(library.list({ person: n.people.reporter }).counts.drafts).toBe(0);

    await n.call('restoreArticle', { id: article.id });
    await library.settled();
    expect(ids(library, '梯田')).toEqual([article.id]);
    expect(library.list({ person: n.people.reporter }).counts.drafts).toBe(1);
  });

  it('finds review opinions, and keeps the queues as the article moves through the review', async () => {
    const n = await newsroom(join(await tempDir(), 'workspace'));
    const library = libraryOf(n);
    const article = await submittedArticle(n, 'en', 'The port authority expects more traffic.');
    await library.reconcile();
    expect(library.list({ person: n.people.editor }).counts.waiting).toBe(1);
    await n.as('editor');
    await n.call('reviewAction', { id: article.id, request: { action: 'return', to: 'draft', reason: 'Please check the tonnage figures against the annual report.' } });
    await library.settled();
    const [hit] = library.search({ query: '"tonnage figures"' }).hits;
    expect(hit?.row.id).toBe(article.id);
    expect(hit?.snippet?.location).toMatchObject({ field: 'opinion', record: 1 });
    expect(library.list({ person: n.people.editor }).counts.waiting).toBe(0);
    expect(library.list({ person: n.people.reporter }).counts.returned).toBe(1);
    expect(library.search({ query: 'tonnage', filters: { reviewerId: n.people.editor.id } }).total).toBe(1);
    expect(library.search({ query: 'tonnage', filters: { reviewerId: n.people.second.id } }).total).toBe(0);
  });

  it('keeps the open annotations queue: a thread opened, resolved, and its article trashed', async () => {
    const n = await newsroom(join(await tempDir(), 'workspace'));
    const library = libraryOf(n);
    const article = await submittedArticle(n, 'en', 'The port authority expects more traffic.');
    await library.complete();
    await n.as('editor');
    await n.call('annotate', { id: article.id, op: { kind: 'open', thread: 'm-port0001', quote: 'port', text: 'Which port?' } });
    await n.call('annotate', { id: article.id, op: { kind: 'open', thread: 'm-port0002', quote: 'traffic', text: 'Since when?' } });
    await library.settled();
    expect(library.openAnnotations().map((open) => [open.articleId, open.thread.id, open.thread.comments[0]?.text])).toEqual([
      [article.id, 'm-port0002', 'Since when?'],
      [article.id, 'm-port0001', 'Which port?'],
    ]);
    expect(library.search({ query: '"since when"' }).hits[0]?.snippet?.location).toMatchObject({ field: 'annotation', thread: 'm-port0002' });
    await n.call('annotate', { id: article.id, op: { kind: 'resolve', thread: 'm-port0002' } });
    await library.settled();
    expect(library.openAnnotations().map((open) => open.thread.id)).toEqual(['m-port0001']);
    await n.as('admin');
    await n.call('trashArticle', { id: article.id, reason: 'Duplicate of another story.' });
    await library.settled();
    expect(library.openAnnotations()).toEqual([]);
  });

  it('lists an article damaged on disk as damaged, without its text, and reads it again once repaired; a folder gone is dropped', async () => {
    const root = join(await tempDir(), 'workspace');
    const n = await newsroom(root);
    const damaged = await withFigure(n, '受损的稿件');
    const gone = await withFigure(n, '将被删除的稿件');
    const library = libraryOf(n);
    await library.reconcile();
    expect(library.list({}).total).toBe(2);

    const logDir = join(n.workspace.layout.articleDir(damaged.id), 'log');
    const files = await readdir(logDir);
    const { readFile } = await import('node:fs/promises');
    const kept = new Map(await Promise.all(files.map(async (name) => [name, await readFile(join(logDir, name), 'utf8')] as const)));
    for (const name of files) await writeFile(join(logDir, name), 'not a signed line\n');
    await rm(n.workspace.layout.articleDir(gone.id), { recursive: true });

    // The next start: the index on disk is compared with the folder.
    library.close();
    const again = libraryOf(n);
    await again.reconcile();
    expect(again.list({}).total).toBe(0);
    expect(again.damaged()).toEqual([{ id: damaged.id, problem: expect.stringMatching(/./) }]);
    expect(again.list({ person: n.people.reporter }).counts.all).toBe(0);
    expect(ids(again, '梯田')).toEqual([]);

    for (const [name, text] of kept) await writeFile(join(logDir, name), text);
    again.changed([damaged.id]);
    await again.settled();
    expect(again.list({}).rows[0]).toMatchObject({ id: damaged.id, headline: '受损的稿件', damaged: null });
    expect(again.damaged()).toEqual([]);
    expect(ids(again, '梯田')).toEqual([damaged.id]);
  });

  it('never trusts a damaged index: it is rebuilt from the workspace to the same results', async () => {
    const n = await newsroom(join(await tempDir(), 'workspace'));
    await withFigure(n, '山乡茶事');
    const library = libraryOf(n);
    await library.reconcile();
    const before = library.search({ query: '梯田' });
    library.close();

    const folder = join(n.data.cacheDir(n.workspace.manifest!.workspaceId), LIBRARY_CACHE);
    await writeFile(join(folder, INDEX_FILE), 'this is not an index');
    const rebuilt = libraryOf(n);
    expect(rebuilt.status()).toMatchObject({ indexed: 0 });
    const building = rebuilt.reconcile();
    expect(rebuilt.status()).toMatchObject({ building: true, rebuilt: 'it is damaged' });
    await building;
    expect(rebuilt.status()).toMatchObject({ building: false, indexed: 1, rebuilt: null });
    expect(rebuilt.search({ query: '梯田' })).toEqual(before);
  });

  it('follows what another desk changed, as the change feed reports it', async () => {
    const root = join(await tempDir(), 'workspace');
    const a = await newsroom(root);
    const article = await withFigure(a, '山乡茶事');

    // Desk B: its own data folder on the same workspace, its folder watched.
    const b = await openApp(root, undefined, { data: new DataFolder(join(await tempDir(), 'desk-b')) });
    const live = await LiveWorkspace.start(root, await b.data.deskId(), { rescanMs: 0 });
    open.push(live);
    const library = libraryOf(b);
    library.follow(live.feed);
    await library.reconcile();
    expect(ids(library, '山乡茶事')).toEqual([article.id]);

    await a.call('saveArticle', { id: article.id, base: article.head, content: { ...contentOf(article), headline: '茶山新歌' } });
    await live.rescan();
    await library.settled();
    expect(ids(library, '茶山新歌')).toEqual([article.id]);
    expect(ids(library, '山乡茶事')).toEqual([]);
  });
});

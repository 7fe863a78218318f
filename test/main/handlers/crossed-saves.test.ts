/**
 * Two desks that save the same article without seeing each other's save (crossed saves): both
 * copies are kept as revisions, every desk derives the same merge once the files have crossed,
 * what does not collide is merged on its own, and what does waits for a person's pick.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dispatch } from '../../../src/main/handlers';
import { DataFolder } from '../../../src/main/services/data-folder';
import { describe, expect, it } from 'vitest';
import type { Article, ArticleContent } from '../../../src/shared/article/article';
import { figureNode, paragraphNode, type BodyNode } from '../../../src/shared/article/body';
import { contentOf, newsroom, submittedArticle, type Newsroom } from '../../helpers/newsroom';
import { otherDesk, type OtherDesk } from '../../helpers/other-desk';
import { syncFolder } from '../../helpers/sync-folder';
import { dataFolderOf, useTempDirs } from '../../helpers/temp-dir';
import { openApp, unlocked } from '../../helpers/handlers';
import { steppingClock } from '../../helpers/workspace';

const tempDir = useTempDirs();

const FIGURE = { asset: 'b'.repeat(64), mime: 'image/png' as const, width: 800, height: 600, caption: '市民在公园赏花。', credit: '记者 王丽 摄', alt: '公园' };

function withBody(article: Article, blocks: BodyNode[]): ArticleContent {
  return { ...contentOf(article), body: { root: { ...article.body.root, children: blocks } } };
}

const texts = (article: Article) => (article.body.root.children ?? []).map((node) => (node.type === 'figure' ? `[${String(node.caption)}]` : (node.children ?? []).map((child) => child.text).join('')));

/** A submitted article with three paragraphs and a figure, and a second desk that has received it. */
async function crossingDesks(): Promise<{ n: Newsroom; root: string; other: OtherDesk; article: Article }> {
  const root = join(await tempDir(), 'workspace');
  const n = await newsroom(root);
  const submitted = await submittedArticle(n);
  await n.as('editor');
  await n.call('saveArticle', { id: submitted.id, base: submitted.head, content: withBody(submitted, [paragraphNode('第一段：樱花开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：请文明赏花。')]) });
  const article = await n.call('getArticle', { id: submitted.id });
  const other = await otherDesk(n, root, join(await tempDir(), 'workspace'));
  return { n, root, other, article };
}

async function crossFiles(root: string, other: OtherDesk): Promise<void> {
  await syncFolder(root, other.root);
  await syncFolder(other.root, root);
}

describe('saves that cross between two desks', () => {
  it('are both kept and merged on their own when they change different blocks, the same at both desks', async () => {
    const { n, root, other, article } = await crossingDesks();
    const editor = n.people.editor.id;
    await n.call('saveArticle', { id: article.id, base: article.head, content: withBody(article, [paragraphNode('第一段：樱花全开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：请文明赏花。')]) });
    await other.call(editor, 'saveArticle', { id: article.id, base: article.head, content: withBody(article, [paragraphNode('第一段：樱花开了。'), paragraphNode('第二段：游客很多。'), figureNode({ ...FIGURE, caption: '市民在观山湖公园赏花。' }), paragraphNode('第三段：请文明赏花。')]) });
    await crossFiles(root, other);

    const here = await n.call('getArticle', { id: article.id });
    const there = await other.call(editor, 'getArticle', { id: article.id });
    expect(texts(here)).toEqual(['第一段：樱花全开了。', '第二段：游客很多。', '[市民在观山湖公园赏花。]', '第三段：请文明赏花。']);
    expect(texts(there)).toEqual(texts(here));
    expect(here.crossed?.heads).toHaveLength(2);
    expect(here.crossed?.collisions).toEqual([]);
    expect(there.crossed).toEqual(here.crossed);

    // Saving the merged copy at one desk makes it the one current copy, made from both.
    const saved = await n.call('saveArticle', { id: article.id, base: here.head, merged: here.crossed!.heads.map((head) => head.id), content: withBody(here, [...here.body.root.children!, paragraphNode('第四段：新加。')]) });
    await crossFiles(root, other);
    const after = await other.call(editor, 'getArticle', { id: article.id });
    expect(after.crossed).toBeUndefined();
    expect(after.head).toBe(saved.head);
    expect(texts(after)).toEqual(['第一段：樱花全开了。', '第二段：游客很多。', '[市民在观山湖公园赏花。]', '第三段：请文明赏花。', '第四段：新加。']);
  });

  it('are merged by a review action, whose approval names the merged copy and stays current at every desk', async () => {
    const { n, root, other, article } = await crossingDesks();
    const editor = n.people.editor.id;
    await n.call('saveArticle', { id: article.id, base: article.head, content: withBody(article, [paragraphNode('第一段：樱花全开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：请文明赏花。')]) });
    await other.call(editor, 'saveArticle', { id: article.id, base: article.head, content: withBody(article, [paragraphNode('第一段：樱花开了。'), paragraphNode('第二段：游客非常多。'), figureNode(FIGURE), paragraphNode('第三段：请文明赏花。')]) });
    await crossFiles(root, other);
    await n.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } });
    await crossFiles(root, other);
    const there = await other.call(editor, 'getArticle', { id: article.id });
    expect(there.crossed).toBeUndefined();
    expect(texts(there).slice(0, 2)).toEqual(['第一段：樱花全开了。', '第二段：游客非常多。']);
    const review = await other.call(editor, 'getReview', { id: article.id });
    expect(review.state.stage).toBe('second');
    expect(review.state.approvals.first).toMatchObject({ actorName: '王丽', stale: false, contentHash: review.state.currentHash });
  });

  it('hold what collides for a pick: no save over it and no review action until a person picks', async () => {
    const { n, root, other, article } = await crossingDesks();
    const editor = n.people.editor.id;
    await n.call('saveArticle', { id: article.id, base: article.head, content: withBody(article, [paragraphNode('第一段：桃花开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：请文明赏花。')]) });
    await other.call(editor, 'saveArticle', { id: article.id, base: article.head, content: withBody(article, [paragraphNode('第一段：梨花开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：请文明赏花，不要攀折。')]) });
    await crossFiles(root, other);

    const crossed = await n.call('getArticle', { id: article.id });
    expect(crossed.crossed?.collisions).toHaveLength(1);
    const collision = crossed.crossed!.collisions[0]!;
    expect(collision.where).toBe('body');
    // The part that does not collide is already merged.
    expect(texts(crossed).at(-1)).toBe('第三段：请文明赏花，不要攀折。');
    const heads = crossed.crossed!.heads.map((head) => head.id);

    const refusal = await n.fail('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } });
    expect(refusal.refusal?.code).toBe('crossed-copies');
    expect(refusal.refusal?.params).toMatchObject({ count: '1', names: '王丽' });
    expect((await n.fail('saveArticle', { id: article.id, base: crossed.head, merged: heads, content: contentOf(crossed) })).code).toBe('conflict');
    expect((await n.fail('mergeCrossed', { id: article.id, merged: heads, picks: [] })).code).toBe('invalid-input');

    // Side a is the first head in the verifier's order; pick whichever copy said 桃花.
    const side = collision.where === 'body' && JSON.stringify(collision.a).includes('桃花') ? 'a' : 'b';
    await other.call(editor, 'mergeCrossed', { id: article.id, merged: heads, picks: [{ id: collision.id, pick: side }] });
    await crossFiles(root, other);
    const merged = await n.call('getArticle', { id: article.id });
    expect(merged.crossed).toBeUndefined();
    expect(texts(merged)).toEqual(['第一段：桃花开了。', '第二段：游客很多。', `[${FIGURE.caption}]`, '第三段：请文明赏花，不要攀折。']);
    const history = await n.call('listRevisions', { id: article.id });
    expect(history.revisions.at(-1)).toMatchObject({ kind: 'merge', authorName: '王丽' });
    // Both crossing saves are in the log as revisions, and the merge names them both.
    await n.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } });
  });

  it('refuses a pick made on crossed copies that changed since they were shown', async () => {
    const { n, root, other, article } = await crossingDesks();
    const editor = n.people.editor.id;
    await n.call('saveArticle', { id: article.id, base: article.head, content: withBody(article, [paragraphNode('第一段：桃花开了。')]) });
    await other.call(editor, 'saveArticle', { id: article.id, base: article.head, content: withBody(article, [paragraphNode('第一段：梨花开了。')]) });
    await crossFiles(root, other);
    const shown = await n.call('getArticle', { id: article.id });
    const heads = shown.crossed!.heads.map((head) => head.id);
    // The other desk settles it first; this desk's pick, made on what it was shown, is refused.
    await other.call(editor, 'mergeCrossed', { id: article.id, merged: heads, picks: shown.crossed!.collisions.map((c) => ({ id: c.id, pick: 'a' as const })) });
    await crossFiles(root, other);
    expect((await n.fail('mergeCrossed', { id: article.id, merged: heads, picks: shown.crossed!.collisions.map((c) => ({ id: c.id, pick: 'b' as const })) })).code).toBe('conflict');
  });

  it('in copy signed off meanwhile are picked after a reopen, which stays possible while they collide', async () => {
    const root = join(await tempDir(), 'workspace');
    const n = await newsroom(root);
    const submitted = await submittedArticle(n);
    const other = await otherDesk(n, root, join(await tempDir(), 'workspace'));
    const editor = n.people.editor.id;
    // The first reviewer edits at both desks from one version; at this desk the chain then goes on to sign-off.
    await n.as('editor');
    await n.call('saveArticle', { id: submitted.id, base: submitted.head, content: contentOf(submitted, '桃花开了。') });
    await other.call(editor, 'saveArticle', { id: submitted.id, base: submitted.head, content: contentOf(submitted, '梨花开了。') });
    for (const desk of ['editor', 'second', 'third'] as const) {
      await n.as(desk);
      await n.call('reviewAction', { id: submitted.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true });
    }
    await crossFiles(root, other);
    const crossed = await n.call('getArticle', { id: submitted.id });
    expect(crossed.crossed?.collisions).toHaveLength(1);
    // No approval covers a copy that is not settled: it is not signed off, and exports only as a draft.
    const review = await n.call('getReview', { id: submitted.id });
    expect(review.state.signedOff).toBe(false);
    expect(review.state.approvals.third?.stale).toBe(true);
    // Signed-off copy is edited by nobody, so the pick has to wait for a reopen.
    expect((await n.fail('mergeCrossed', { id: submitted.id, merged: crossed.crossed!.heads.map((head) => head.id), picks: [{ id: 0, pick: 'a' }] })).refusal?.code).toBe('read-only');
    const reopened = await n.call('reviewAction', { id: submitted.id, request: { action: 'reopen', reason: '两处修改冲突，重新审。' } });
    expect(reopened.state.stage).toBe('first');
    expect(reopened.records.at(-1)).toMatchObject({ action: 'reopen', status: 'signed' });

    await crossFiles(root, other);
    const shown = await other.call(editor, 'getArticle', { id: submitted.id });
    await other.call(editor, 'mergeCrossed', { id: submitted.id, merged: shown.crossed!.heads.map((head) => head.id), picks: [{ id: 0, pick: 'both' }] });
    await crossFiles(root, other);
    const merged = await n.call('getArticle', { id: submitted.id });
    expect(merged.crossed).toBeUndefined();
    expect(texts(merged)).toEqual(expect.arrayContaining(['桃花开了。', '梨花开了。']));
  });

  it('answer a save with the revision it wrote, even when a crossing save ordered after it arrives meanwhile', async () => {
    const root = join(await tempDir(), 'workspace');
    const n = await newsroom(root);
    const article = await submittedArticle(n);
    // The other desk's clock runs an hour ahead: its save is ordered after this desk's, and shown as the head.
    const ahead = steppingClock(new Date(Date.now() + 3_600_000).toISOString());
    const other = await otherDesk(n, root, join(await tempDir(), 'workspace'), ahead);
    const editor = n.people.editor.id;
    const there = await other.call(editor, 'saveArticle', { id: article.id, base: article.head, content: contentOf(article, '梨花开了。') });

    // Its file lands here while this desk's save of the same version is being written.
    const actor = await n.actorOf(editor);
    const here = await n.workspace.articles.save(actor, article.id, article.head, contentOf(article, '桃花开了。'), () => syncFolder(other.root, root).then(() => undefined));
    const crossed = await n.call('getArticle', { id: article.id });
    expect(crossed.crossed?.heads.map((head) => head.id).sort()).toEqual([here.head, there.head].sort());
    expect(here.head).not.toBe(there.head);
    expect(crossed.head).toBe(there.head);
    // The next save from what this desk was answered goes on from its own copy: the crossing stays to be merged.
    const next = await n.workspace.articles.save(actor, article.id, here.head, contentOf(article, '桃花全开了。'));
    expect((await n.call('getArticle', { id: article.id })).crossed?.heads.map((head) => head.id).sort()).toEqual([next.head, there.head].sort());
  });
});

describe('a conflict copy of a log', () => {
  it('is read with the log, so what one desk cloned onto a second computer wrote is not lost, and it is named', async () => {
    const root = join(await tempDir(), 'workspace');
    const n = await newsroom(root);
    const article = await submittedArticle(n);
    const editor = n.people.editor.id;
    // The desk's data folder was copied to a second computer: both write the editor's log under one desk id.
    const cloneRoot = join(await tempDir(), 'workspace');
    await cp(root, cloneRoot, { recursive: true });
    await cp(dataFolderOf(root), dataFolderOf(cloneRoot), { recursive: true });
    const clone = await openApp(cloneRoot, n.clock, { data: new DataFolder(dataFolderOf(cloneRoot)) });
    const window = { session: clone.sessions.open() };
    window.session.signIn(unlocked(n.keys.get(editor)!), n.clock.now().getTime());
    const saved = await dispatch(clone.handlers, 'saveArticle', { id: article.id, base: article.head, content: withBody(article, [paragraphNode('在第二台电脑上改过的正文。')]) }, window);
    expect(saved.ok).toBe(true);
    await n.as('editor');
    await n.call('annotate', { id: article.id, op: { kind: 'open', thread: 'm-clone0001', quote: '正文', text: '请核实。' } });

    // The sync service keeps this computer's file and puts the other's beside it as a conflict copy.
    const logDir = join(root, 'articles', article.id, 'log');
    const name = (await readdir(logDir)).find((file) => file.startsWith(`${editor}.`))!;
    const copyName = name.replace(/\.jsonl$/, '.sync-conflict-20261130-101010-ABCDEFG.jsonl');
    await writeFile(join(logDir, copyName), await readFile(join(cloneRoot, 'articles', article.id, 'log', name)));

    const read = await n.call('getArticle', { id: article.id });
    expect(texts(read)).toEqual(['在第二台电脑上改过的正文。']);
    const { threads } = await n.call('listAnnotations', { id: article.id });
    expect(threads.map((thread) => thread.id)).toContain('m-clone0001');
    const problems = await n.call('checkArticleFiles', { id: article.id });
    // The lines the copy repeats from the log are no fault: the copy is the only thing named.
    expect(problems).toEqual([{ file: `articles/${article.id}/log/${copyName}`, problem: expect.stringMatching(/conflict copy.*none is lost/) }]);
    expect((await n.call('getReview', { id: article.id })).problem ?? null).toBeNull();
  });
});

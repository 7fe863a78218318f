import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { articleLogFiles, articleLogPath } from '../../helpers/handlers';
import { tamperPayload } from '../../helpers/identity';
import { inQueue } from '../../../src/shared/library/queues';
import { isReturnedTo } from '../../../src/shared/review/queues';
import type { ReviewState } from '../../../src/shared/review/review-state';
import { contentOf, newsroom, submittedArticle, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('review-handlers-');

const approve = (n: Newsroom, id: string, opinion = '同意。') => n.call('reviewAction', { id, request: { action: 'approve', opinion } });

describe('reviewAction: the three reviews', () => {
  it.each([
    ['en', 'Edited by 王丽 / Second review 赵敏 / Third review 陈杰'],
    ['zh-CN', '责任编辑：王丽\u3000二审：赵敏\u3000三审：陈杰'],
  ] as const)('takes a %s article from draft to signed, and the footer names the three reviewers', async (language, footer) => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const created = await n.call('createArticle', { language });
    const { id } = created;
    expect(await n.call('getReview', { id })).toMatchObject({ state: { stage: 'draft' }, edit: { ok: true }, footer: null, problem: null });
    // Complete copy, so the Required proofreading rules let each review approve.
    const complete = { channel: ['首页', '要闻', '正文'], byline: '本报记者 周明远', headline: language === 'en' ? 'Mountain railway opens to passengers' : '山区铁路今日通车' };
    await n.call('saveArticle', { id, base: created.head, content: { ...contentOf(created, language === 'en' ? 'The line opened today.' : '线路今日开通。'), ...complete } });

    expect((await n.call('reviewAction', { id, request: { action: 'submit' } })).state.stage).toBe('first');
    await n.as('editor');
    expect((await approve(n, id)).state.stage).toBe('second');
    await n.as('second');
    expect((await approve(n, id)).state.stage).toBe('third');
    await n.as('third');
    const signed = await approve(n, id, '签发。');
    expect(signed).toMatchObject({ state: { stage: 'signed', signedOff: true }, footer, problem: null, edit: { ok: false } });
    expect(signed.records.map((r) => [r.action, r.actorId])).toEqual([
      ['submit', n.people.reporter.id],
      ['approve', n.people.editor.id],
      ['approve', n.people.second.id],
      ['approve', n.people.third.id],
    ]);
    const { articles } = await n.call('listArticles', {});
    expect(articles.find((a) => a.id === id)).toMatchObject({ authorId: n.people.reporter.id, review: { stage: 'signed' }, reviewProblem: null });
  });

  it('returns an article to its author with the reason, where the author finds it among the returned', async () => {
    const n = await newsroom(await tempDir());
    const { id } = await submittedArticle(n);
    await n.as('editor');
    expect((await n.fail('reviewAction', { id, request: { action: 'return', to: 'draft', reason: '  ' } })).refusal?.code).toBe('reason-required');
    const returned = await n.call('reviewAction', { id, request: { action: 'return', to: 'draft', reason: '导语太长。' } });
    expect(returned.state).toMatchObject({ stage: 'draft', lastReturn: { by: n.people.editor.id, byName: '王丽', reason: '导语太长。', from: 'first', to: 'draft' } });

    await n.as('reporter');
    const { currentUser, policy } = await n.call('getSession', {});
    const summary = (await n.call('listArticles', {})).articles.find((a) => a.id === id)!;
    expect(isReturnedTo(summary.review as ReviewState, currentUser!)).toBe(true);
    expect(inQueue(summary, 'returned', currentUser, policy)).toBe(true);
    expect(inQueue(summary, 'drafts', currentUser, policy)).toBe(false);
    expect(inQueue(summary, 'returned', n.people.editor, policy)).toBe(false);
    expect((await n.call('getReview', { id })).edit).toEqual({ ok: true });

    await n.call('reviewAction', { id, request: { action: 'submit', note: '已压缩导语。' } });
    const resubmitted = (await n.call('listArticles', {})).articles.find((a) => a.id === id)!;
    expect(inQueue(resubmitted, 'returned', currentUser, policy)).toBe(false);
    expect(inQueue(resubmitted, 'waiting', n.people.editor, policy)).toBe(true);
  });

  it('marks the second approval stale when the editor edits the copy after it was returned to first review', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    const { id } = article;
    await n.as('editor');
    await approve(n, id);
    await n.as('second');
    await approve(n, id);
    await n.as('third');
    await n.call('reviewAction', { id, request: { action: 'return', to: 'first', reason: '第二段需核实。' } });

    await n.as('editor');
    const before = await n.call('getReview', { id });
    expect(before.state.approvals.second).toMatchObject({ actorId: n.people.second.id, stale: false });
    await n.call('saveArticle', { id, base: (await n.call('getArticle', { id })).head, content: contentOf(article, '核实后的正文。') });
    const after = await n.call('getReview', { id });
    expect(after.state.stage).toBe('first');
    expect(after.state.approvals.second).toMatchObject({ actorId: n.people.second.id, stale: true });
    expect(after.state.approvals.first).toMatchObject({ stale: true });
    // The edited copy goes through the second review again rather than straight to the third.
    expect((await approve(n, id)).state.stage).toBe('second');
  });

  it('refuses the person who did the first review as third reviewer', async () => {
    const n = await newsroom(await tempDir());
    await n.call('updatePerson', { id: n.people.editor.id, roles: ['editor', 'third'] });
    const { id } = await submittedArticle(n);
    await n.as('editor');
    await approve(n, id);
    await n.as('second');
    await approve(n, id);
    await n.as('editor');
    const log = await articleLogFiles(n.workspace, id);
    const error = await n.fail('reviewAction', { id, request: { action: 'approve', opinion: '签发。' } });
    expect(error).toMatchObject({ code: 'forbidden', refusal: { code: 'already-reviewed-other-stage', params: { stage: 'first', attempted: 'third' } } });
    expect(await articleLogFiles(n.workspace, id)).toEqual(log);
    await n.as('third');
    expect((await approve(n, id)).state.stage).toBe('signed');
  });
});

describe('reviewAction: milestones in the history', () => {
  it('records each review action at the stage where it was taken', async () => {
    const n = await newsroom(await tempDir());
    const { id } = await submittedArticle(n);
    await n.as('editor');
    await approve(n, id);
    await n.as('second');
    await n.call('reviewAction', { id, request: { action: 'return', to: 'first', reason: '再核实。' } });
    const milestones = (await n.call('listRevisions', { id })).revisions.filter((r) => r.kind === 'milestone');
    expect(milestones.map((r) => [r.action, r.stage])).toEqual([
      ['submit', 'draft'],
      ['approve', 'first'],
      ['return', 'second'],
    ]);
  });
});

describe('reviewAction: open annotations', () => {
  const openThread = (n: Newsroom, id: string) =>
    n.call('annotate', { id, op: { kind: 'open', thread: 'm-thread01', quote: '正文', text: '请核实。' } });

  it('asks the reviewer to acknowledge open annotations before approving', async () => {
    const n = await newsroom(await tempDir());
    const { id } = await submittedArticle(n);
    await n.as('editor');
    await openThread(n, id);
    expect((await n.call('getReview', { id })).openAnnotations).toBe(1);
    const error = await n.fail('reviewAction', { id, request: { action: 'approve', opinion: '同意。' } });
    expect(error).toMatchObject({ code: 'forbidden', refusal: { code: 'open-annotations', params: { count: '1', blocking: 'false' } } });
    const approved = await n.call('reviewAction', { id, request: { action: 'approve', opinion: '同意。' }, acknowledgeOpenAnnotations: true });
    expect(approved.state.stage).toBe('second');
  });

  it('refuses even an acknowledged approval when the workspace policy blocks it, until the thread is resolved', async () => {
    const n = await newsroom(await tempDir());
    await n.call('updatePolicy', { blockApprovalWithOpenAnnotations: true });
    const { id } = await submittedArticle(n);
    await n.as('editor');
    await openThread(n, id);
    const request = { action: 'approve', opinion: '同意。' } as const;
    const error = await n.fail('reviewAction', { id, request, acknowledgeOpenAnnotations: true });
    expect(error.refusal).toEqual({ code: 'open-annotations', params: { count: '1', blocking: 'true' } });
    expect((await n.call('getReview', { id })).records).toHaveLength(1);
    await n.call('annotate', { id, op: { kind: 'resolve', thread: 'm-thread01' } });
    expect((await n.call('reviewAction', { id, request })).state.stage).toBe('second');
  });
});

describe('reviewAction: a tampered review log', () => {
  it('reports the altered record for that article only and refuses to act on it, leaving the file untouched', async () => {
    const n = await newsroom(await tempDir());
    const tampered = await submittedArticle(n, 'zh-CN', '第一篇。');
    const other = await submittedArticle(n, 'en', 'Second story.');
    await n.as('editor');
    await approve(n, tampered.id, '同意。');
    await approve(n, other.id, 'Fine.');

    // The editor's approval is the first line of her file; its opinion is changed by hand, the signature kept.
    const path = await articleLogPath(n, tampered.id, n.people.editor.id);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[0] = tamperPayload(lines[0]!, (payload) => {
      const event = payload.event as { opinion: string };
      expect(event.opinion).toBe('同意。');
      event.opinion = '不同意。';
    });
    await writeFile(path, lines.join('\n'));
    const bytes = await readFile(path);

    const review = await n.call('getReview', { id: tampered.id });
    const file = `log/${n.people.editor.id}`;
    expect(review.problem).toContain(`${file}`);
    expect(review.problem).toContain('line 1');
    expect(review.records.find((record) => record.actorId === n.people.editor.id)?.status).toBe('forged');
    expect((await n.call('getReview', { id: other.id })).problem).toBeNull();

    const { articles, damaged } = await n.call('listArticles', {});
    expect(damaged).toEqual([]);
    expect(articles.find((a) => a.id === tampered.id)?.reviewProblem).toContain('line 1');
    expect(articles.find((a) => a.id === other.id)).toMatchObject({ reviewProblem: null, review: { stage: 'second' } });

    await n.as('second');
    const error = await n.fail('reviewAction', { id: tampered.id, request: { action: 'approve', opinion: '同意。' } });
    expect(error).toMatchObject({ code: 'forbidden', refusal: { code: 'chain-damaged' } });
    expect(await readFile(path)).toEqual(bytes);
    expect((await approve(n, other.id, 'Fine.')).state.stage).toBe('third');
  });
});

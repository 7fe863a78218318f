import { describe, expect, it } from 'vitest';
import { contentOf, newsroom, submittedArticle } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('check-handlers-');

describe('proofreading gates approval', () => {
  it('refuses an approval with a Required finding, naming the rule, until the text is fixed', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const article = await submittedArticle(n, 'zh-CN', '我们的的茶园。');
    await n.as('editor');
    const refusal = await n.fail('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } });
    // The doubled 的 is in the body and in the headline the helper makes from it.
    expect(refusal).toMatchObject({ code: 'forbidden', refusal: { code: 'required-checks', params: { count: '2' } } });
    expect(refusal.message).toContain('Repeated word');

    const current = await n.call('getArticle', { id: article.id });
    await n.call('saveArticle', { id: article.id, base: current.head, content: { ...contentOf(current, '我们的茶园。'), headline: '我们的茶园今年丰收' } });
    expect((await n.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } })).state.stage).toBe('second');
  });

  it('lets a finding ignored here with a reason pass, and shows the reason to later reviewers', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const article = await submittedArticle(n, 'zh-CN', '我们的的茶园。');
    await n.as('editor');
    const { runChecks } = await import('../../../src/shared/checks/index');
    const findings = runChecks(contentOf(await n.call('getArticle', { id: article.id })));
    expect(findings.map((f) => f.rule)).toEqual(['repeated-word', 'repeated-word']);
    const [first, second] = findings;
    await n.call('ignoreFinding', { id: article.id, findingId: first!.id, reason: '引语原文如此。' });
    expect((await n.fail('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } })).refusal).toMatchObject({ params: { count: '1' } });
    const ignores = await n.call('ignoreFinding', { id: article.id, findingId: second!.id, reason: '引语原文如此。' });
    expect(ignores).toEqual([expect.objectContaining({ findingId: first!.id, reason: '引语原文如此。', byName: '王丽' }), expect.objectContaining({ findingId: second!.id })]);
    expect((await n.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } })).state.stage).toBe('second');
    await n.as('second');
    expect((await n.call('getProofreading', { id: article.id })).ignores).toEqual(ignores);
  });

  it('asks to acknowledge Recommended findings, and lets an admin turn a rule off', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const article = await submittedArticle(n, 'zh-CN', '近日，茶园开采。');
    await n.as('editor');
    const request = { action: 'approve' as const, opinion: '同意。' };
    expect((await n.fail('reviewAction', { id: article.id, request })).refusal).toMatchObject({ code: 'recommended-checks' });
    expect((await n.fail('updateProofreading', { settings: undefined })).refusal).toMatchObject({ code: 'admin-only' });
    await n.as('admin');
    const { settings } = await n.call('getProofreading', { id: article.id });
    await n.call('updateProofreading', { settings: { ...settings, rules: { ...settings.rules, 'vague-time': { level: 'off', blocksStages: [] } } } });
    await n.as('editor');
    expect((await n.call('reviewAction', { id: article.id, request })).state.stage).toBe('second');
  });

  it('records an approval given over Recommended findings with how many there were', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n, 'zh-CN', '近日，茶园开采。');
    await n.as('editor');
    const request = { action: 'approve' as const, opinion: '同意。' };
    const refusal = (await n.fail('reviewAction', { id: article.id, request })).refusal;
    expect(refusal).toMatchObject({ code: 'recommended-checks', params: { count: '2' } });
    const approved = await n.call('reviewAction', { id: article.id, request, acknowledgeRecommendedChecks: true });
    expect(approved.records.at(-1)).toMatchObject({ action: 'approve', overRecommended: 2 });
    expect(approved.state.approvals.first).toMatchObject({ actorName: '王丽', overRecommended: 2, stale: false });
    // The chain still verifies with the new field in it.
    expect(approved.problem).toBeNull();
  });

  it('warns the author before submitting of the Required findings the first review will refuse, with the same list', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const created = await n.call('createArticle', { language: 'zh-CN' });
    await n.call('saveArticle', {
      id: created.id,
      base: created.head,
      content: { ...contentOf(created, '我们的的茶园。'), headline: '茶园今年丰收', channel: ['首页', '要闻'], byline: '本报记者 周明远' },
    });
    const submit = { id: created.id, request: { action: 'submit' as const } };
    const ahead = await n.fail('reviewAction', submit);
    expect(ahead).toMatchObject({ code: 'forbidden', refusal: { code: 'required-checks-ahead', params: { count: '1', rules: 'Repeated words' } } });
    expect((await n.call('getReview', { id: created.id })).state.stage).toBe('draft');

    expect((await n.call('reviewAction', { ...submit, acknowledgeRequiredChecks: true })).state.stage).toBe('first');
    await n.as('editor');
    const refused = await n.fail('reviewAction', { id: created.id, request: { action: 'approve', opinion: '同意。' } });
    expect(refused.refusal?.params).toEqual(ahead.refusal?.params);
  });
});

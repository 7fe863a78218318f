import { describe, expect, it } from 'vitest';
import { newsroom, signedOffArticle, submittedArticle, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('trash-handlers-');

/** The article's trash and restore events: who signed each, its status, what it says. */
async function trashEvents(n: Newsroom, id: string) {
  const { verdict } = await n.workspace.articles.state(id);
  return verdict.records.filter((record) => record.kind === 'trash').map((record) => [record.by, record.status, record.event]);
}

describe('trashArticle', () => {
  it('lets the author trash their draft, and not a colleague', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const { id } = await n.call('createArticle', { language: 'zh-CN' });
    await n.as('editor');
    expect((await n.fail('trashArticle', { id })).refusal).toEqual({ code: 'cannot-trash', params: { name: '王丽', stage: 'draft' } });
    await n.as('reporter');
    await n.call('trashArticle', { id });
    expect(await trashEvents(n, id)).toEqual([[n.people.reporter.id, 'signed', { action: 'trash', stage: 'draft' }]]);
    expect(await n.call('listTrash', {})).toEqual([expect.objectContaining({ id, trashedBy: '周明远' })]);
    expect((await n.call('listTrash', {}))[0]!.trashReason).toBeUndefined();
  });

  it('keeps copy in review or signed off from all but an administrator, who must say why; the reason is recorded', async () => {
    const n = await newsroom(await tempDir());
    const inReview = await submittedArticle(n);
    const signed = await signedOffArticle(n, 'zh-CN', '另一篇。');
    for (const desk of ['reporter', 'editor', 'third'] as const) {
      await n.as(desk);
      expect((await n.fail('trashArticle', { id: inReview.id, reason: '重复。' })).refusal?.code, desk).toBe('cannot-trash');
    }
    await n.as('admin');
    expect((await n.fail('trashArticle', { id: signed.id })).refusal).toEqual({ code: 'reason-required', params: { action: 'trash' } });
    expect((await n.call('listArticles', {})).articles.map((a) => a.id)).toContain(signed.id);

    await n.call('trashArticle', { id: signed.id, reason: '与5月9日稿件重复。' });
    await n.call('trashArticle', { id: inReview.id, reason: '选题撤销。' });
    const trash = await n.call('listTrash', {});
    expect(trash.find((e) => e.id === signed.id)).toMatchObject({ trashedBy: '林晓岚', trashReason: '与5月9日稿件重复。' });
    expect(await trashEvents(n, signed.id)).toEqual([[n.people.admin.id, 'signed', { action: 'trash', stage: 'signed', reason: '与5月9日稿件重复。' }]]);
    expect(trash.find((e) => e.id === inReview.id)?.trashReason).toBe('选题撤销。');
  });

  it('restores an article as a signed event by anyone who may see it, and refuses what is not in the trash', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const { id } = await n.call('createArticle', { language: 'zh-CN' });
    expect(await n.fail('restoreArticle', { id })).toMatchObject({ code: 'not-found' });
    await n.call('trashArticle', { id });
    expect(await n.fail('trashArticle', { id })).toMatchObject({ code: 'conflict' });
    expect(await n.call('restoreArticle', { id })).toMatchObject({ id, createdBy: '周明远' });
    expect((await trashEvents(n, id)).map(([by, status, event]) => [by, status, (event as { action: string }).action])).toEqual([
      [n.people.reporter.id, 'signed', 'trash'],
      [n.people.reporter.id, 'signed', 'restore'],
    ]);
    expect(await n.call('listTrash', {})).toEqual([]);
  });
});

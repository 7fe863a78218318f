import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRASHED_FILE } from '../../../src/main/services/workspace-layout';
import { newsroom, signedOffArticle, submittedArticle } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('trash-handlers-');

describe('trashArticle', () => {
  it('lets the author trash their draft, and not a colleague', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const { id } = await n.call('createArticle', { language: 'zh-CN' });
    await n.as('editor');
    expect((await n.fail('trashArticle', { id })).refusal).toEqual({ code: 'cannot-trash', params: { name: '王丽', stage: 'draft' } });
    await n.as('reporter');
    await n.call('trashArticle', { id });
    const trashed = JSON.parse(await readFile(join(n.workspace.layout.trashDir(id), TRASHED_FILE), 'utf8'));
    expect(trashed).toMatchObject({ trashedBy: '周明远', trashedById: n.people.reporter.id, stage: 'draft' });
    expect(trashed.reason).toBeUndefined();
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
    const recorded = JSON.parse(await readFile(join(n.workspace.layout.trashDir(signed.id), TRASHED_FILE), 'utf8'));
    expect(recorded).toMatchObject({ trashedById: n.people.admin.id, stage: 'signed', reason: '与5月9日稿件重复。' });
    expect(trash.find((e) => e.id === inReview.id)?.trashReason).toBe('选题撤销。');
  });
});

import { describe, expect, it } from 'vitest';
import { snapshotTree } from '../../helpers/files';
import { contentOf, newsroom, submittedArticle } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('article-handlers-');

describe('createArticle', () => {
  it('makes the current user the author, by id and name', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const article = await n.call('createArticle', { language: 'en' });
    expect(article).toMatchObject({ authorId: n.people.reporter.id, createdBy: '周明远', updatedBy: '周明远' });
    const [summary] = (await n.call('listArticles', {})).articles;
    expect(summary).toMatchObject({ id: article.id, authorId: n.people.reporter.id, review: { stage: 'draft', author: n.people.reporter.id } });
  });
});

describe('saveArticle: who may edit', () => {
  it('refuses someone who may not edit at this stage, leaving the article as it was', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const draft = await n.call('createArticle', { language: 'zh-CN' });
    const article = await submittedArticle(n);
    const before = await snapshotTree(n.workspace.layout.articles);

    const attempts = [
      ['editor', draft],
      ['second', article],
      ['reporter', article],
    ] as const;
    for (const [desk, target] of attempts) {
      await n.as(desk);
      const error = await n.fail('saveArticle', { id: target.id, base: target.head, content: contentOf(target, `${desk} 改过。`) });
      expect(error, desk).toMatchObject({ code: 'forbidden', refusal: { code: 'read-only', params: { name: n.people[desk].name } } });
      expect((await n.call('getReview', { id: target.id })).edit).toMatchObject({ ok: false, refusal: { code: 'read-only' } });
    }
    expect(await snapshotTree(n.workspace.layout.articles)).toEqual(before);
  });

  it('lets the reviewer holding the article edit it, keeping the author', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    await n.as('editor');
    expect((await n.call('getReview', { id: article.id })).edit).toEqual({ ok: true });
    const saved = await n.call('saveArticle', { id: article.id, base: article.head, content: contentOf(article, '编辑改过的正文。') });
    expect(saved).toMatchObject({ revision: article.revision + 1, updatedBy: '王丽' });
    expect(await n.call('getArticle', { id: article.id })).toMatchObject({ authorId: n.people.reporter.id, createdBy: '周明远', updatedBy: '王丽' });
  });

  it('refuses everyone once the article is signed', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    for (const desk of ['editor', 'second', 'third'] as const) {
      await n.as(desk);
      await n.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true });
    }
    const signed = await n.call('getArticle', { id: article.id });
    for (const desk of ['reporter', 'third', 'admin'] as const) {
      await n.as(desk);
      const error = await n.fail('saveArticle', { id: signed.id, base: signed.head, content: contentOf(signed, '签发后改动。') });
      expect(error.refusal, desk).toMatchObject({ code: 'read-only', params: { stage: 'signed' } });
    }
    expect(await n.call('getArticle', { id: article.id })).toEqual(signed);
  });
});

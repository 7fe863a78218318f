import { describe, expect, it } from 'vitest';
import type { Article, ArticleContent } from '../../../src/shared/article/article';
import { paragraphOf } from '../../../src/shared/article/body';
import { contentHash } from '../../../src/shared/article/canonical';
import type { Person } from '../../../src/shared/review/people';
import { suggestionNode } from '../../../src/shared/suggestions/build';
import { decideSuggestions } from '../../../src/shared/suggestions/decide';
import { listSuggestions } from '../../../src/shared/suggestions/list';
import { contentOf, submittedArticle, newsroom, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('suggestion-handlers-');
const AT = '2026-05-06T08:00:00.000Z';

/** The copy with `person`'s insertion of `text` at the end of its first paragraph. */
function withInsertion(article: Pick<Article, 'channel' | 'headline' | 'deck' | 'byline' | 'language' | 'body'>, person: Person, text: string, id: string): ArticleContent {
  const content = contentOf(article as Article);
  const [first, ...rest] = content.body.root.children!;
  const paragraph = paragraphOf([...(first!.children ?? []), suggestionNode({ by: person.id, byName: person.name, at: AT, stage: 'first', kind: 'insert', id }, text)]);
  return { ...content, body: { root: { ...content.body.root, children: [paragraph, ...rest] } } };
}

/** Who signed the current copy's revision. */
async function headSigner(n: Newsroom, id: string) {
  const head = (await n.workspace.articles.state(id)).verdict.head!;
  return { byName: head.byName, contentHash: head.event.contentHash };
}

async function save(n: Newsroom, id: string, content: ArticleContent) {
  const { head } = await n.call('getArticle', { id });
  return n.call('saveArticle', { id, base: head, content });
}

async function refusalOf(n: Newsroom, id: string, content: ArticleContent) {
  const { head } = await n.call('getArticle', { id });
  return (await n.fail('saveArticle', { id, base: head, content })).refusal?.code;
}

describe('saving suggestions in signed revisions', () => {
  it('a suggestion is a revision signed by its maker, outside the content hash; deciding one is a revision signed by who decided', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n, 'zh-CN', '雾溪县种茶历史超过一千年。');
    const { id } = article;
    await n.as('editor');
    const suggested = withInsertion(article, n.people.editor, '悠久，', 's-wangli0001');
    await save(n, id, suggested);
    const stored = await n.call('getArticle', { id });
    expect(listSuggestions(stored).map((s) => [s.byName, s.inserted])).toEqual([['王丽', '悠久，']]);
    expect(contentHash(stored)).toBe(contentHash(article));
    expect(await headSigner(n, id)).toEqual({ byName: '王丽', contentHash: contentHash(article) });

    await save(n, id, decideSuggestions(stored, 'all', 'accept').content);
    const decided = await n.call('getArticle', { id });
    expect(listSuggestions(decided)).toEqual([]);
    expect(contentHash(decided)).not.toBe(contentHash(article));
    expect(await headSigner(n, id)).toEqual({ byName: '王丽', contentHash: contentHash(decided) });
  });

  it('refuses a suggestion saved in the name of anyone but the person who signs the save', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    await n.as('editor');
    expect(await refusalOf(n, article.id, withInsertion(article, n.people.second, '新增', 's-zhaomin001'))).toBe('suggestion-not-yours');
    expect(listSuggestions(await n.call('getArticle', { id: article.id }))).toEqual([]);
  });

  it('a reviewer of a later stage saves their own suggestions, and nothing else', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n, 'zh-CN', '雾溪县种茶历史超过一千年。');
    const { id } = article;
    await n.as('editor');
    await save(n, id, withInsertion(article, n.people.editor, '悠久，', 's-wangli0001'));

    await n.as('second');
    const withWang = await n.call('getArticle', { id });
    const both = withInsertion(withWang, n.people.second, '茶', 's-zhaomin001');
    await save(n, id, both);
    expect(listSuggestions(await n.call('getArticle', { id })).map((s) => s.byName)).toEqual(['王丽', '赵敏']);
    expect((await headSigner(n, id)).byName).toBe('赵敏');

    const current = await n.call('getArticle', { id });
    // The copy itself, someone else's suggestion decided: refused, and the copy kept as it was.
    expect(await refusalOf(n, id, { ...contentOf(current), headline: '另一个标题' })).toBe('read-only');
    expect(await refusalOf(n, id, { ...withInsertion(current, n.people.second, '山', 's-zhaomin002'), headline: '另一个标题' })).toBe('suggest-only');
    expect(await refusalOf(n, id, decideSuggestions(current, { person: n.people.editor.id }, 'reject').content)).toBe('suggest-only');
    // Withdrawing their own is theirs to do.
    await save(n, id, decideSuggestions(current, { person: n.people.second.id }, 'reject').content);
    expect(listSuggestions(await n.call('getArticle', { id })).map((s) => s.byName)).toEqual(['王丽']);

    // The author, who neither holds the copy now nor reviews later, may not suggest.
    await n.as('reporter');
    const latest = await n.call('getArticle', { id });
    expect(await refusalOf(n, id, withInsertion(latest, n.people.reporter, '一', 's-zhoumy0001'))).toBe('read-only');
  });

  it('changes known only by their author’s name (an imported Word file) come in with the holder of the copy, not with someone who may only suggest', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const created = await n.call('createArticle', { language: 'zh-CN' });
    const fromWord = { by: '' as const, byName: '张伟', at: AT, stage: 'draft' as const, kind: 'insert' as const, id: 's-word000001' };
    const content = contentOf(created, '线路全长一百公里。');
    const imported = { ...content, body: { root: { ...content.body.root, children: [paragraphOf([...content.body.root.children![0]!.children!, suggestionNode(fromWord, '沿途设站。')])] } } };
    await n.call('saveArticle', { id: created.id, base: created.head, content: imported });
    expect(listSuggestions(await n.call('getArticle', { id: created.id })).map((s) => [s.by, s.byName])).toEqual([['', '张伟']]);

    const article = await submittedArticle(n);
    await n.as('second');
    const named = withInsertion(article, n.people.second, '新', 's-zhaomin009');
    const [first, ...rest] = named.body.root.children!;
    const asWord = { ...named, body: { root: { ...named.body.root, children: [{ ...first!, children: first!.children!.map((c) => (c.type === 'suggestion' ? { ...c, by: '', byName: '张伟' } : c)) }, ...rest] } } };
    expect(await refusalOf(n, article.id, asWord)).toBe('suggestion-not-yours');
  });
});

import { describe, expect, it } from 'vitest';
import type { Article, ArticleContent } from '../../../../src/shared/article/article';
import { paragraphOf, type BodyNode } from '../../../../src/shared/article/body';
import type { Person } from '../../../../src/shared/review/people';
import { suggestionNode } from '../../../../src/shared/suggestions/build';
import { unlocked } from '../../../helpers/handlers';
import { contentOf, newsroom, submittedArticle, type Newsroom } from '../../../helpers/newsroom';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('suggestion-origins-');
const AT = '2026-05-06T08:00:00.000Z';

/** The copy with an insertion of `text` at the end of its first paragraph, in `named`'s name. */
function withInsertion(article: Article | ArticleContent, named: Pick<Person, 'id' | 'name'>, text: string, id: string): ArticleContent {
  const content = contentOf(article as Article);
  const [first, ...rest] = content.body.root.children!;
  const paragraph = paragraphOf([...(first!.children ?? []), suggestionNode({ by: named.id, byName: named.name, at: AT, stage: 'first', kind: 'insert', id }, text)]);
  return { ...content, body: { root: { ...content.body.root, children: [paragraph, ...rest] } } };
}

/** Saves through the workspace's services, signed by `signer`, past every rule a desk's handlers apply: what a dishonest client can write into its own log. */
async function saveAs(n: Newsroom, signer: Person, id: string, content: ArticleContent) {
  const { head } = await n.workspace.get(id);
  await n.workspace.articles.save({ key: unlocked(n.keys.get(signer.id)!), person: signer }, id, head, content);
}

const suggestionProblems = async (n: Newsroom, id: string) => (await n.call('checkArticleFiles', { id })).filter((problem) => problem.problem.includes('suggestion'));

describe('where pending suggestions came from', () => {
  it('finds nothing wrong with suggestions saved by whoever they name, or carried on and edited later', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n, 'zh-CN', '雾溪县种茶历史超过一千年。');
    await n.as('editor');
    const suggested = withInsertion(article, n.people.editor, '悠久，', 's-wangli0001');
    await n.call('saveArticle', { id: article.id, base: (await n.call('getArticle', { id: article.id })).head, content: suggested });
    // The holder edits elsewhere in the copy and inside the suggestion: it stays 王丽's.
    const stored = await n.call('getArticle', { id: article.id });
    const edited = JSON.parse(JSON.stringify(contentOf(stored)).replace('悠久，', '悠久而，')) as ArticleContent;
    await saveAs(n, n.people.editor, article.id, { ...edited, headline: `${edited.headline}（更新）` });
    expect(await suggestionProblems(n, article.id)).toEqual([]);
  });

  it('reports a suggestion written into a log in the name of someone other than who signed it', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n, 'zh-CN', '雾溪县种茶历史超过一千年。');
    // 王丽's desk signs a revision whose suggestion claims to be 赵敏's (the save rule would refuse it).
    await saveAs(n, n.people.editor, article.id, withInsertion(article, n.people.second, '据统计，', 's-zhaomin001'));
    // Later honest saves carry it on: the revision that brought it in is still found.
    const stored = await n.workspace.get(article.id);
    await saveAs(n, n.people.editor, article.id, { ...contentOf(stored), headline: `${stored.headline}（更新）` });
    const problems = await suggestionProblems(n, article.id);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toMatch(new RegExp(`^articles/${article.id}/log/${n.people.editor.id}\\.`));
    expect(problems[0]!.problem).toContain('a suggestion (“据统计，”) is given as 赵敏’s');
    expect(problems[0]!.problem).toContain('was signed by 王丽');
  });

  it('reports a suggestion whose maker was changed to someone else in a later revision', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n, 'zh-CN', '雾溪县种茶历史超过一千年。');
    await n.as('editor');
    await n.call('saveArticle', { id: article.id, base: article.head, content: withInsertion(article, n.people.editor, '悠久，', 's-wangli0002') });
    const stored = await n.workspace.get(article.id);
    const renamed = JSON.parse(JSON.stringify(contentOf(stored)).replaceAll(n.people.editor.id, n.people.third.id).replaceAll('王丽', '陈杰')) as ArticleContent;
    await saveAs(n, n.people.editor, article.id, renamed);
    const problems = await suggestionProblems(n, article.id);
    expect(problems.map((problem) => problem.problem)).toEqual([expect.stringContaining('is given as 陈杰’s, but the revision that brought it in')]);
  });

  it('takes a change known only by its author’s name (imported from Word) as brought in by whoever imported it', async () => {
    const n = await newsroom(await tempDir());
    await n.as('reporter');
    const created = await n.call('createArticle', { language: 'zh-CN' });
    const content = contentOf(created, '线路全长一百公里。');
    const fromWord = suggestionNode({ by: '', byName: '张伟', at: AT, stage: 'draft', kind: 'insert', id: 's-word000001' }, '沿途设站。');
    const children = [paragraphOf([...(content.body.root.children![0]!.children as BodyNode[]), fromWord])];
    await n.call('saveArticle', { id: created.id, base: created.head, content: { ...content, body: { root: { ...content.body.root, children } } } });
    expect(await suggestionProblems(n, created.id)).toEqual([]);
  });
});

/**
 * The soak test's copy: each article's first version (four paragraphs around a captioned
 * figure, complete enough for the house's required checks) and the edits the desks make to it.
 * Every edit writes a token no other edit writes, so no edit ever gives back an earlier copy.
 */
import type { Article, ArticleContent, Language } from '../../../src/shared/article/article';
import { bodyOf, figureNode, paragraphNode, textNode, type BodyNode } from '../../../src/shared/article/body';

const SENTENCES = ['市政府今天发布了新的公交线路规划。', '新线路将连接城东的三个居民区和地铁站。', '市民可以在网上提出意见，征求意见期为一个月。', '交通部门表示，线路将在年底前开通。'];

const FIGURE = { asset: 'c'.repeat(64), mime: 'image/png' as const, width: 800, height: 600, caption: '新线路的首末站。', credit: '记者 林晓岚 摄', alt: '公交站' };

export function firstCopy(number: number, language: Language): ArticleContent {
  const [p0, p1, p2, p3] = SENTENCES.map((sentence, index) => paragraphNode(`第${index + 1}段：${sentence}`));
  return {
    channel: ['首页', '要闻', '正文'],
    headline: `第${number}篇：城东公交新线路征求意见`,
    deck: '',
    byline: '本报记者 林晓岚',
    language,
    body: bodyOf([p0!, p1!, figureNode(FIGURE), p2!, p3!]),
  };
}

/** Where an edit lands: a top-level block of the body (a paragraph, or a figure's caption), or the headline. */
export type EditTarget = { kind: 'block'; index: number } | { kind: 'headline' };

export function contentOf(article: Article): ArticleContent {
  const { channel, headline, deck, byline, language, body } = article;
  return { channel, headline, deck, byline, language, body };
}

export function blocksOf(article: Article): BodyNode[] {
  return article.body.root.children ?? [];
}

/** The copy with `token` written at `target`: a paragraph grows by it (or starts again once long), a caption or the headline ends with it. */
export function edited(article: Article, target: EditTarget, token: string): ArticleContent {
  const content = contentOf(article);
  if (target.kind === 'headline') return { ...content, headline: `${withoutToken(content.headline)}〔${token}〕` };
  const blocks = [...blocksOf(article)];
  const block = blocks[target.index];
  if (!block) throw new Error(`no block ${target.index} in ${article.id}`);
  if (block.type === 'figure') blocks[target.index] = { ...block, caption: `${withoutToken(String(block.caption))}〔${token}〕` };
  else {
    const text = (block.children ?? []).map((child) => child.text ?? '').join('');
    const next = text.length > 120 ? `重写：〔${token}〕` : `${text}〔${token}〕`;
    blocks[target.index] = { ...block, children: [textNode(next)] };
  }
  return { ...content, body: bodyOf(blocks) };
}

function withoutToken(text: string): string {
  return text.replace(/〔[^〕]*〕$/, '');
}

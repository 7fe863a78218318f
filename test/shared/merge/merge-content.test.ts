import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, figureNode, headingNode, paragraphNode, type BodyNode } from '../../../src/shared/article/body';
import { mergeContent, resolveMerge } from '../../../src/shared/merge/merge-content';
import { mergeText } from '../../../src/shared/merge/merge-text';

const FIGURE = { asset: 'a'.repeat(64), mime: 'image/png' as const, width: 640, height: 480, caption: '贵阳市民在观山湖公园赏花。', credit: '记者 王丽 摄', alt: '公园里的花' };

function copy(blocks: BodyNode[], fields: Partial<ArticleContent> = {}): ArticleContent {
  return { channel: ['新闻', '本地'], headline: '城市公园迎来赏花季', deck: '', byline: '本报记者 周明远', language: 'zh-CN', body: bodyOf(blocks), ...fields };
}

const texts = (content: ArticleContent) => (content.body.root.children ?? []).map((node) => (node.type === 'figure' ? `[${String(node.caption)}|${String(node.credit)}]` : (node.children ?? []).map((child) => child.text).join('')));

const base = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：管理处提醒文明赏花。')]);

describe('merging two copies saved from one base', () => {
  it('keeps both sides’ changes to different blocks, without collisions', () => {
    const a = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天全开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const b = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：管理处提醒游客文明赏花。'), paragraphNode('新加的第四段。')]);
    const merge = mergeContent(base, a, b);
    expect(merge.collisions).toEqual([]);
    expect(texts(resolveMerge(merge, {}))).toEqual(['花期', '第一段：公园的樱花今天全开了。', '第二段：游客很多。', `[${FIGURE.caption}|${FIGURE.credit}]`, '第三段：管理处提醒游客文明赏花。', '新加的第四段。']);
  });

  it('merges two edits of one Chinese paragraph by words when they touch different words', () => {
    const a = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天开了。'), paragraphNode('第二段：周末游客很多。'), figureNode(FIGURE), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const b = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天开了。'), paragraphNode('第二段：游客非常多。'), figureNode(FIGURE), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const merge = mergeContent(base, a, b);
    expect(merge.collisions).toEqual([]);
    expect(texts(resolveMerge(merge, {}))[2]).toBe('第二段：周末游客非常多。');
  });

  it('merges a caption changed on one side and a credit on the other; a caption changed on both collides', () => {
    const captioned = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天开了。'), paragraphNode('第二段：游客很多。'), figureNode({ ...FIGURE, caption: '市民在观山湖公园赏樱。' }), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const credited = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天开了。'), paragraphNode('第二段：游客很多。'), figureNode({ ...FIGURE, credit: '本报记者 王丽 摄' }), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const clean = mergeContent(base, captioned, credited);
    expect(clean.collisions).toEqual([]);
    expect(texts(resolveMerge(clean, {}))[3]).toBe('[市民在观山湖公园赏樱。|本报记者 王丽 摄]');

    const recaptioned = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天开了。'), paragraphNode('第二段：游客很多。'), figureNode({ ...FIGURE, caption: '游客在公园拍摄樱花。' }), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const colliding = mergeContent(base, captioned, recaptioned);
    expect(colliding.collisions).toHaveLength(1);
    expect(colliding.collisions[0]).toMatchObject({ where: 'body' });
    expect(texts(resolveMerge(colliding, { 0: 'a' }))[3]).toBe(`[市民在观山湖公园赏樱。|${FIGURE.credit}]`);
    expect(texts(resolveMerge(colliding, { 0: 'b' }))[3]).toBe(`[游客在公园拍摄樱花。|${FIGURE.credit}]`);
  });

  it('shows the same words changed differently as a collision, and a pick of both keeps both blocks in order', () => {
    const a = copy([headingNode('花期'), paragraphNode('第一段：公园的桃花今天开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const b = copy([headingNode('花期'), paragraphNode('第一段：公园的梨花今天开了。'), paragraphNode('第二段：游客很多。'), figureNode(FIGURE), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const merge = mergeContent(base, a, b);
    expect(merge.collisions).toHaveLength(1);
    expect(texts(resolveMerge(merge, { 0: 'both' })).slice(1, 3)).toEqual(['第一段：公园的桃花今天开了。', '第一段：公园的梨花今天开了。']);
  });

  it('merges the headline by words and collides on a channel changed both ways', () => {
    const a = copy(base.body.root.children!, { headline: '城市公园今日迎来赏花季', channel: ['新闻', '城市'] });
    const b = copy(base.body.root.children!, { headline: '城市公园迎来赏花高峰', channel: ['新闻', '社会'] });
    const merge = mergeContent(base, a, b);
    expect(merge.collisions.map((collision) => collision.where === 'field' && collision.field)).toEqual(['channel']);
    const resolved = resolveMerge(merge, { 0: 'a' });
    expect(resolved.headline).toBe('城市公园今日迎来赏花高峰');
    expect(resolved.channel).toEqual(['新闻', '城市']);
  });

  it('collides where one side deleted a paragraph the other edited', () => {
    const a = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天开了。'), figureNode(FIGURE), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const b = copy([headingNode('花期'), paragraphNode('第一段：公园的樱花今天开了。'), paragraphNode('第二段：游客比昨天多。'), figureNode(FIGURE), paragraphNode('第三段：管理处提醒文明赏花。')]);
    const merge = mergeContent(base, a, b);
    expect(merge.collisions).toHaveLength(1);
    expect(texts(resolveMerge(merge, { 0: 'a' }))).not.toContain('第二段：游客比昨天多。');
    expect(texts(resolveMerge(merge, { 0: 'b' }))).toContain('第二段：游客比昨天多。');
  });
});

describe('merging one text by words', () => {
  it('merges English edits to different words and refuses overlapping ones', () => {
    expect(mergeText('The mayor opened the park on Monday.', 'The mayor opened the new park on Monday.', 'The mayor opened the park on Tuesday.', 'en')).toBe('The mayor opened the new park on Tuesday.');
    expect(mergeText('The mayor opened the park.', 'The governor opened the park.', 'The minister opened the park.', 'en')).toBeNull();
  });
});

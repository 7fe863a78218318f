import { describe, expect, it } from 'vitest';
import { bodyFigures } from '../../../src/shared/article/body-walk';
import { textNode, type BodyNode } from '../../../src/shared/article/body';
import { blockPieces, blockText, extractSegments, figurePaths } from '../../../src/shared/checks/segments';
import { article, fig, h, list, p } from './helpers';

const rich: BodyNode = {
  type: 'paragraph',
  children: [
    textNode('Read '),
    { type: 'link', url: 'https://example.com', children: [textNode('this', 1)] },
    { type: 'linebreak' },
    textNode('and'),
    { type: 'tab' },
    { type: 'mark', ids: ['t1'], children: [textNode('that')] },
  ],
};
const nested: BodyNode = {
  type: 'list',
  children: [
    { type: 'listitem', children: [textNode('one')] },
    { type: 'listitem', children: [{ type: 'list', children: [{ type: 'listitem', children: [textNode('one.a')] }] }] },
    { type: 'listitem', children: [textNode('two')] },
  ],
};

describe('extractSegments', () => {
  it('lists headline, deck, byline, channel, then body blocks with each figure’s parts in place', () => {
    const content = article({ deck: '导语', blocks: [h('小标题'), fig({ caption: 'c0', credit: 'r0', alt: 'a0' }), p('正文'), list('甲', '乙'), fig({ caption: 'c1', credit: 'r1', alt: 'a1' })] });
    expect(extractSegments(content).map((s) => [s.field, s.block ?? s.figure ?? null, s.kind, s.text, s.where])).toEqual([
      ['headline', null, 'headline', '雾溪县推动茶产业数字化转型', 'headline'],
      ['deck', null, 'deck', '导语', 'deck'],
      ['byline', null, 'byline', '本报记者 林晓岚', 'byline'],
      ['channel', null, 'channel', '首页 > 贵山', 'channel'],
      ['body', 0, 'heading', '小标题', 'body.0'],
      ['caption', 0, 'caption', 'c0', 'caption.0'],
      ['credit', 0, 'credit', 'r0', 'credit.0'],
      ['alt', 0, 'alt', 'a0', 'alt.0'],
      ['body', 2, 'paragraph', '正文', 'body.2'],
      ['body', 3, 'list', '甲\n乙', 'body.3'],
      ['caption', 1, 'caption', 'c1', 'caption.1'],
      ['credit', 1, 'credit', 'r1', 'credit.1'],
      ['alt', 1, 'alt', 'a1', 'alt.1'],
    ]);
  });

  it('numbers figures as bodyFigures does', () => {
    const content = article({ blocks: [fig({ caption: 'x' }), p('正文'), fig({ caption: 'y' })] });
    expect(figurePaths(content)).toEqual([[0], [2]]);
    expect(bodyFigures(content.body).map((f) => f.caption)).toEqual(['x', 'y']);
  });
});

describe('block text', () => {
  it('reads marks and links as text, line breaks and tabs as \\n and \\t, lists item by item', () => {
    expect(blockText(rich)).toBe('Read this\nand\tthat');
    expect(blockText(nested)).toBe('one\n\none.a\ntwo');
  });

  it('maps every stretch of the text to its node', () => {
    const { text, pieces } = blockPieces(rich);
    expect(text).toBe(blockText(rich));
    expect(pieces).toEqual([
      { start: 0, end: 5, path: [0] },
      { start: 5, end: 9, path: [1, 0] },
      { start: 9, end: 10, path: null },
      { start: 10, end: 13, path: [3] },
      { start: 13, end: 14, path: null },
      { start: 14, end: 18, path: [5, 0] },
    ]);
    const listed = blockPieces(nested);
    expect(listed.text).toBe(blockText(nested));
    expect(listed.pieces.filter((piece) => piece.path).map((piece) => [listed.text.slice(piece.start, piece.end), piece.path])).toEqual([
      ['one', [0, 0]],
      ['one.a', [1, 0, 0, 0]],
      ['two', [2, 0]],
    ]);
  });
});

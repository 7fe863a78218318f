import { describe, expect, it } from 'vitest';
import { bodyFigures, bodyPlainText, walkBody, type BodyBlock } from '../../../src/shared/article/body-walk';
import { emptyBody, figureNode, headingNode, paragraphNode, textNode, type BodyNode, type FigureFields } from '../../../src/shared/article/body';

const fig = (n: number): FigureFields => ({
  asset: String(n).repeat(64).slice(0, 64),
  mime: 'image/png',
  width: n,
  height: n,
  caption: `caption ${n}`,
  credit: `credit ${n}`,
  alt: `alt ${n}`,
});
const item = (...children: BodyNode[]): BodyNode => ({ type: 'listitem', children });
const list = (...items: BodyNode[]): BodyNode => ({ type: 'list', listType: 'bullet', children: items });

const BODY = {
  root: {
    ...emptyBody().root,
    children: [
      headingNode('Heading'),
      figureNode(fig(1)),
      {
        type: 'paragraph',
        children: [
          textNode('Read '),
          { type: 'link', url: 'https://example.com', children: [textNode('this')] },
          { type: 'linebreak' },
          textNode('and'),
          { type: 'tab' },
          { type: 'mark', ids: ['t1'], children: [textNode('that')] },
        ],
      },
      list(item(textNode('one')), item(list(item(textNode('one.a')))), item(textNode('two'))),
      { type: 'quote', children: [textNode('quoted')] },
      figureNode(fig(2)),
      paragraphNode(''),
      figureNode(fig(3)),
    ],
  },
};

describe('walkBody', () => {
  it('visits blocks and figures in document order, lists and quotes included', () => {
    const seen: Array<BodyBlock | string> = [];
    walkBody(BODY, { block: (b) => seen.push(b), figure: (f) => seen.push(f.caption) });
    expect(seen).toEqual([
      { kind: 'heading', text: 'Heading' },
      'caption 1',
      { kind: 'paragraph', text: 'Read this\nand\tthat' },
      { kind: 'listitem', text: 'one' },
      { kind: 'listitem', text: '' },
      { kind: 'listitem', text: 'one.a' },
      { kind: 'listitem', text: 'two' },
      { kind: 'quote', text: 'quoted' },
      'caption 2',
      { kind: 'paragraph', text: '' },
      'caption 3',
    ]);
  });

  it('visits nothing but the empty paragraph of an empty body', () => {
    const seen: BodyBlock[] = [];
    walkBody(emptyBody(), { block: (b) => seen.push(b), figure: () => seen.push({ kind: 'paragraph', text: 'figure!' }) });
    expect(seen).toEqual([{ kind: 'paragraph', text: '' }]);
  });
});

describe('bodyPlainText and bodyFigures', () => {
  it('give the text of the blocks, one per line, without captions', () => {
    expect(bodyPlainText(BODY)).toBe('Heading\nRead this\nand\tthat\none\n\none.a\ntwo\nquoted\n');
  });

  it('give every figure with all its fields, in order', () => {
    expect(bodyFigures(BODY)).toEqual([1, 2, 3].map((n) => ({ type: 'figure', version: 1, ...fig(n) })));
  });
});

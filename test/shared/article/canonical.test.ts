import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/shared/article/article';
import { newArticle } from '../../../src/shared/article/article';
import { bodyOf, figureNode, paragraphNode, textNode, type BodyNode } from '../../../src/shared/article/body';
import { canonicalContent, canonicalJson, contentHash, sha256Hex } from '../../../src/shared/article/canonical';

const FIGURE = { asset: 'ab'.repeat(32), mime: 'image/png', width: 640, height: 400, caption: '市民在广场上', credit: '新华社', alt: '广场' } as const;

function article(...children: BodyNode[]): ArticleContent {
  return {
    channel: ['首页', '要闻'],
    headline: '市长今天讲话',
    deck: 'The mayor spoke today',
    byline: '记者 林晓岚',
    language: 'zh-CN',
    body: bodyOf(children),
  };
}

const paragraph = (...children: BodyNode[]): BodyNode => ({ ...paragraphNode(''), children });
const mark = (ids: string[], ...children: BodyNode[]): BodyNode => ({ type: 'mark', version: 1, ids, direction: null, format: '', indent: 0, children });

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
}

describe('sha256Hex', () => {
  it('matches the standard test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the UTF-8 bytes, as Node does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 100 },
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and leaves out undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 0, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[3,1,{"y":"x","z":0}]},"b":1}');
    expect(canonicalJson([undefined, null, -0, 'é'])).toBe('[null,null,0,"é"]');
  });

  it('is the same for any key order and parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('canonicalContent and contentHash', () => {
  const base = article(paragraph(textNode('The mayor spoke today.')), figureNode(FIGURE));

  it('is stable under key order', () => {
    expect(canonicalContent(reverseKeys(base) as ArticleContent)).toBe(canonicalContent(base));
    expect(contentHash(reverseKeys(base) as ArticleContent)).toBe(contentHash(base));
  });

  it('keeps only the publishable content of a whole article', () => {
    const stored = { ...newArticle({ id: '20250501-0123456789', author: 'Lin', at: new Date(0), language: 'en' }), headline: 'Same' };
    const later = { ...stored, revision: 7, updatedAt: '2025-06-01T00:00:00.000Z', updatedBy: 'Wang' };
    expect(contentHash(later)).toBe(contentHash(stored));
    expect(Object.keys(JSON.parse(canonicalContent(stored)))).toEqual(['body', 'byline', 'channel', 'deck', 'headline', 'language']);
  });

  it('does not change when a mark is added around a word or removed again', () => {
    const marked = article(
      paragraph(textNode('The '), mark(['thread-1'], textNode('mayor')), textNode(' spoke today.')),
      figureNode(FIGURE),
    );
    expect(contentHash(marked)).toBe(contentHash(base));
    const nested = article(
      paragraph(mark(['a'], textNode('The '), mark(['a', 'b'], textNode('mayor'))), mark(['c'], textNode(' spoke today.'))),
      figureNode(FIGURE),
    );
    expect(contentHash(nested)).toBe(contentHash(base));
  });

  it('keeps formatting inside a mark, and merges only text of the same formatting', () => {
    const bold = article(paragraph(textNode('The '), mark(['t'], textNode('mayor', 1)), textNode(' spoke today.')), figureNode(FIGURE));
    expect(contentHash(bold)).not.toBe(contentHash(base));
    expect(contentHash(bold)).toBe(
      contentHash(article(paragraph(textNode('The '), textNode('mayor', 1), textNode(' spoke today.')), figureNode(FIGURE))),
    );
    const body = JSON.parse(canonicalContent(bold)).body;
    expect(body.root.children[0].children.map((n: BodyNode) => n.text)).toEqual(['The ', 'mayor', ' spoke today.']);
  });

  it('merges adjacent text nodes and drops empty ones', () => {
    const split = article(paragraph(textNode('The may'), textNode(''), textNode('or spoke today.')), figureNode(FIGURE));
    expect(canonicalContent(split)).toBe(canonicalContent(base));
  });

  it('ignores presentational fields that do not change the content', () => {
    const decorated = article(
      { ...paragraph({ ...textNode('The mayor spoke today.'), version: 2 }), direction: 'ltr', textFormat: 1, textStyle: 'color: red', version: 3 },
      { ...figureNode(FIGURE), version: 9 },
    );
    expect(canonicalContent(decorated)).toBe(canonicalContent(base));
    const { indent: _indent, format: _format, ...bare } = paragraph(textNode('The mayor spoke today.'));
    expect(canonicalContent(article(bare as BodyNode, figureNode(FIGURE)))).toBe(canonicalContent(base));
    expect(canonicalContent(base)).not.toMatch(/"version"|"direction"|"textFormat"|"textStyle"|"indent"/);
  });

  it.each<[string, (c: ArticleContent) => ArticleContent]>([
    ['one character of the body', () => article(paragraph(textNode('The mayor spoke today!')), figureNode(FIGURE))],
    ['a caption', () => article(paragraph(textNode('The mayor spoke today.')), figureNode({ ...FIGURE, caption: '市民在广场上。' }))],
    ['a credit', () => article(paragraph(textNode('The mayor spoke today.')), figureNode({ ...FIGURE, credit: '本报' }))],
    ['the channel', (c) => ({ ...c, channel: ['首页', '国际'] })],
    ['the headline', (c) => ({ ...c, headline: '市长昨天讲话' })],
    ['the deck', (c) => ({ ...c, deck: '' })],
    ['the byline', (c) => ({ ...c, byline: '记者 王丽' })],
    ['the language', (c) => ({ ...c, language: 'en' })],
    ['the formatting of a word', () => article(paragraph(textNode('The '), textNode('mayor', 2), textNode(' spoke today.')), figureNode(FIGURE))],
    ['a real indent', () => article({ ...paragraph(textNode('The mayor spoke today.')), indent: 1 }, figureNode(FIGURE))],
    ['the order of blocks', () => article(figureNode(FIGURE), paragraph(textNode('The mayor spoke today.')))],
    ['a paragraph break', () => article(paragraph(textNode('The mayor')), paragraph(textNode(' spoke today.')), figureNode(FIGURE))],
  ])('changes when %s changes', (_what, change) => {
    expect(contentHash(change(base))).not.toBe(contentHash(base));
  });

  it('gives the same hash for any way of wrapping part of a paragraph in a mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const pieces = [textNode(text.slice(0, start)), mark(['m'], textNode(text.slice(start, end))), textNode(text.slice(end))];
        expect(contentHash(article(paragraph(...pieces)))).toBe(contentHash(article(paragraph(textNode(text)))));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a "__proto__" key as an ordinary field', () => {
    const hostile = JSON.parse('{"type":"text","text":"x","__proto__":{"polluted":true}}') as BodyNode;
    const text = canonicalContent(article(paragraph(hostile)));
    expect(text).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

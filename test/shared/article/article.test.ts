import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleSchema, formatChannel, LIMITS, newArticle, parseChannel, summarize } from '../../../src/shared/article/article';

describe('parseChannel', () => {
  it.each([
    ['首页 > 贵山 > 正文', ['首页', '贵山', '正文']],
    ['首页＞贵山＞正文', ['首页', '贵山', '正文']],
    ['首页>贵山>正文', ['首页', '贵山', '正文']],
    ['Home / News', ['Home', 'News']],
    ['Home › World » Asia', ['Home', 'World', 'Asia']],
    ['   首页   >    贵山   ', ['首页', '贵山']],
    ['> 首页 >> > 正文 >', ['首页', '正文']],
    ['New York > Local News', ['New York', 'Local News']],
    ['', []],
    ['  >  / ', []],
  ])('reads %j', (text, channel) => {
    expect(parseChannel(text)).toEqual(channel);
  });

  it('keeps at most the allowed number of segments, each at most the allowed length', () => {
    const parsed = parseChannel([...Array(12).keys()].map((i) => `${i}`.padEnd(100, 'x')).join(' > '));
    expect(parsed).toHaveLength(LIMITS.channelSegments);
    expect(parsed.every((s) => s.length === LIMITS.channelSegment)).toBe(true);
  });
});

describe('formatChannel', () => {
  it('joins the segments with the separator', () => {
    expect(formatChannel(['首页', '贵山', '正文'])).toBe('首页 > 贵山 > 正文');
    expect(formatChannel([])).toBe('');
  });

  it('round-trips through parseChannel for segments without separators', () => {
    const segment = fc
      .string({ unit: fc.oneof(fc.constantFrom(...'首页贵山正文要闻 News-_.,'.split('')), fc.constantFrom('a', 'Z', '9')), minLength: 1, maxLength: LIMITS.channelSegment })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const unicodeSegment = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= LIMITS.channelSegment && !/[>›＞»/]/u.test(s));
    fc.assert(
      fc.property(fc.array(fc.oneof(segment, unicodeSegment), { maxLength: LIMITS.channelSegments }), (channel) => {
        expect(parseChannel(formatChannel(channel))).toEqual(channel);
      }),
    );
  });
});

describe('newArticle and summarize', () => {
  it('makes a valid empty article at revision 0 and summarises it', () => {
    const at = new Date('2025-05-01T08:00:00.000Z');
    const article = newArticle({ id: '20250501-0123456789', author: '林晓岚', at, language: 'zh-CN' });
    expect(ArticleSchema.parse(article)).toEqual(article);
    expect(article).toMatchObject({ revision: 0, createdAt: at.toISOString(), updatedAt: at.toISOString(), createdBy: '林晓岚' });
    expect(summarize(article)).toEqual({
      id: '20250501-0123456789',
      headline: '',
      channel: [],
      authorId: '',
      createdBy: '林晓岚',
      updatedAt: at.toISOString(),
      updatedBy: '林晓岚',
      review: null,
      reviewProblem: null,
    });
  });

  it('keeps the author id, and leaves the review state to the workspace', () => {
    const article = newArticle({ id: '20250501-0123456789', author: '林晓岚', authorId: 'u-linxiaolan', at: new Date(), language: 'en' });
    expect(article.authorId).toBe('u-linxiaolan');
    expect(summarize(article)).toMatchObject({ authorId: 'u-linxiaolan', review: null, reviewProblem: null });
  });

  it('refuses articles with an invalid id, format, head or over-long author name', () => {
    const article = newArticle({ id: '20250501-0123456789', author: 'a', at: new Date(), language: 'en' });
    expect(ArticleSchema.safeParse({ ...article, id: '../x' }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...article, format: 2 }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...article, createdBy: 'x'.repeat(1000) }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...article, head: 'f'.repeat(65) }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...article, revision: -1 }).success).toBe(false);
  });
});

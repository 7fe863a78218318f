/**
 * Editor-like queries over the generated corpus (corpus.ts), and the ground truth they are
 * judged by: a plain scan of the text, as a person reading every article would find them.
 */
import type { IndexedArticle } from '../../src/shared/search/indexed-article';
import { placedTexts } from '../../src/shared/search/places';

export interface BenchQuery {
  query: string;
  language: 'zh' | 'en';
  /** What kind of look-up it is, for the tables. */
  kind: string;
}

export const QUERIES: BenchQuery[] = [
  { query: '贵州', language: 'zh', kind: 'two-character place' },
  { query: '物流', language: 'zh', kind: 'two-character word' },
  { query: '上海', language: 'zh', kind: 'two-character place' },
  { query: '南京', language: 'zh', kind: 'two-character place' },
  { query: '茶农', language: 'zh', kind: 'two-character word' },
  { query: '乡村振兴', language: 'zh', kind: 'four-character phrase' },
  { query: '营商环境', language: 'zh', kind: 'four-character phrase' },
  { query: '数字经济', language: 'zh', kind: 'four-character phrase' },
  { query: '林晓岚', language: 'zh', kind: 'name' },
  { query: '周明远', language: 'zh', kind: 'name' },
  { query: '高标准农田建设', language: 'zh', kind: 'long phrase' },
  { query: '老旧小区改造', language: 'zh', kind: 'long phrase' },
  { query: '州桥镇', language: 'zh', kind: 'place inside other words' },
  { query: '5G基站', language: 'zh', kind: 'mixed script' },
  { query: '贵州 茶叶', language: 'zh', kind: 'two terms' },
  { query: '返乡创业', language: 'zh', kind: 'four-character phrase' },
  { query: 'broadband', language: 'en', kind: 'word' },
  { query: 'tariffs', language: 'en', kind: 'word' },
  { query: 'Lisbon', language: 'en', kind: 'place' },
  { query: 'heatwave', language: 'en', kind: 'word' },
  { query: 'rate', language: 'en', kind: 'short word inside others' },
  { query: '"supply chain"', language: 'en', kind: 'phrase' },
  { query: '"interest rates"', language: 'en', kind: 'phrase' },
  { query: '"Maria Santos"', language: 'en', kind: 'name' },
  { query: 'pension reform', language: 'en', kind: 'two terms' },
  { query: 'Guizhou tea', language: 'en', kind: 'two terms' },
];

/** A character of a spaced word (Han and kana are letters too, but not of spaced words). */
const WORD = /[\p{N}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/** A regular expression for one term: Han and kana as a substring, Latin words whole, spaces as any gap. */
function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[^\\p{L}\\p{N}]+');
  const startsLatin = WORD.test(term.at(0) ?? '');
  const endsLatin = WORD.test(term.at(-1) ?? '');
  return new RegExp(`${startsLatin ? `(?<!${WORD.source})` : ''}${escaped}${endsLatin ? `(?!${WORD.source})` : ''}`, 'iu');
}

/** The terms of a query as a person means them: quoted phrases kept together. */
export function queryTerms(query: string): string[] {
  return [...query.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '').filter(Boolean);
}

/** Does the article contain every term of the query, each within one piece of text? */
export function truthMatcher(query: string): (article: IndexedArticle) => boolean {
  const patterns = queryTerms(query).map(termPattern);
  return (article) => {
    const texts = placedTexts(article).map((place) => place.text);
    return patterns.every((pattern) => texts.some((text) => pattern.test(text)));
  };
}

/**
 * `npx tsx bench/engines/segmentation.ts [COUNT]`: what each way of cutting Chinese into index
 * terms finds for the editor-like queries (bench/library/queries.ts), as recall and precision
 * against a plain scan of the text. Engine-independent: each strategy is evaluated exactly, on
 * token sequences in memory. Figures go to docs/search.md.
 */
import { corpus } from '../library/corpus';
import { QUERIES, queryTerms, truthMatcher } from '../library/queries';
import { placedTexts } from '../../src/shared/search/places';
import { parseQuery } from '../../src/shared/search/query';
import { tokenize } from '../../src/shared/search/tokenize';
import type { IndexedArticle } from '../../src/shared/search/indexed-article';

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function segmenterWords(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(text.normalize('NFKC').toLowerCase())) if (part.isWordLike) words.push(part.segment);
  return words;
}

function bigramsOf(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (!CJK.test(word)) continue;
    const chars = [...word];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

interface Strategy {
  name: string;
  /** phrase: a term's tokens in a row within one piece of text; all: a query's tokens anywhere in the article. */
  mode: 'phrase' | 'all';
  text(text: string): string[];
  term(term: string): string[];
}

const STRATEGIES: Strategy[] = [
  { name: 'bigrams, phrase (chosen)', mode: 'phrase', text: (t) => tokenize(t).map((x) => x.text), term: (t) => parseQuery(`"${t}"`).terms[0]?.tokens ?? [] },
  { name: 'bigrams, all terms (no positions)', mode: 'all', text: (t) => tokenize(t).map((x) => x.text), term: (t) => parseQuery(`"${t}"`).terms[0]?.tokens ?? [] },
  { name: 'Intl.Segmenter words, phrase', mode: 'phrase', text: segmenterWords, term: segmenterWords },
  { name: 'Intl.Segmenter words + bigrams, all terms', mode: 'all', text: (t) => { const w = segmenterWords(t); return [...w, ...bigramsOf(w)]; }, term: (t) => { const w = segmenterWords(t); return [...w.filter((x) => !CJK.test(x) || [...x].length <= 2), ...bigramsOf(w)]; } },
];

/** An article holding only `text`, so the article-level truth judges one piece. */
function onlyText(text: string): Partial<IndexedArticle> {
  return { headline: text, deck: '', byline: '', blocks: [], figures: [], annotations: [], opinions: [] };
}

function contains(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return needle.length === 0;
}

function matcher(strategy: Strategy, query: string): (pieces: string[][]) => boolean {
  const terms = queryTerms(query).map((term) => strategy.term(term));
  if (strategy.mode === 'phrase') return (pieces) => terms.every((term) => pieces.some((piece) => contains(piece, term)));
  const wanted = terms.flat();
  return (pieces) => {
    const all = new Set(pieces.flat());
    return wanted.every((token) => all.has(token));
  };
}

export function evaluateSegmentation(articles: IndexedArticle[]) {
  const truths = QUERIES.map((q) => {
    const match = truthMatcher(q.query);
    return new Set(articles.filter(match).map((a) => a.id));
  });
  const pieceTruths = QUERIES.map((q) => {
    const match = truthMatcher(`"${queryTerms(q.query)[0]!}"`);
    return articles.reduce((sum, a) => sum + placedTexts(a).filter((place) => match({ ...a, ...onlyText(place.text) })).length, 0);
  });
  return STRATEGIES.map((strategy) => {
    const tokenized = articles.map((article) => ({ id: article.id, pieces: placedTexts(article).map((place) => strategy.text(place.text)) }));
    const rows = QUERIES.map((q, i) => {
      const match = matcher(strategy, q.query);
      const found = tokenized.filter((a) => match(a.pieces)).map((a) => a.id);
      const truth = truths[i]!;
      const right = found.filter((id) => truth.has(id)).length;
      // Pieces (a paragraph, a caption) holding the first term: where the article opens and the snippet comes from.
      const first = queryTerms(q.query)[0]!;
      const pieceTruth = pieceTruths[i]!;
      const pieceMatch = matcher(strategy, `"${first}"`);
      const piecesFound = tokenized.reduce((sum, a) => sum + a.pieces.filter((piece) => pieceMatch([piece])).length, 0);
      return {
        query: q.query,
        kind: q.kind,
        truth: truth.size,
        found: found.length,
        recall: truth.size ? right / truth.size : 1,
        precision: found.length ? right / found.length : 1,
        pieceTruth,
        piecesFound,
      };
    });
    return { strategy: strategy.name, rows };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 10_000);
  const articles = [...corpus(count)];
  for (const { strategy, rows } of evaluateSegmentation(articles)) {
    console.log(`\n## ${strategy}`);
    console.log('| query | kind | articles (truth) | found | recall | precision | pieces with the first term (truth) | found |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      console.log(`| ${r.query} | ${r.kind} | ${r.truth} | ${r.found} | ${(r.recall * 100).toFixed(1)}% | ${(r.precision * 100).toFixed(1)}% | ${r.pieceTruth} | ${r.piecesFound} |`);
    }
  }
}

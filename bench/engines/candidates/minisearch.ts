import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { parseQuery } from '../../../src/shared/search/query';
import { tokenize } from '../../../src/shared/search/tokenize';
import { articleText, type Candidate } from './candidate';

const OPTIONS = {
  fields: ['text'],
  tokenize: (text: string) => tokenize(text).map((token) => token.text),
  processTerm: (term: string) => term,
  // Queries arrive as tokens already (parseQuery): they are not cut again.
  searchOptions: { tokenize: (text: string) => [text], combineWith: 'AND' as const },
};

/** MiniSearch has no positions: a phrase is all of its tokens anywhere in the article. */
function search(index: MiniSearch, query: string) {
  const terms = parseQuery(query).terms;
  const prefixes = new Set(terms.filter((term) => term.prefix).map((term) => term.tokens.at(-1)!));
  return index.search({ combineWith: 'AND', queries: terms.flatMap((term) => term.tokens) }, { prefix: (token) => prefixes.has(token) });
}

export const minisearch: Candidate = {
  name: 'MiniSearch 7.2.0 (bigram tokens, AND)',
  build(dir) {
    const index = new MiniSearch(OPTIONS);
    return {
      add: (articles) => index.addAll(articles.map((article) => ({ id: article.id, text: articleText(article) }))),
      finish: () => writeFile(join(dir, 'minisearch.json'), JSON.stringify(index)),
    };
  },
  async load(dir) {
    const index = MiniSearch.loadJSON(await readFile(join(dir, 'minisearch.json'), 'utf8'), OPTIONS);
    return {
      top(query) {
        const results = search(index, query);
        return { ids: results.slice(0, 20).map((r) => String(r.id)), total: results.length };
      },
      all: (query) => search(index, query).map((r) => String(r.id)),
      close: () => undefined,
    };
  },
};

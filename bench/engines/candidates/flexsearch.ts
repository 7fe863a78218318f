import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import FlexSearch from 'flexsearch';
import { parseQuery } from '../../../src/shared/search/query';
import { tokenize } from '../../../src/shared/search/tokenize';
import { articleText, type Candidate } from './candidate';

/** Marks a query that is tokens already (parseQuery), so encode does not cut it again. */
const TOKENS = '\u0001';

function create() {
  return new FlexSearch.Index({
    tokenize: 'strict',
    encode: (text: string) => (text.startsWith(TOKENS) ? text.slice(1).split(' ') : tokenize(text).map((token) => token.text)),
  });
}

function search(index: ReturnType<typeof create>, query: string, limit: number): string[] {
  const tokens = parseQuery(query).terms.flatMap((term) => term.tokens);
  return (index.search(TOKENS + tokens.join(' '), { limit }) as Array<string | number>).map(String);
}

export const flexsearch: Candidate = {
  name: 'FlexSearch 0.8.212 (bigram tokens, AND)',
  build(dir) {
    const index = create();
    return {
      add: (articles) => articles.forEach((article) => index.add(article.id, articleText(article))),
      async finish() {
        const writes: Promise<void>[] = [];
        await index.export((key: string, data: string) => {
          writes.push(writeFile(join(dir, `flex-${key}.json`), data ?? ''));
        });
        await Promise.all(writes);
      },
    };
  },
  async load(dir) {
    const index = create();
    for (const name of (await readdir(dir)).filter((n) => n.startsWith('flex-'))) {
      index.import(name.slice(5, -5), await readFile(join(dir, name), 'utf8'));
    }
    return {
      top(query) {
        const all = search(index, query, 1_000_000);
        return { ids: all.slice(0, 20), total: all.length };
      },
      all: (query) => search(index, query, 1_000_000),
      close: () => undefined,
    };
  },
};

import type { LibraryFilters, LibrarySort } from '../../../shared/search/filters';
import type { ParsedQuery } from '../../../shared/search/query';
import { SEARCH_FIELDS, type SearchField } from '../../../shared/search/places';
import { channelKey } from './stored-article';
import type { SqlValue } from './sqlite';

/** The FTS5 expression for a parsed query: each term a phrase, all of them required. */
export function matchExpression(query: ParsedQuery): string {
  // Tokens hold only letters and digits (tokenize.ts), so they need no escaping inside quotes.
  return query.terms.map((term) => `"${term.tokens.join(' ')}"${term.prefix ? '*' : ''}`).join(' AND ');
}

/** Relevance weights: a match in the headline counts most, then the deck and the byline. */
const WEIGHTS: Record<SearchField, number> = { headline: 8, deck: 4, byline: 3, body: 1, caption: 2, credit: 1, annotation: 1, opinion: 1 };
export const RANK = `bm25(fts, ${SEARCH_FIELDS.map((field) => WEIGHTS[field]).join(', ')})`;

export interface Clause {
  sql: string;
  params: SqlValue[];
}

/**
 * The WHERE conditions on `articles a` for the filters; `queueKeys` are the queue groups of the
 * person's queue when the filters name one.
 */
export function filterClause(filters: LibraryFilters, queueKeys: readonly string[] | null): Clause {
  const parts: string[] = ['a.trashed = ?'];
  const params: SqlValue[] = [filters.trash ? 1 : 0];
  if (filters.stages && filters.stages.length > 0) {
    parts.push(`a.stage IN (${filters.stages.map(() => '?').join(', ')})`);
    params.push(...filters.stages);
  }
  if (filters.channel && filters.channel.length > 0) {
    const key = channelKey(filters.channel);
    parts.push('substr(a.channel, 1, ?) = ?');
    params.push(key.length, key);
  }
  if (filters.authorId) {
    parts.push('a.author_id = ?');
    params.push(filters.authorId);
  }
  if (filters.reviewerId) {
    parts.push('a.n IN (SELECT n FROM reviewers WHERE person = ?)');
    params.push(filters.reviewerId);
  }
  const date = filters.dateField === 'created' ? 'a.created_at' : 'a.updated_at';
  if (filters.from) {
    parts.push(`${date} >= ?`);
    params.push(filters.from);
  }
  if (filters.to) {
    parts.push(`${date} < ?`);
    params.push(filters.to);
  }
  if (queueKeys) {
    parts.push('a.queue_key IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(queueKeys));
  }
  return { sql: parts.join(' AND '), params };
}

/** Row numbers follow the update time (library-index.ts), so sorting by it is sorting by row. */
const SORT_COLUMNS = { updated: 'n', created: 'created_at', headline: 'headline_key' } as const;

/** ORDER BY over rows of `table` that have the article columns; relevance means newest first outside a search. */
export function orderClause(sort: LibrarySort, table: string): string {
  const direction = sort.descending ? 'DESC' : 'ASC';
  if (sort.key === 'relevance') return `ORDER BY score, ${table}.n DESC`;
  return `ORDER BY ${table}.${SORT_COLUMNS[sort.key]} ${direction}, ${table}.n ${direction}`;
}

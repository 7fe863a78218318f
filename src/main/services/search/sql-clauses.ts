import type { LibraryFilters, LibrarySort } from '../../../shared/search/filters';
import type { ParsedQuery } from '../../../shared/search/query';
import type { QueueSelection } from '../../../shared/search/queue-shapes';
import { SEARCH_FIELDS, type SearchField } from '../../../shared/search/places';
import { rowNumberAt } from './row-numbers';
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

/** A desk queue of one person (or of nobody in particular, `personId` null). */
export interface QueueClause {
  selection: QueueSelection;
  personId: string | null;
}

/** The WHERE conditions on `articles a` for the filters, with the person's queue when they name one. */
export function filterClause(filters: LibraryFilters, queue: QueueClause | null): Clause {
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
  if (filters.dateField !== 'created') parts.push(...rowBounds(filters, params));
  if (queue) parts.push(queueCondition(queue, params));
  return { sql: parts.join(' AND '), params };
}

/**
 * Bounds on row numbers (row-numbers.ts), implied by the update date bounds: the rows are then
 * found from the row order instead of read one by one.
 */
function rowBounds(filters: LibraryFilters, params: SqlValue[]): string[] {
  const bounds: string[] = [];
  const from = utcTimeOf(filters.from);
  const to = utcTimeOf(filters.to);
  if (Number.isFinite(from) && from > 0) {
    bounds.push('a.n >= ?');
    params.push(rowNumberAt(from));
  }
  if (Number.isFinite(to) && to > 0) {
    bounds.push('a.n < ?');
    params.push(rowNumberAt(to));
  }
  return bounds;
}

/**
 * The time of a date filter where comparing it as a string (as the filter does) and as a time
 * agree: a date, or a time in UTC. NaN otherwise (a time with an offset, or local).
 */
function utcTimeOf(value: string | undefined): number {
  if (!value || !/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z)?)?)?$/.test(value)) return NaN;
  return Date.parse(value);
}

function queueCondition({ selection, personId }: QueueClause, params: SqlValue[]): string {
  const either: string[] = [];
  const list = (values: readonly SqlValue[]) => {
    params.push(...values);
    return values.map(() => '?').join(', ');
  };
  if (selection.shapes.length > 0) either.push(`a.queue_shape IN (${list(selection.shapes)})`);
  if (personId !== null) {
    if (selection.unrelated.length > 0) {
      const shapes = list(selection.unrelated);
      either.push(`(a.queue_shape IN (${shapes}) AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.n = a.n AND r.person = ?))`);
      params.push(personId);
    }
    for (const { shape, relations } of selection.related) {
      params.push(personId, shape);
      either.push(`a.n IN (SELECT n FROM relations WHERE person = ? AND shape = ? AND relation IN (${list(relations)}))`);
    }
  }
  return either.length > 0 ? `(${either.join(' OR ')})` : '0';
}

/** Row numbers follow the update time (library-index.ts), so sorting by it is sorting by row. */
const SORT_COLUMNS = { updated: 'n', created: 'created_at', headline: 'headline_key' } as const;

/** ORDER BY over rows of `table` that have the article columns; relevance means newest first outside a search. */
export function orderClause(sort: LibrarySort, table: string): string {
  const direction = sort.descending ? 'DESC' : 'ASC';
  if (sort.key === 'relevance') return `ORDER BY score, ${table}.n DESC`;
  return `ORDER BY ${table}.${SORT_COLUMNS[sort.key]} ${direction}, ${table}.n ${direction}`;
}

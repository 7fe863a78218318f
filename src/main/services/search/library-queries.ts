import type { Person } from '../../../shared/review/people';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '../../../shared/review/policy';
import { DEFAULT_LIST_SORT, DEFAULT_SEARCH_SORT, type LibraryFilters, type LibraryRow, type LibrarySort } from '../../../shared/search/filters';
import type { TextRange } from '../../../shared/search/matches';
import type { PlacedText } from '../../../shared/search/places';
import { parseQuery, type ParsedQuery } from '../../../shared/search/query';
import { countQueues, keysInQueue, type QueueCounts } from '../../../shared/search/queue-groups';
import { bestSnippet, highlightsIn, type Snippet } from '../../../shared/search/snippet';
import type { LibraryIndex } from './library-index';
import { filterClause, matchExpression, orderClause, RANK } from './sql-clauses';
import type { SqlDatabase, SqlValue } from './sqlite';

export interface ListRequest {
  filters?: LibraryFilters;
  sort?: LibrarySort;
  offset?: number;
  limit?: number;
  /** Whose desk queues: the counts and the `queue` filter are for this person. */
  person?: Person | null;
  policy?: ReviewPolicy;
}

export interface ListResult {
  rows: LibraryRow[];
  /** Rows matching the filters, of which `rows` is the window from `offset`. */
  total: number;
  offset: number;
  /** The person's desk queue counts in the library (filters aside). */
  counts: QueueCounts;
}

export interface SearchRequest extends ListRequest {
  query: string;
  /** The person is still typing: the last word matches as a prefix. */
  typing?: boolean;
}

export interface SearchHit {
  row: LibraryRow;
  /** Where the query's terms are in the headline. */
  headline: TextRange[];
  /** The best place to show, with the match to open the article at; null if the text no longer holds it. */
  snippet: Snippet | null;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  offset: number;
  counts: QueueCounts;
  /** The query as understood; no terms means the request was listed, not searched. */
  query: ParsedQuery;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

function windowOf(request: ListRequest): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(request.limit ?? DEFAULT_LIMIT)));
  return { offset, limit };
}

function queueKeys(index: LibraryIndex, request: ListRequest): string[] | null {
  const queue = request.filters?.queue;
  if (!queue || queue === 'all') return null;
  return keysInQueue(index.queueGroups(), queue, request.person ?? null, request.policy ?? DEFAULT_REVIEW_POLICY);
}

export function queueCounts(index: LibraryIndex, person: Person | null, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): QueueCounts {
  return countQueues(index.queueGroups(), person, policy);
}

/** A window of the library (or the trash) in the order asked for, with the total and queue counts. */
export function listLibrary(index: LibraryIndex, request: ListRequest = {}): ListResult {
  const { offset, limit } = windowOf(request);
  const where = filterClause(request.filters ?? {}, queueKeys(index, request));
  const order = orderClause(request.sort ?? DEFAULT_LIST_SORT, false);
  return index.read((db) => {
    const rows = all(db, `SELECT a.row AS row FROM articles a WHERE ${where.sql} ${order} LIMIT ? OFFSET ?`, [...where.params, limit, offset]);
    const total = Number(all(db, `SELECT count(*) AS c FROM articles a WHERE ${where.sql}`, where.params)[0]?.c ?? 0);
    return { rows: rows.map((row) => JSON.parse(String(row.row)) as LibraryRow), total, offset, counts: queueCounts(index, request.person ?? null, request.policy) };
  });
}

/** Full-text search with filters and sort; an empty query lists instead. */
export function searchLibrary(index: LibraryIndex, request: SearchRequest): SearchResult {
  const query = parseQuery(request.query, { typing: request.typing ?? false });
  if (query.terms.length === 0) {
    const listed = listLibrary(index, request);
    return { hits: listed.rows.map((row) => ({ row, headline: [], snippet: null })), total: listed.total, offset: listed.offset, counts: listed.counts, query };
  }
  const { offset, limit } = windowOf(request);
  const sort = request.sort ?? DEFAULT_SEARCH_SORT;
  const where = filterClause(request.filters ?? {}, queueKeys(index, request));
  const score = sort.key === 'relevance' ? RANK : '0';
  const from = `FROM fts CROSS JOIN articles a ON a.n = fts.rowid WHERE fts MATCH ? AND ${where.sql}`;
  const params = [matchExpression(query), ...where.params];
  return index.read((db) => {
    const found = all(db, `SELECT a.n AS n, a.row AS row, ${score} AS score ${from} ${orderClause(sort, true)} LIMIT ? OFFSET ?`, [...params, limit, offset]);
    const total = Number(all(db, `SELECT count(*) AS c ${from}`, params)[0]?.c ?? 0);
    const places = placesOf(db, found.map((row) => Number(row.n)));
    const hits = found.map((hit) => {
      const row = JSON.parse(String(hit.row)) as LibraryRow;
      return { row, headline: highlightsIn(row.headline, query), snippet: bestSnippet(places.get(Number(hit.n)) ?? [], query) };
    });
    return { hits, total, offset, counts: queueCounts(index, request.person ?? null, request.policy), query };
  });
}

function placesOf(db: SqlDatabase, numbers: number[]): Map<number, PlacedText[]> {
  if (numbers.length === 0) return new Map();
  const rows = all(db, 'SELECT n, places FROM texts WHERE n IN (SELECT value FROM json_each(?))', [JSON.stringify(numbers)]);
  return new Map(rows.map((row) => [Number(row.n), JSON.parse(String(row.places)) as PlacedText[]]));
}

function all(db: SqlDatabase, sql: string, params: SqlValue[]) {
  const statement = db.prepare(sql);
  try {
    return statement.all(params);
  } finally {
    statement.finalize();
  }
}

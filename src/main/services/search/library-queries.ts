import type { AnnotationThread } from '../../../shared/annotations/events';
import type { TrashEntry } from '../../../shared/contract/api';
import type { TrashNote } from '../../../shared/search/indexed-article';
import type { Person } from '../../../shared/review/people';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '../../../shared/review/policy';
import { DEFAULT_LIST_SORT, DEFAULT_SEARCH_SORT, type LibraryFilters, type LibraryRow, type LibrarySort } from '../../../shared/search/filters';
import type { TextRange } from '../../../shared/search/matches';
import type { PlacedText } from '../../../shared/search/places';
import { parseQuery, type ParsedQuery } from '../../../shared/search/query';
import { countQueues, personalShapes, queueSelection, type QueueCounts, type RelatedCount } from '../../../shared/search/queue-shapes';
import { bestSnippet, highlightsIn, type Snippet } from '../../../shared/search/snippet';
import { DAMAGED, IN_LIBRARY, IN_TRASH, type LibraryIndex } from './library-index';
import { filterClause, matchExpression, orderClause, RANK, type QueueClause } from './sql-clauses';
import { storedJson, type SqlDatabase, type SqlValue } from './sqlite';

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

/**
 * A search looks at most at this many matches, the most recently updated ones: it ranks, sorts
 * and counts those. More matches than that are reported as `more`, and the person narrows.
 */
export const SEARCH_WINDOW = 2_000;

export interface SearchResult {
  hits: SearchHit[];
  /** Matches, up to SEARCH_WINDOW. */
  total: number;
  /** There are more than SEARCH_WINDOW matches. */
  more: boolean;
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

function queueClause(index: LibraryIndex, request: ListRequest): QueueClause | null {
  const queue = request.filters?.queue;
  if (!queue || queue === 'all') return null;
  const person = request.person ?? null;
  const shapes = index.queueShapes().map((found) => found.shape);
  return { selection: queueSelection(shapes, queue, person, request.policy ?? DEFAULT_REVIEW_POLICY), personId: person?.id ?? null };
}

/** The person's desk queue counts: the kept counts per shape, and a look at the articles that name them. */
export function queueCounts(index: LibraryIndex, person: Person | null, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): QueueCounts {
  const shapes = index.queueShapes();
  const personal = person ? personalShapes(shapes.map((found) => found.shape), person, policy) : [];
  const related =
    person && personal.length > 0
      ? index.read((db) =>
          all(db, `SELECT shape, relation, count(*) AS c FROM relations WHERE person = ? AND shape IN (${personal.map(() => '?').join(', ')}) GROUP BY shape, relation`, [person.id, ...personal]),
        ).map((row): RelatedCount => ({ shape: String(row.shape), relation: Number(row.relation), count: Number(row.c) }))
      : [];
  return countQueues(shapes, related, person, policy);
}

/** A window of the library (or the trash) in the order asked for, with the total and queue counts. */
export function listLibrary(index: LibraryIndex, request: ListRequest = {}): ListResult {
  const { offset, limit } = windowOf(request);
  const where = filterClause(request.filters ?? {}, queueClause(index, request));
  const sort = request.sort ?? DEFAULT_LIST_SORT;
  const listSort = sort.key === 'relevance' ? DEFAULT_LIST_SORT : sort;
  return index.read((db) => {
    // Inside the read: an index found damaged is replaced and the read runs again, counts and all.
    const counts = queueCounts(index, request.person ?? null, request.policy);
    // The window's row numbers first, from the sort order's index alone; then only its rows are read.
    const window = `SELECT a.n AS n FROM articles a WHERE ${where.sql} ${orderClause(listSort, 'a')} LIMIT ? OFFSET ?`;
    const rows = all(db, `SELECT b.row AS row FROM (${window}) AS w JOIN articles b ON b.n = w.n ${orderClause(listSort, 'b')}`, [...where.params, limit, offset]);
    // A desk queue (or the whole library) unfiltered: its count is kept, no need to count its rows.
    const total = queueOnly(request.filters) ? counts[request.filters?.queue ?? 'all'] : Number(all(db, `SELECT count(*) AS c FROM articles a WHERE ${where.sql}`, where.params)[0]?.c ?? 0);
    return { rows: rows.map((row) => storedJson<LibraryRow>(row.row)), total, offset, counts };
  });
}

/** Whether the filters ask for no more than a desk queue of the library (not the trash). */
function queueOnly(filters: LibraryFilters = {}): boolean {
  return Object.entries(filters).every(([key, value]) => value === undefined || key === 'queue' || (key === 'trash' && value === false) || (Array.isArray(value) && value.length === 0));
}

/** Full-text search with filters and sort; an empty query lists instead. */
export function searchLibrary(index: LibraryIndex, request: SearchRequest): SearchResult {
  const query = parseQuery(request.query, { typing: request.typing ?? false });
  if (query.terms.length === 0) {
    const listed = listLibrary(index, request);
    return { hits: listed.rows.map((row) => ({ row, headline: [], snippet: null })), total: listed.total, more: false, offset: listed.offset, counts: listed.counts, query };
  }
  const { offset, limit } = windowOf(request);
  const sort = request.sort ?? DEFAULT_SEARCH_SORT;
  const where = filterClause(request.filters ?? {}, queueClause(index, request));
  const score = sort.key === 'relevance' ? RANK : '0';
  // The full-text index hands out matches newest first and stops after SEARCH_WINDOW of them: the
  // cost of a search does not grow with the archive, however common the words.
  const newest = `SELECT a.n AS n, a.created_at AS created_at, a.headline_key AS headline_key, ${score} AS score
    FROM fts CROSS JOIN articles a ON a.n = fts.rowid WHERE fts MATCH ? AND ${where.sql} ORDER BY fts.rowid DESC LIMIT ?`;
  const params = [matchExpression(query), ...where.params, SEARCH_WINDOW + 1];
  return index.read((db) => {
    // One pass over the matches ranks, sorts and counts them; only the page's rows are read.
    const page = all(db, `SELECT m.n AS n, count(*) OVER () AS matched FROM (${newest}) AS m ${orderClause(sort, 'm')} LIMIT ? OFFSET ?`, [...params, limit, Math.min(offset, SEARCH_WINDOW)]);
    const matched = page.length > 0 ? Number(page[0]!.matched) : Number(all(db, `SELECT count(*) AS c FROM (${newest})`, params)[0]?.c ?? 0);
    const numbers = page.map((found) => Number(found.n));
    const found = hitsOf(db, numbers);
    const hits = numbers.map((n) => {
      const { row, places } = found.get(n)!;
      return { row, headline: highlightsIn(row.headline, query), snippet: bestSnippet(places, query) };
    });
    return {
      hits: hits.slice(0, Math.max(0, SEARCH_WINDOW - offset)),
      total: Math.min(matched, SEARCH_WINDOW),
      more: matched > SEARCH_WINDOW,
      offset,
      counts: queueCounts(index, request.person ?? null, request.policy),
      query,
    };
  });
}

/** The open annotation threads of the library's articles, newest first, each with its article. */
export function openAnnotations(index: LibraryIndex, limit = 1_000): Array<{ articleId: string; headline: string; thread: AnnotationThread }> {
  return index.read((db) =>
    all(db, 'SELECT a.row AS row, o.thread AS thread FROM open_threads o JOIN articles a ON a.n = o.n WHERE a.trashed = ? ORDER BY o.opened_at DESC, o.rowid LIMIT ?', [IN_LIBRARY, limit]).map((found) => {
      const row = storedJson<LibraryRow>(found.row);
      return { articleId: row.id, headline: row.headline, thread: storedJson<AnnotationThread>(found.thread) };
    }),
  );
}

/** The trash, most recently trashed first, each article with what put it there. */
export function trashList(index: LibraryIndex): TrashEntry[] {
  const found = index.read((db) => all(db, 'SELECT row, trash FROM articles WHERE trashed = ? AND trash IS NOT NULL', [IN_TRASH]));
  return found
    .map((entry): TrashEntry => {
      const row = storedJson<LibraryRow>(entry.row);
      const trash = storedJson<TrashNote>(entry.trash);
      const { id, headline, channel, authorId, createdBy, updatedAt, updatedBy, review, reviewProblem } = row;
      return { id, headline, channel, authorId, createdBy, updatedAt, updatedBy, review, reviewProblem, trashedAt: trash.at, trashedBy: trash.by, ...(trash.reason ? { trashReason: trash.reason } : {}), problems: [] };
    })
    .sort((a, b) => b.trashedAt.localeCompare(a.trashedAt));
}

/** Articles that cannot be read, by id, with why (listed apart from the library). */
export function damagedArticles(index: LibraryIndex, limit = 100): Array<{ id: string; problem: string }> {
  return index.read((db) =>
    all(db, 'SELECT row FROM articles WHERE trashed = ? ORDER BY id LIMIT ?', [DAMAGED, limit]).map((found) => {
      const row = storedJson<LibraryRow>(found.row);
      return { id: row.id, problem: row.damaged ?? '' };
    }),
  );
}

/** The rows and searchable text of these articles, read together. */
function hitsOf(db: SqlDatabase, numbers: number[]): Map<number, { row: LibraryRow; places: PlacedText[] }> {
  if (numbers.length === 0) return new Map();
  const found = all(db, 'SELECT a.n AS n, a.row AS row, t.places AS places FROM articles a JOIN texts t ON t.n = a.n WHERE a.n IN (SELECT value FROM json_each(?))', [JSON.stringify(numbers)]);
  return new Map(found.map((hit) => [Number(hit.n), { row: storedJson<LibraryRow>(hit.row), places: storedJson<PlacedText[]>(hit.places) }]));
}

function all(db: SqlDatabase, sql: string, params: SqlValue[]) {
  const statement = db.prepare(sql);
  try {
    return statement.all(params);
  } finally {
    statement.finalize();
  }
}

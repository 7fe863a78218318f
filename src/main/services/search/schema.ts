import { SEARCH_FIELDS } from '../../../shared/search/places';
import type { SqlDatabase } from './sqlite';

/** What the file is, for a reader who finds it; any other value means "not ours: rebuild". */
export const INDEX_FORMAT = 'newsroom-library-index';
/**
 * Changes whenever the tables or the tokenizer change (src/shared/search/tokenize.ts): an index
 * of another version is rebuilt, never read.
 */
export const INDEX_VERSION = '5';

export const INDEX_FILE = 'library.sqlite';

const COLUMNS = SEARCH_FIELDS.join(', ');

export const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE articles (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  stamp TEXT NOT NULL,
  -- 0: in the library, 1: in the trash, 2: cannot be read (listed apart, with why)
  trashed INTEGER NOT NULL,
  stage TEXT NOT NULL,
  channel TEXT NOT NULL,
  author_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  headline_key TEXT NOT NULL,
  queue_shape TEXT NOT NULL,
  -- What put the article in the trash (JSON), while it is there.
  trash TEXT,
  row TEXT NOT NULL
);
-- Each sort order's index also holds the queue shape, so a page far down a desk queue is found
-- from the index alone; only the page's own rows are read.
CREATE INDEX articles_by_row ON articles (trashed, n, queue_shape);
CREATE INDEX articles_by_created ON articles (trashed, created_at, queue_shape);
CREATE INDEX articles_by_headline ON articles (trashed, headline_key, queue_shape);
CREATE INDEX articles_by_queue ON articles (trashed, queue_shape);
CREATE TABLE reviewers (person TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (person, n)) WITHOUT ROWID;
CREATE TABLE texts (n INTEGER PRIMARY KEY, places TEXT NOT NULL);
CREATE TABLE open_threads (n INTEGER NOT NULL, opened_at TEXT NOT NULL, thread TEXT NOT NULL);
CREATE INDEX open_threads_by_article ON open_threads (n);
CREATE INDEX open_threads_by_time ON open_threads (opened_at);
-- Articles in the library per queue shape (src/shared/search/queue-shapes.ts).
CREATE TABLE queue_shapes (shape TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
-- Everyone an article in the library names, with their relation to it.
CREATE TABLE relations (person TEXT NOT NULL, shape TEXT NOT NULL, relation INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (person, shape, relation, n)) WITHOUT ROWID;
CREATE INDEX relations_by_article ON relations (n, person);
CREATE VIRTUAL TABLE fts USING fts5 (${COLUMNS}, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
`;

/** Why the open file is not an index this version can trust, or null. */
export function schemaProblem(db: SqlDatabase, workspaceId: string): string | null {
  const hasMeta = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'meta'`);
  try {
    if (hasMeta.get()?.n !== 1) return 'it has no index header';
  } finally {
    hasMeta.finalize();
  }
  const read = db.prepare('SELECT key, value FROM meta');
  let meta: Map<string, string>;
  try {
    meta = new Map(read.all().map((row) => [String(row.key), String(row.value)]));
  } finally {
    read.finalize();
  }
  if (meta.get('format') !== INDEX_FORMAT) return 'it is not a library index';
  if (meta.get('version') !== INDEX_VERSION) return `it was made by another version (${meta.get('version') ?? 'none'})`;
  if (meta.get('workspace') !== workspaceId) return 'it belongs to another workspace';
  return null;
}

export function createSchema(db: SqlDatabase, workspaceId: string): void {
  db.exec(`BEGIN; ${SCHEMA}`);
  const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  try {
    insert.run(['format', INDEX_FORMAT]);
    insert.run(['version', INDEX_VERSION]);
    insert.run(['workspace', workspaceId]);
  } finally {
    insert.finalize();
  }
  db.exec('COMMIT');
}

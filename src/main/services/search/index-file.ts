import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSchema, INDEX_FILE, schemaProblem } from './schema';
import { isDamageError, isOpenHere, openSqlite, type SqlDatabase } from './sqlite';

/** Opens a SQLite file; the default is the driver the app ships (sqlite.ts). */
export type SqliteOpener = (file: string) => SqlDatabase;

export interface OpenedFile {
  db: SqlDatabase;
  /** Why what was in the folder was thrown away and a new, empty index made; null when it was kept. */
  reset: string | null;
}

/**
 * Opens the index in `folder`, or makes a new one. An index that cannot be read, was made by
 * another version or for another workspace is deleted and made anew: it is a cache, and a cache
 * that cannot be trusted is worth nothing.
 */
export function openIndexFile(folder: string, workspaceId: string, open: SqliteOpener = openSqlite): OpenedFile {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, INDEX_FILE);
  let reset: string | null = null;
  let db: SqlDatabase | null = null;
  clearStaleLock(file);
  try {
    db = open(file);
    configure(db);
    const empty = db.prepare(`SELECT count(*) AS n FROM sqlite_schema`);
    const tables = Number(empty.get()?.n ?? 0);
    empty.finalize();
    if (tables === 0) {
      createSchema(db, workspaceId);
      return { db, reset: null };
    }
    reset = schemaProblem(db, workspaceId);
    if (reset === null) return { db, reset: null };
  } catch (error) {
    if (!isDamageError(error)) throw error;
    reset = 'it is damaged';
  }
  db?.close();
  return { db: freshIndexFile(folder, workspaceId, open), reset };
}

/** Deletes whatever index files are in `folder` and makes an empty index. */
export function freshIndexFile(folder: string, workspaceId: string, open: SqliteOpener = openSqlite): SqlDatabase {
  const file = join(folder, INDEX_FILE);
  clearStaleLock(file);
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const db = open(file);
  configure(db);
  createSchema(db, workspaceId);
  return db;
}

/**
 * The app runs once per data folder, so a lock on the index that no connection of this process
 * holds was left by one that ended mid-read or mid-write (a crash, a kill): it would keep the
 * index locked for good. SQLite rolls back whatever that write left unfinished when it opens.
 */
function clearStaleLock(file: string): void {
  if (!isOpenHere(file)) rmSync(`${file}.lock`, { recursive: true, force: true });
}

function configure(db: SqlDatabase): void {
  // A cache: losing the last moments of it to a power cut costs a re-read, never data.
  db.exec('PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16000;');
}

import { resolve } from 'node:path';
import sqlite3 from 'node-sqlite3-wasm';

// A CommonJS module: its names come with the default export.
const { Database } = sqlite3;

/** A value SQLite stores; booleans go in as 0 and 1. */
export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlStatement {
  run(params?: SqlValue[]): void;
  get(params?: SqlValue[]): SqlRow | undefined;
  all(params?: SqlValue[]): SqlRow[];
  finalize(): void;
}

/** The little of SQLite the index uses, so the driver is chosen in one place. */
export interface SqlDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  close(): void;
}

/** Connections this process has open, by file. */
const openHere = new Map<string, number>();

/** Whether this process has a connection to `file` open. */
export function isOpenHere(file: string): boolean {
  return (openHere.get(resolve(file)) ?? 0) > 0;
}

/**
 * SQLite compiled to WebAssembly with file access from Node (docs/search.md: why not a native
 * module). Its statements hold WebAssembly memory until finalized, so callers finalize them.
 * Its file lock is a folder beside the file (`<file>.lock`), taken for any read or write and
 * given back when no statement is left part-read: so `get` reads its statement to the end.
 */
export function openSqlite(file: string): SqlDatabase {
  const db = new Database(file);
  const path = resolve(file);
  openHere.set(path, (openHere.get(path) ?? 0) + 1);
  return {
    exec: (sql) => db.exec(sql),
    prepare(sql) {
      const statement = db.prepare(sql);
      return {
        run: (params) => void statement.run(params ?? []),
        get: (params) => (statement.all(params ?? []) as SqlRow[])[0],
        all: (params) => statement.all(params ?? []) as SqlRow[],
        finalize: () => statement.finalize(),
      };
    },
    close: () => {
      openHere.set(path, (openHere.get(path) ?? 1) - 1);
      db.close();
    },
  };
}

/** A stored value the index wrote and can no longer read back. */
export class DamagedIndexError extends Error {}

/** Parses JSON the index stored; unreadable JSON means a damaged index, not bad input. */
export function storedJson<T>(text: unknown): T {
  try {
    return JSON.parse(String(text)) as T;
  } catch {
    throw new DamagedIndexError('a stored row is not valid JSON');
  }
}

/** SQLite's word for a file that is not a database, or one whose pages are damaged. */
export function isDamageError(error: unknown): boolean {
  if (error instanceof DamagedIndexError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /malformed|not a database|corrupt|file is encrypted|disk image/iu.test(message);
}

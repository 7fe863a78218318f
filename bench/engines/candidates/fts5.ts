import Native from 'better-sqlite3';
import { LibraryIndex } from '../../../src/main/services/search/library-index';
import { matchExpression, RANK } from '../../../src/main/services/search/sql-clauses';
import type { SqlDatabase, SqlValue } from '../../../src/main/services/search/sqlite';
import { parseQuery } from '../../../src/shared/search/query';
import type { Candidate } from './candidate';

/** better-sqlite3 behind the index's driver interface. */
function openNative(file: string): SqlDatabase {
  const db = new Native(file);
  return {
    exec: (sql) => void db.exec(sql),
    prepare(sql) {
      const statement = db.prepare(sql);
      const reader = statement.reader;
      return {
        run: (params) => void statement.run(...(params ?? [])),
        get: (params) => (reader ? (statement.get(...(params ?? [])) as Record<string, SqlValue> | undefined) : undefined),
        all: (params) => (reader ? (statement.all(...(params ?? [])) as Record<string, SqlValue>[]) : []),
        finalize: () => undefined,
      };
    },
    close: () => void db.close(),
  };
}

function fts5(name: string, native: boolean): Candidate {
  const open = (dir: string) => LibraryIndex.open({ folder: dir, workspaceId: 'compare', ...(native ? { sqlite: openNative } : {}) });
  return {
    name,
    build(dir) {
      const index = open(dir);
      return { add: (articles) => index.upsert(articles), finish: async () => index.close() };
    },
    async load(dir) {
      const index = open(dir);
      const run = (sql: string, params: SqlValue[]) =>
        index.read((db) => {
          const statement = db.prepare(sql);
          try {
            return statement.all(params);
          } finally {
            statement.finalize();
          }
        });
      return {
        top(query) {
          const match = matchExpression(parseQuery(query));
          const rows = run(`SELECT rowid AS n, ${RANK} AS score FROM fts WHERE fts MATCH ? ORDER BY score LIMIT 20`, [match]);
          const total = Number(run('SELECT count(*) AS c FROM fts WHERE fts MATCH ?', [match])[0]?.c ?? 0);
          return { ids: rows.map((row) => String(row.n)), total };
        },
        all(query) {
          const rows = run('SELECT a.id AS id FROM fts CROSS JOIN articles a ON a.n = fts.rowid WHERE fts MATCH ?', [matchExpression(parseQuery(query))]);
          return rows.map((row) => String(row.id));
        },
        close: () => index.close(),
      };
    },
  };
}

export const fts5Wasm = fts5('SQLite FTS5 (node-sqlite3-wasm)', false);
export const fts5Native = fts5('SQLite FTS5 (better-sqlite3, native)', true);

import type { IndexedArticle } from '../../../shared/search/indexed-article';
import { SEARCH_FIELDS } from '../../../shared/search/places';
import type { ShapeCount } from '../../../shared/search/queue-shapes';
import { freshIndexFile, openIndexFile, type SqliteOpener } from './index-file';
import { ROW_SLOTS, rowNumberAt } from './row-numbers';
import { isDamageError, type SqlDatabase, type SqlStatement } from './sqlite';
import { storedArticle } from './stored-article';

export interface IndexOptions {
  /** A folder of the app's data folder, one per workspace. */
  folder: string;
  workspaceId: string;
  /**
   * Called when the index turned out to be damaged while in use: it has been replaced by an
   * empty one, and the caller should refresh it from the workspace.
   */
  onDamaged?: (reason: string) => void;
  /** Another SQLite driver (the engine comparison measures a native one). */
  sqlite?: SqliteOpener;
}

const STATEMENTS = {
  find: 'SELECT n, queue_shape, trashed FROM articles WHERE id = ?',
  stamp: 'SELECT stamp FROM articles WHERE id = ?',
  insert: `INSERT INTO articles (n, id, stamp, trashed, stage, channel, author_id, created_at, updated_at, headline_key, queue_shape, trash, row)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  remove: 'DELETE FROM articles WHERE n = ?',
  removeText: 'DELETE FROM texts WHERE n = ?',
  removeReviewers: 'DELETE FROM reviewers WHERE n = ?',
  removeRelations: 'DELETE FROM relations WHERE n = ?',
  removeFts: 'DELETE FROM fts WHERE rowid = ?',
  removeThreads: 'DELETE FROM open_threads WHERE n = ?',
  insertThread: 'INSERT INTO open_threads (n, opened_at, thread) VALUES (?, ?, ?)',
  complete: "SELECT value FROM meta WHERE key = 'complete'",
  markComplete: "INSERT OR REPLACE INTO meta (key, value) VALUES ('complete', '1')",
  insertText: 'INSERT INTO texts (n, places) VALUES (?, ?)',
  insertReviewer: 'INSERT OR IGNORE INTO reviewers (person, n) VALUES (?, ?)',
  insertRelation: 'INSERT INTO relations (person, shape, relation, n) VALUES (?, ?, ?, ?)',
  insertFts: `INSERT INTO fts (rowid, ${SEARCH_FIELDS.join(', ')}) VALUES (?${', ?'.repeat(SEARCH_FIELDS.length)})`,
  taken: 'SELECT 1 AS taken FROM articles WHERE n = ?',
  saveShape: 'INSERT OR REPLACE INTO queue_shapes (shape, count) VALUES (?, ?)',
  dropShape: 'DELETE FROM queue_shapes WHERE shape = ?',
} as const;
type StatementName = keyof typeof STATEMENTS;

/** Where an article is listed (the `trashed` column): the library, the trash, or apart as damaged. */
export const IN_LIBRARY = 0;
export const IN_TRASH = 1;
export const DAMAGED = 2;

function placeOf(article: IndexedArticle): number {
  return article.damaged !== null ? DAMAGED : article.trashed ? IN_TRASH : IN_LIBRARY;
}


/**
 * The per-machine library index of one workspace (docs/search.md): the summaries the library
 * lists, the desk queues' counts and the full text search looks in. Writes go through upsert
 * and remove; reads through the query functions in library-queries.ts.
 */
export class LibraryIndex {
  private statements = new Map<StatementName, SqlStatement>();
  private shapes = new Map<string, number>();

  private constructor(
    private db: SqlDatabase,
    private readonly options: IndexOptions,
    /** Why the index found on disk was not used, or null. */
    readonly reset: string | null,
  ) {
    this.load();
  }

  static open(options: IndexOptions): LibraryIndex {
    const { db, reset } = openIndexFile(options.folder, options.workspaceId, options.sqlite);
    try {
      return new LibraryIndex(db, options, reset);
    } catch (error) {
      db.close();
      if (!isDamageError(error)) throw error;
      return new LibraryIndex(freshIndexFile(options.folder, options.workspaceId, options.sqlite), options, 'it is damaged');
    }
  }

  /** How many articles of the library (not the trash) have each queue shape, as they are now. */
  queueShapes(): ShapeCount[] {
    return [...this.shapes].map(([shape, count]) => ({ shape, count }));
  }

  /** Adds or replaces articles, all or none. */
  upsert(articles: readonly IndexedArticle[]): void {
    this.guard(() => this.transaction(() => articles.forEach((article) => this.write(article))));
  }

  /** The stamp the article was indexed with; null when it is not in the index. */
  stampOf(id: string): string | null {
    return this.guard(() => {
      const found = this.statement('stamp').get([id]);
      return found ? String(found.stamp) : null;
    });
  }

  /** The index has been brought up to date with the folder at least once (a new one has not). */
  isComplete(): boolean {
    return this.guard(() => this.statement('complete').get() !== undefined);
  }

  markComplete(): void {
    this.guard(() => this.statement('markComplete').run([]));
  }

  remove(ids: readonly string[]): void {
    this.guard(() =>
      this.transaction(() => {
        for (const id of ids) this.erase(id);
      }),
    );
  }

  /** Runs a read against the database; a damaged index is replaced and the read runs on the new one. */
  read<T>(work: (db: SqlDatabase) => T): T {
    return this.guard(() => work(this.db));
  }

  close(): void {
    for (const statement of this.statements.values()) statement.finalize();
    this.statements.clear();
    this.db.close();
  }

  private load(): void {
    const shapes = this.db.prepare('SELECT shape, count FROM queue_shapes');
    try {
      this.shapes = new Map(shapes.all().map((row) => [String(row.shape), Number(row.count)]));
    } finally {
      shapes.finalize();
    }
  }

  private write(article: IndexedArticle): void {
    this.erase(article.id);
    const n = this.rowNumber(article.updatedAt);
    const stored = storedArticle(article);
    const { row } = stored;
    this.statement('insert').run([
      n,
      article.id,
      article.stamp,
      placeOf(article),
      stored.stage,
      stored.channelKey,
      article.authorId,
      article.createdAt,
      article.updatedAt,
      article.headline.toLocaleLowerCase(),
      stored.queueShape,
      article.trash ? JSON.stringify(article.trash) : null,
      JSON.stringify(row),
    ]);
    this.statement('insertText').run([n, JSON.stringify(stored.places)]);
    this.statement('insertFts').run([n, ...stored.columns]);
    for (const person of stored.reviewers) this.statement('insertReviewer').run([person, n]);
    if (placeOf(article) !== IN_LIBRARY) return;
    this.count(stored.queueShape, +1);
    for (const [person, relation] of stored.relations) this.statement('insertRelation').run([person, stored.queueShape, relation, n]);
    for (const thread of article.openThreads) this.statement('insertThread').run([n, thread.openedAt, JSON.stringify(thread)]);
  }

  /** The first free row number for the update time (row-numbers.ts). */
  private rowNumber(updatedAt: string): number {
    const base = rowNumberAt(Date.parse(updatedAt));
    for (let slot = 0; slot < ROW_SLOTS; slot++) if (!this.statement('taken').get([base + slot])) return base + slot;
    throw new Error(`more than ${ROW_SLOTS} articles were updated in the same millisecond`);
  }

  /** Removes the article's rows, if it has any. */
  private erase(id: string): void {
    const found = this.statement('find').get([id]);
    if (!found) return;
    const n = Number(found.n);
    for (const name of ['remove', 'removeText', 'removeReviewers', 'removeRelations', 'removeFts', 'removeThreads'] as const) this.statement(name).run([n]);
    if (Number(found.trashed) === IN_LIBRARY) this.count(String(found.queue_shape), -1);
  }

  private count(shape: string, change: number): void {
    const count = (this.shapes.get(shape) ?? 0) + change;
    if (count <= 0) {
      this.shapes.delete(shape);
      this.statement('dropShape').run([shape]);
    } else {
      this.shapes.set(shape, count);
      this.statement('saveShape').run([shape, count]);
    }
  }

  private transaction(work: () => void): void {
    const shapes = new Map(this.shapes);
    this.db.exec('BEGIN');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      this.shapes = shapes;
      throw error;
    }
  }

  private statement(name: StatementName): SqlStatement {
    let statement = this.statements.get(name);
    if (!statement) {
      statement = this.db.prepare(STATEMENTS[name]);
      this.statements.set(name, statement);
    }
    return statement;
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (!isDamageError(error)) throw error;
      this.replaceDamaged();
      this.options.onDamaged?.('it is damaged');
      return work();
    }
  }

  private replaceDamaged(): void {
    try {
      this.close();
    } catch {
      // A damaged file may refuse even to close cleanly; it is deleted next.
    }
    this.db = freshIndexFile(this.options.folder, this.options.workspaceId, this.options.sqlite);
    this.shapes.clear();
  }
}

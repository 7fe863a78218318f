import type { IndexedArticle } from '../../../shared/search/indexed-article';
import type { LibraryIndex } from './library-index';

/** An article as the workspace folder shows it, before it is read: its id and change stamp. */
export interface FolderEntry {
  id: string;
  stamp: string;
}

/** What to do to bring the index up to date with the folder. */
export interface RefreshPlan {
  /** New articles, and articles whose stamp changed: read them and upsert. */
  read: string[];
  /** Articles the folder no longer has. */
  remove: string[];
  /** Articles already up to date. */
  unchanged: number;
}

export interface Progress {
  done: number;
  total: number;
}

/** Compares the folder's stamps with the index's: only what changed is read again. */
export function planRefresh(index: LibraryIndex, entries: Iterable<FolderEntry>): RefreshPlan {
  const known = index.read((db) => {
    const statement = db.prepare('SELECT id, stamp FROM articles');
    try {
      return new Map(statement.all().map((row) => [String(row.id), String(row.stamp)]));
    } finally {
      statement.finalize();
    }
  });
  const read: string[] = [];
  let unchanged = 0;
  for (const { id, stamp } of entries) {
    if (known.get(id) === stamp) unchanged++;
    else read.push(id);
    known.delete(id);
  }
  return { read, remove: [...known.keys()], unchanged };
}

export interface RefreshOptions {
  /** Reads one article from the workspace (a damaged one as damagedArticle, not a failure). */
  read(id: string): Promise<IndexedArticle>;
  onProgress?(progress: Progress): void;
  /** Articles read and written per transaction. */
  batch?: number;
  signal?: AbortSignal;
}

/**
 * Carries out a plan in batches: each batch is read, then written in one transaction, then
 * progress is reported and the event loop gets a turn, so the app stays responsive during a
 * rebuild of 100,000 articles. Stopping half-way loses nothing: the next plan picks up the rest.
 */
export async function applyRefresh(index: LibraryIndex, plan: RefreshPlan, options: RefreshOptions): Promise<void> {
  const batch = Math.max(1, options.batch ?? 200);
  const total = plan.read.length + plan.remove.length;
  if (plan.remove.length > 0) index.remove(plan.remove);
  let done = plan.remove.length;
  options.onProgress?.({ done, total });
  for (let at = 0; at < plan.read.length; at += batch) {
    options.signal?.throwIfAborted();
    const ids = plan.read.slice(at, at + batch);
    const read = await Promise.all(ids.map((id) => options.read(id)));
    options.signal?.throwIfAborted();
    index.upsert(read);
    done += ids.length;
    options.onProgress?.({ done, total });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The library of one workspace at this desk: its index (in the data folder's cache), brought up
 * to date with the folder in the background on start, and then kept so article by article — from
 * this desk's own writes and from the change feed's articles that other desks changed.
 */
import { join } from 'node:path';
import type { DataFolder } from '../data-folder';
import type { ChangeFeed } from '../live/change-feed';
import type { RosterView } from '../roster-log';
import type { Workspace } from '../workspace';
import { ArticleSource } from './article-source';
import { LibraryIndex } from './library-index';
import { damagedArticles, listLibrary, openAnnotations, searchLibrary, trashList, type ListRequest, type ListResult, type SearchRequest, type SearchResult } from './library-queries';
import { applyRefresh, planRefresh } from './refresh';

export interface LibraryStatus {
  /** The index is being brought up to date with the folder. */
  building: boolean;
  /** Articles read (or dropped) of those the current build found changed. */
  done: number;
  total: number;
  /** Why the index found on disk was thrown away and is being rebuilt; null when it was kept. */
  rebuilt: string | null;
  /** Articles in the index (the trash included). */
  indexed: number;
}

export const LIBRARY_CACHE = 'library';

export class Library {
  private readonly source: ArticleSource;
  private readonly index: LibraryIndex;
  private progress = { building: false, done: 0, total: 0 };
  private rebuilt: string | null;
  private build: Promise<void> | null = null;
  private buildAgain = false;
  /** Articles changed since they were last read, waiting for the drain. */
  private readonly pending = new Set<string>();
  /** Articles changed while a build was reading: read again after it, in case it read them before. */
  private readonly duringBuild = new Set<string>();
  private drain: Promise<void> | null = null;
  private readonly offs: Array<() => void> = [];
  private closed = false;
  private readonly stopped = new AbortController();

  constructor(
    workspace: Workspace,
    data: DataFolder,
    private readonly warn: (message: string) => void = () => {},
  ) {
    // Refuses, with its reason, a workspace that is not a format-2 one (yet).
    const { logs } = workspace.articles;
    const manifest = workspace.manifest!;
    this.source = new ArticleSource(workspace);
    this.index = LibraryIndex.open({
      folder: join(data.cacheDir(manifest.workspaceId), LIBRARY_CACHE),
      workspaceId: manifest.workspaceId,
      onDamaged: (reason) => {
        this.rebuilt = reason;
        void this.reconcile();
      },
    });
    this.rebuilt = this.index.reset;
    this.offs.push(logs.onAppended((id) => this.changed([id])));
  }

  /** Follows the change feed: articles other desks changed are read again; a roster change or a lost feed means everything is compared. */
  follow(feed: ChangeFeed): void {
    this.offs.push(
      feed.subscribe((change) => {
        if (change.everything || change.roster) void this.reconcile();
        else this.changed(change.articles);
      }),
    );
  }

  /** A build is running. */
  get building(): boolean {
    return this.progress.building;
  }

  status(): LibraryStatus {
    const indexed = this.index.read((db) => {
      const statement = db.prepare('SELECT count(*) AS n FROM articles');
      try {
        return Number(statement.get()?.n ?? 0);
      } finally {
        statement.finalize();
      }
    });
    return { ...this.progress, rebuilt: this.progress.building ? this.rebuilt : null, indexed };
  }

  list(request: ListRequest): ListResult {
    return listLibrary(this.index, request);
  }

  search(request: SearchRequest): SearchResult {
    return searchLibrary(this.index, request);
  }

  /** The open annotation threads of the library, newest first. */
  openAnnotations(): ReturnType<typeof openAnnotations> {
    return openAnnotations(this.index);
  }

  /**
   * Waits, the first time only (a new index), for the index to be brought up to date with the
   * folder: for what must list every article, not those read so far.
   */
  async complete(): Promise<void> {
    if (!this.index.isComplete() && !this.closed) await this.reconcile();
  }

  /** The trash, most recently trashed first. */
  trash(): ReturnType<typeof trashList> {
    return trashList(this.index);
  }

  /** Articles that cannot be read, listed apart with why. */
  damaged(): Array<{ id: string; problem: string }> {
    return damagedArticles(this.index);
  }

  /**
   * Compares every article's stamp with the index's and reads what changed, in batches with
   * progress. One build at a time; asked for during one, another follows it.
   */
  reconcile(): Promise<void> {
    if (this.build) {
      this.buildAgain = true;
      return this.build;
    }
    this.build = (async () => {
      do {
        this.buildAgain = false;
        await this.buildOnce().catch((error: unknown) => {
          if (!this.closed) this.warn(`the library index could not be brought up to date (${messageOf(error)})`);
        });
      } while (this.buildAgain && !this.closed);
      this.progress = { building: false, done: 0, total: 0 };
      this.rebuilt = null;
      this.build = null;
      const again = [...this.duringBuild];
      this.duringBuild.clear();
      this.changed(again);
    })();
    return this.build;
  }

  /** Reads these articles again (or drops them, when their folder is gone), soon and in order. */
  changed(ids: Iterable<string>): void {
    for (const id of ids) {
      this.pending.add(id);
      if (this.build) this.duringBuild.add(id);
    }
    if (this.pending.size > 0 && !this.drain) this.drain = this.drainPending().finally(() => (this.drain = null));
  }

  /** Waits until the articles changed so far are read again (not for a build): a list asked for after a save shows it. */
  async caughtUp(): Promise<void> {
    while (this.drain) await this.drain;
  }

  /** Waits until the index holds everything asked of it so far (tests, a clean close). */
  async settled(): Promise<void> {
    while (this.build || this.drain) await (this.build ?? this.drain);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopped.abort();
    for (const off of this.offs.splice(0)) off();
    this.index.close();
  }

  private async buildOnce(): Promise<void> {
    this.progress = { building: true, done: 0, total: 0 };
    const roster = await this.source.roster();
    const entries = await this.source.entries(roster);
    const stamps = new Map(entries.map((entry) => [entry.id, entry.stamp]));
    const plan = planRefresh(this.index, entries);
    this.progress.total = plan.read.length + plan.remove.length;
    await applyRefresh(this.index, plan, {
      read: (id) => this.source.read(id, roster, stamps.get(id)!),
      onProgress: ({ done, total }) => (this.progress = { building: true, done, total }),
      signal: this.stopped.signal,
    });
    this.index.markComplete();
  }

  private async drainPending(): Promise<void> {
    while (this.pending.size > 0 && !this.closed) {
      const ids = [...this.pending];
      this.pending.clear();
      try {
        await this.update(ids, await this.source.roster());
      } catch (error) {
        this.warn(`the library index could not follow a change (${messageOf(error)})`);
      }
    }
  }

  private async update(ids: string[], roster: RosterView): Promise<void> {
    const gone: string[] = [];
    const read = [];
    for (const id of ids) {
      const stamp = await this.source.stamp(id, roster);
      if (stamp === null) gone.push(id);
      else if (stamp !== this.index.stampOf(id)) read.push(await this.source.read(id, roster, stamp));
    }
    if (this.closed) return;
    if (gone.length > 0) this.index.remove(gone);
    if (read.length > 0) this.index.upsert(read);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Watches the folders of a workspace whose files other desks change: its root (workspace.json),
 * roster/, articles/ (articles arriving) and each articles/<id>/log/ — one watch per folder
 * (Node's recursive watch on Linux watches every file and folder, blobs included, and walks the
 * whole tree first). An event only says where to look: what changed is found by comparing the
 * folder with the snapshot (log-snapshot.ts). Folders that cannot be watched (a full inotify
 * table, a network share that raises no events) are left to the periodic and focus rescans.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isArticleId } from '../../../shared/article/ids';
import { ROSTER_DIR } from '../../../shared/identity/layout';
import { MANIFEST, type Scope } from './log-snapshot';

export interface WatcherEvents {
  /** Something may have changed in `scope`. */
  touched(scope: Scope): void;
  /** A folder could not be watched: its changes are only seen by rescans. */
  failed(folder: string, error: unknown): void;
}

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly events: WatcherEvents,
  ) {}

  /** Starts watching the workspace and the log folder of every article in it. */
  async start(): Promise<void> {
    this.watchFolder('', (name) => {
      if (name === MANIFEST) this.events.touched({ kind: 'workspace' });
      else if (name === ROSTER_DIR) void this.watchRoster();
      else if (name === 'articles') void this.watchArticles();
    });
    await this.watchRoster();
    await this.watchArticles();
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** How many folders are watched now. */
  get size(): number {
    return this.watchers.size;
  }

  private async watchRoster(): Promise<void> {
    if (await isFolder(join(this.root, ROSTER_DIR))) this.watchFolder(ROSTER_DIR, () => this.events.touched({ kind: 'roster' }));
    this.events.touched({ kind: 'roster' });
  }

  private async watchArticles(): Promise<void> {
    if (!(await isFolder(join(this.root, 'articles')))) return;
    this.watchFolder('articles', (name) => {
      if (!isArticleId(name)) return;
      this.events.touched({ kind: 'article', id: name });
      void this.watchArticle(name);
    });
    // Every article already there, including any that came while the watch was being set up.
    const ids = await readdir(join(this.root, 'articles')).catch(() => [] as string[]);
    for (const id of ids.filter(isArticleId)) await this.watchArticle(id);
  }

  /** The article's log folder; while it has none yet, the article's folder, to see it appear. */
  private async watchArticle(id: string): Promise<void> {
    const log = `articles/${id}/log`;
    if (this.watchers.has(log)) return;
    if (await isFolder(join(this.root, 'articles', id, 'log'))) {
      this.unwatch(`articles/${id}`);
      this.watchFolder(log, () => this.events.touched({ kind: 'article', id }));
      this.events.touched({ kind: 'article', id });
    } else if (await isFolder(join(this.root, 'articles', id))) {
      this.watchFolder(`articles/${id}`, (name) => {
        if (name === 'log') void this.watchArticle(id);
      });
      // The log folder may have come while the watch was being set up.
      if (await isFolder(join(this.root, 'articles', id, 'log'))) await this.watchArticle(id);
    }
  }

  private watchFolder(folder: string, onEntry: (name: string) => void): void {
    if (this.closed || this.watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(join(this.root, ...folder.split('/').filter(Boolean)), { persistent: false }, (_type, name) => onEntry(name ? String(name) : ''));
    } catch (error) {
      this.events.failed(folder || '.', error);
      return;
    }
    watcher.on('error', (error) => {
      // The folder went away (or the watch broke): look at it again, and watch it anew if it comes back.
      this.unwatch(folder);
      if (folder.startsWith('articles/')) {
        const id = folder.split('/')[1]!;
        this.events.touched({ kind: 'article', id });
        void this.watchArticle(id);
      } else this.events.failed(folder || '.', error);
    });
    this.watchers.set(folder, watcher);
  }

  private unwatch(folder: string): void {
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

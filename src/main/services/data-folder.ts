/**
 * The app's data folder on this machine (Electron's userData, the preview's APP_DATA): the
 * desk id, what this desk has seen of each workspace's signed logs and the genesis it trusts,
 * and caches. Never inside a workspace, where a sync service or someone with the folder could
 * roll it back. Deleting the caches loses nothing; deleting the marks loses the desk's memory.
 */
import { join } from 'node:path';
import type { SeenLogs } from '../../shared/identity/watermarks';
import { deskId } from './identity/desk-id';
import { WatermarkStore, type SeenState } from './identity/watermark-store';
import { KeyedQueue } from './keyed-queue';

export const CACHE_DIR = 'cache';

export class DataFolder {
  private desk: Promise<string> | null = null;
  private readonly marks = new Map<string, SeenMarks>();

  constructor(readonly root: string) {}

  /** This machine's desk id, made on first use. */
  deskId(): Promise<string> {
    this.desk ??= deskId(this.root).catch((error: unknown) => {
      this.desk = null;
      throw error;
    });
    return this.desk;
  }

  /** What this desk has seen of one workspace. */
  seen(workspaceId: string): SeenMarks {
    let marks = this.marks.get(workspaceId);
    if (!marks) {
      marks = new SeenMarks(new WatermarkStore(this.root, workspaceId));
      this.marks.set(workspaceId, marks);
    }
    return marks;
  }

  /** A folder for a workspace's caches. */
  cacheDir(workspaceId: string): string {
    return join(this.root, CACHE_DIR, workspaceId);
  }
}

/**
 * The marks of one workspace, kept in memory and saved when they move: marks only move forward,
 * and the genesis, once pinned, is never replaced (WatermarkStore merges with what is stored).
 */
export class SeenMarks {
  private state: SeenState | null = null;
  private folders: Map<string, SeenLogs> | null = null;
  private readonly queue = new KeyedQueue();
  /** Marks recorded and not yet saved. */
  private waiting: { logs: SeenLogs; genesis: string | null } | null = null;

  constructor(private readonly store: WatermarkStore) {}

  async get(): Promise<SeenState> {
    this.state ??= await this.store.load();
    return this.state;
  }

  /** The marks of the files in the folder `prefix` (ending in `/`; the logs of one article, the roster). */
  async under(prefix: string): Promise<SeenLogs> {
    const folders = await this.byFolder();
    return { ...folders.get(prefix) };
  }

  /** The marks by folder, made once: every article read asks for its own, and there may be 100,000. */
  private async byFolder(): Promise<Map<string, SeenLogs>> {
    if (this.folders) return this.folders;
    const folders = new Map<string, SeenLogs>();
    for (const [path, mark] of Object.entries((await this.get()).logs)) addTo(folders, path, mark);
    this.folders = folders;
    return folders;
  }

  /**
   * Saves marks that moved forward and a genesis to pin, if any (the store writes nothing
   * otherwise). Marks recorded while a save is waiting its turn are saved together with it (a
   * library of 100,000 articles read at once saves a few hundred times, not 100,000).
   */
  record(next: { logs: SeenLogs; genesis?: string | null }): Promise<void> {
    const waiting = (this.waiting ??= { logs: {}, genesis: null });
    for (const [path, mark] of Object.entries(next.logs)) if ((waiting.logs[path]?.count ?? 0) < mark.count) waiting.logs[path] = mark;
    waiting.genesis ??= next.genesis ?? null;
    return this.queue.run('save', async () => {
      const batch = this.waiting;
      // An earlier turn saved these marks with its own.
      if (!batch) return;
      this.waiting = null;
      this.state = await this.store.save(batch);
      if (this.folders) for (const path of Object.keys(batch.logs)) addTo(this.folders, path, this.state.logs[path]!);
    });
  }
}

function addTo(folders: Map<string, SeenLogs>, path: string, mark: SeenLogs[string]): void {
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const logs = folders.get(folder) ?? {};
  logs[path] = mark;
  folders.set(folder, logs);
}

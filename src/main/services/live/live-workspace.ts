/**
 * A live workspace: what other desks change in the folder (through a sync service or a shared
 * drive) is found and published on the change feed. Folder events are gathered for a moment
 * (a sync service delivers an article as several files), then the touched folders are compared
 * with the snapshot. Everything is compared again when the page asks (its window gained focus)
 * and every `rescanMs`, for folders whose events never come (network shares).
 */
import { NO_CHANGE, type ChangeParts } from '../../../shared/live/workspace-change';
import { ChangeFeed } from './change-feed';
import { FolderWatcher } from './folder-watcher';
import { LogSnapshot, type Scope } from './log-snapshot';

export interface LiveOptions {
  /** Quiet time after the last folder event before the folders are compared. */
  settleMs?: number;
  /** Longest wait after the first event, however many follow. */
  maxWaitMs?: number;
  /** Everything is compared this often (0: only when asked). */
  rescanMs?: number;
  /** Told when a folder cannot be watched. */
  warn?: (message: string) => void;
}

const SETTLE_MS = 150;
const MAX_WAIT_MS = 600;
const RESCAN_MS = 60_000;

function scopeKey(scope: Scope): string {
  return scope.kind === 'article' ? `article:${scope.id}` : scope.kind;
}

export class LiveWorkspace {
  readonly feed = new ChangeFeed();
  private readonly snapshot: LogSnapshot;
  private readonly watcher: FolderWatcher;
  private readonly touched = new Map<string, Scope>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private firstTouch: number | null = null;
  private rescanTimer: ReturnType<typeof setInterval> | undefined;
  /** Comparisons run one at a time, in order. */
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    root: string,
    ownDesk: string,
    private readonly options: LiveOptions,
  ) {
    this.snapshot = new LogSnapshot(root, ownDesk);
    this.watcher = new FolderWatcher(root, {
      touched: (scope) => this.touch(scope),
      failed: (folder, error) => options.warn?.(`${folder} cannot be watched (${error instanceof Error ? error.message : String(error)}); changes there are seen when the window gains focus and every ${Math.round((options.rescanMs ?? RESCAN_MS) / 1000)} s`),
    });
  }

  /** Takes the workspace as it is now as seen, then watches it. */
  static async start(root: string, ownDesk: string, options: LiveOptions = {}): Promise<LiveWorkspace> {
    const live = new LiveWorkspace(root, ownDesk, options);
    await live.snapshot.scanAll();
    await live.watcher.start();
    const every = options.rescanMs ?? RESCAN_MS;
    if (every > 0) {
      live.rescanTimer = setInterval(() => void live.rescan(), every);
      live.rescanTimer.unref();
    }
    return live;
  }

  /** Compares everything now; what other desks changed is published (and returned). */
  rescan(): Promise<ChangeParts> {
    return this.run(() => this.snapshot.scanAll());
  }

  /** Waits for the comparisons already asked for (tests, and a clean close). */
  async settled(): Promise<void> {
    while (this.touched.size > 0 || this.settleTimer) await this.flush();
    await this.chain;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.settleTimer);
    clearInterval(this.rescanTimer);
    this.watcher.close();
  }

  private touch(scope: Scope): void {
    if (this.closed) return;
    this.touched.set(scopeKey(scope), scope);
    const now = Date.now();
    this.firstTouch ??= now;
    const wait = Math.min(this.options.settleMs ?? SETTLE_MS, Math.max(0, this.firstTouch + (this.options.maxWaitMs ?? MAX_WAIT_MS) - now));
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => void this.flush(), wait);
  }

  private flush(): Promise<ChangeParts> {
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.firstTouch = null;
    const scopes = [...this.touched.values()];
    this.touched.clear();
    return this.run(() => this.snapshot.scan(scopes));
  }

  private run(compare: () => Promise<ChangeParts>): Promise<ChangeParts> {
    const next = this.chain.then(async () => {
      if (this.closed) return NO_CHANGE;
      let change: ChangeParts;
      try {
        change = await compare();
      } catch (error) {
        // Whatever could not be compared may have changed: the page reads everything again.
        this.options.warn?.(`the workspace could not be compared with what this desk had seen (${error instanceof Error ? error.message : String(error)})`);
        change = { ...NO_CHANGE, everything: true };
      }
      this.feed.publish(change);
      return change;
    });
    this.chain = next;
    return next;
  }
}

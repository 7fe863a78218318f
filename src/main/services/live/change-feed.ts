/**
 * The change feed: every change other desks made, numbered, for whoever listens (Electron's
 * windows) or asks for what came after a number (the preview's long poll). A page that asks
 * after a number the feed no longer holds, or one from before the feed started, is told to
 * read everything again.
 */
import { isEmptyChange, mergeChanges, type ChangeParts, type WorkspaceChange } from '../../../shared/live/workspace-change';

const KEPT = 200;

export class ChangeFeed {
  private seq = 0;
  private readonly recent: WorkspaceChange[] = [];
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  /** A different number each time the feed starts, so a page polling a restarted server reads everything. */
  private readonly start = Date.now() * 1000;

  get current(): number {
    return this.start + this.seq;
  }

  publish(parts: ChangeParts): WorkspaceChange | null {
    if (isEmptyChange(parts)) return null;
    this.seq++;
    const change: WorkspaceChange = { ...parts, articles: [...parts.articles].sort(), seq: this.current };
    this.recent.push(change);
    if (this.recent.length > KEPT) this.recent.shift();
    for (const listener of this.listeners) listener(change);
    return change;
  }

  subscribe(listener: (change: WorkspaceChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Everything after `after`, as one change; null when nothing came after it. */
  since(after: number): WorkspaceChange | null {
    if (after === this.current) return null;
    const oldest = this.recent[0];
    if (after > this.current || after < this.start || !oldest || after < oldest.seq - 1) {
      return { seq: this.current, roster: true, workspace: true, articles: [], everything: true };
    }
    return this.recent.filter((change) => change.seq > after).reduce<WorkspaceChange | null>((merged, change) => (merged ? mergeChanges(merged, change) : change), null);
  }

  /**
   * What came after `after`, as soon as there is something, or null after `timeoutMs` (or
   * when `signal` aborts: the page went away).
   */
  next(after: number, timeoutMs: number, signal?: AbortSignal): Promise<WorkspaceChange | null> {
    const ready = this.since(after);
    if (ready || signal?.aborted) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const done = (value: WorkspaceChange | null) => {
        clearTimeout(timer);
        off();
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const onAbort = () => done(null);
      const off = this.subscribe(() => done(this.since(after)));
      const timer = setTimeout(() => done(null), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

import type { Result } from '../../shared/contract/errors';
import { isWorkspaceChange, type WorkspaceChange } from '../../shared/live/workspace-change';

const RETRY_MS = 2_000;

interface Poll {
  seq: number;
  change: WorkspaceChange | null;
}

/**
 * The preview's change feed: one long poll of `POST /feed` at a time, each asking for what came
 * after the number the last one gave. A server that stopped is asked again every few seconds;
 * one that started again answers with "read everything". A workspace nothing watches ends it.
 */
export function pollFeed(token: string, session: Promise<string>, deliver: (change: WorkspaceChange) => void): () => void {
  const stop = new AbortController();
  void (async () => {
    let after: number | null = null;
    while (!stop.signal.aborted) {
      try {
        const response = await fetch('/feed', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': token, 'X-Window-Session': await session },
          body: JSON.stringify({ after }),
          signal: stop.signal,
        });
        const result = (await response.json()) as Result<Poll>;
        if (!result.ok) {
          if (result.error.code === 'unavailable') return;
          throw new Error(result.error.message);
        }
        if (result.value.change && isWorkspaceChange(result.value.change)) deliver(result.value.change);
        after = result.value.seq;
      } catch {
        if (stop.signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  })();
  return () => stop.abort();
}

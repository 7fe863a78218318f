/** The preview's long poll of the change feed (src/main/services/live/change-feed.ts). */
import type { ServerResponse } from 'node:http';
import type { ChangeFeed } from '../services/live/change-feed';

export const POLL_MS = 25_000;

/**
 * The page's long poll of the change feed: `{ after: null }` gives the feed's current number at
 * once; `{ after: n }` waits for what comes after n (or answers with none after `pollMs`).
 */
export async function longPoll(feed: ChangeFeed | null, input: unknown, pollMs: number, signal: AbortSignal): Promise<unknown> {
  const after = (input as { after?: unknown } | null)?.after;
  if (after !== null && (typeof after !== 'number' || !Number.isSafeInteger(after))) {
    return { ok: false, error: { code: 'invalid-input', message: 'after: a number from the feed, or null' } };
  }
  if (!feed) return { ok: false, error: { code: 'unavailable', message: 'this workspace is not watched here' } };
  if (after === null) return { ok: true, value: { seq: feed.current, change: null } };
  const change = await feed.next(after, pollMs, signal);
  return { ok: true, value: { seq: change?.seq ?? feed.current, change } };
}

/** Aborted when the page gives up the request, or when the server closes. */
export function requestGone(res: ServerResponse, closing: AbortSignal): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  return AbortSignal.any([gone.signal, closing]);
}

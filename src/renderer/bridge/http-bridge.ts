import { API_NAMES_LIST } from '../../shared/contract/api-names';
import type { Bridge, MenuCommand } from '../../shared/contract/bridge';
import type { Result } from '../../shared/contract/errors';
import type { WorkspaceChange } from '../../shared/live/workspace-change';
import { pollFeed } from './feed-poll';

/** Where a tab keeps its window session id, so a reload continues as the same person. */
const SESSION_KEY = 'newsroom.window-session';

const unavailable = (error: unknown): Result<never> => ({
  ok: false,
  error: { code: 'unavailable', message: `the preview server did not answer (${String(error)})` },
});

/**
 * Asks the server for this tab's window session when the page loads. A reloaded tab names the
 * session it had, and the server continues with its person in a new one (so a duplicated tab,
 * which copies sessionStorage, still ends up with a session of its own).
 */
async function startSession(token: string): Promise<string> {
  const response = await fetch('/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': token },
    body: JSON.stringify({ from: sessionStorage.getItem(SESSION_KEY) }),
  });
  const result = (await response.json()) as Result<{ session: string }>;
  if (!result.ok) throw new Error(result.error.message);
  sessionStorage.setItem(SESSION_KEY, result.value.session);
  return result.value.session;
}

/** The browser preview's bridge: the same calls, over HTTP to the preview server. */
export function createHttpBridge(token: string): Bridge {
  const session = startSession(token);
  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    const body = JSON.stringify(input ?? {});
    try {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': token, 'X-Window-Session': await session },
        body,
        // Lets a save sent as the page is closing finish (browsers allow it for small bodies).
        keepalive: body.length < 60_000,
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return unavailable(error);
    }
  };
  const api = Object.fromEntries(API_NAMES_LIST.map((name) => [name, (input: unknown) => call(name, input)]));
  const listeners = new Set<(command: MenuCommand) => void>();
  const watchers = new Set<(change: WorkspaceChange) => void>();
  let stopPolling: (() => void) | null = null;
  return {
    api: api as unknown as Bridge['api'],
    host: 'preview',
    assetUrl: (asset) => `/workspace-asset/${encodeURIComponent(asset)}`,
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onWorkspaceChange(listener) {
      watchers.add(listener);
      stopPolling ??= pollFeed(token, session, (change) => {
        for (const watcher of watchers) watcher(change);
      });
      return () => {
        watchers.delete(listener);
        if (watchers.size === 0) {
          stopPolling?.();
          stopPolling = null;
        }
      };
    },
  };
}

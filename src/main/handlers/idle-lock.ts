/**
 * The idle lock: a window that has made no call for the workspace's `lockAfterMinutes` is
 * locked (its key zero-filled) before its next call is handled, and every call but asking how
 * the desk stands counts as activity. WindowSessions.lockIdle does the same on a timer, so a
 * key does not stay in memory while nobody calls.
 */
import type { ApiName } from '../../shared/contract/api';
import { LOCK_AFTER_MINUTES } from '../../shared/identity/workspace-settings';
import type { Caller, HandlerContext } from './context';

/**
 * Calls a page makes to find out how things stand, which keep nobody signed in. A lease's
 * heartbeat is one: an article left open must not keep its window unlocked.
 */
const PASSIVE: ReadonlySet<ApiName> = new Set(['getSession', 'rescanWorkspace', 'listLeases', 'holdLease', 'libraryStatus']);

/** The workspace's idle time in milliseconds (the default while its roster cannot be read). */
export async function lockAfterMs(ctx: HandlerContext): Promise<number> {
  const workspace = ctx.workspace();
  const minutes = (await workspace.status()) === 'ready' ? (await workspace.roster()).settings.lockAfterMinutes : LOCK_AFTER_MINUTES.default;
  return minutes * 60_000;
}

export function idleLock<T extends Record<string, (input: never, caller: Caller) => Promise<unknown>>>(ctx: HandlerContext, table: T): T {
  const wrapped: Record<string, (input: never, caller: Caller) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(table)) {
    wrapped[name] = async (input, caller) => {
      const now = ctx.clock.now().getTime();
      if (caller.session.key && now - caller.session.lastCall >= (await lockAfterMs(ctx))) caller.session.lock();
      if (!PASSIVE.has(name as ApiName)) caller.session.lastCall = now;
      return handler(input, caller);
    };
  }
  return wrapped as T;
}

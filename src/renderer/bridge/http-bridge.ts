import { API_NAMES_LIST } from '../../shared/contract/api-names';
import type { Bridge, MenuCommand } from '../../shared/contract/bridge';
import type { Result } from '../../shared/contract/errors';

/** The browser preview's bridge: the same calls, over HTTP to the preview server. */
export function createHttpBridge(token: string): Bridge {
  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    const body = JSON.stringify(input ?? {});
    try {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': token },
        body,
        // Lets a save sent as the page is closing finish (browsers allow it for small bodies).
        keepalive: body.length < 60_000,
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: `the preview server did not answer (${String(error)})` } };
    }
  };
  const api = Object.fromEntries(API_NAMES_LIST.map((name) => [name, (input: unknown) => call(name, input)]));
  const listeners = new Set<(command: MenuCommand) => void>();
  return {
    api: api as unknown as Bridge['api'],
    host: 'preview',
    assetUrl: (asset) => `/workspace-asset/${encodeURIComponent(asset)}`,
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

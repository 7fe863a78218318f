import { createHandlers, dispatch, type HandlerTable } from '../../src/main/handlers';
import { MemorySettingsStore } from '../../src/main/services/settings-store';
import type { Workspace } from '../../src/main/services/workspace';
import type { Api, Bridge } from '../../src/shared/contract/bridge';

let handlers: HandlerTable | null = null;

/**
 * Gives a page under test (jsdom) the bridge it finds in the app: every call goes through the
 * real handler table over `workspace`, with `personId` at the desk, validated as IPC validates.
 * The page keeps the first bridge it finds, so later calls switch the one it has to the new desk.
 */
export function installBridge(workspace: Workspace, personId: string): void {
  handlers = createHandlers({ workspace: () => workspace, settings: new MemorySettingsStore({ language: null, currentUserId: personId }), clock: { now: () => new Date() } });
  if (window.bridge) return;
  const api = new Proxy({} as Api, {
    get: (_target, name: string) => (input: unknown) => {
      if (!handlers) throw new Error('no desk: call installBridge first');
      return dispatch(handlers, name, input);
    },
  });
  const bridge: Bridge = { api, onMenuCommand: () => () => undefined, assetUrl: (asset) => `asset://${asset}`, host: 'preview' };
  window.bridge = bridge;
}

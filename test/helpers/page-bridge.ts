import { createHandlers, dispatch, type Caller, type HandlerTable } from '../../src/main/handlers';
import { MemorySettingsStore } from '../../src/main/services/settings-store';
import { WindowSessions } from '../../src/main/services/window-sessions';
import type { Workspace } from '../../src/main/services/workspace';
import type { Api, Bridge } from '../../src/shared/contract/bridge';

let handlers: HandlerTable | null = null;
let caller: Caller | null = null;

/**
 * Gives a page under test (jsdom) the bridge it finds in the app: every call goes through the
 * real handler table over `workspace`, with `personId` at the desk, validated as IPC validates.
 * The page keeps the first bridge it finds, so later calls switch the one it has to the new desk.
 */
export function installBridge(workspace: Workspace, personId: string): void {
  const settings = new MemorySettingsStore({ language: null, currentUserId: personId });
  handlers = createHandlers({ workspace: () => workspace, settings, clock: { now: () => new Date() } });
  caller = { session: new WindowSessions(() => settings.get().currentUserId).open() };
  if (window.bridge) return;
  const api = new Proxy({} as Api, {
    get: (_target, name: string) => (input: unknown) => {
      if (!handlers || !caller) throw new Error('no desk: call installBridge first');
      return dispatch(handlers, name, input, caller);
    },
  });
  const bridge: Bridge = { api, onMenuCommand: () => () => undefined, assetUrl: (asset) => `asset://${asset}`, host: 'preview' };
  window.bridge = bridge;
}

import { dispatch, type Caller, type HandlerTable } from '../../src/main/handlers';
import type { Api, Bridge } from '../../src/shared/contract/bridge';

let current: { handlers: HandlerTable; caller: Caller } | null = null;

/**
 * Gives a page under test (jsdom) the bridge it finds in the app: every call goes through the
 * real handler table from the window `caller` (whose person is signed in), validated as IPC
 * validates. The page keeps the first bridge it finds, so later calls switch the one it has.
 */
export function installBridge(handlers: HandlerTable, caller: Caller): void {
  current = { handlers, caller };
  if (window.bridge) return;
  const api = new Proxy({} as Api, {
    get: (_target, name: string) => (input: unknown) => {
      if (!current) throw new Error('no desk: call installBridge first');
      return dispatch(current.handlers, name, input, current.caller);
    },
  });
  const bridge: Bridge = { api, onMenuCommand: () => () => undefined, onWorkspaceChange: () => () => undefined, assetUrl: (asset) => `asset://${asset}`, host: 'preview' };
  window.bridge = bridge;
}

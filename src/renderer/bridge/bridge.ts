import type { Bridge } from '../../shared/contract/bridge';
import { noteCall } from './activity';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

let resolved: Bridge | null = null;

/** The preload's bridge in Electron, or the preview's HTTP bridge; found on first use. */
export function getBridge(): Bridge {
  if (resolved) return resolved;
  if (window.bridge) return (resolved = window.bridge);
  const token = document.querySelector<HTMLMetaElement>('meta[name="bridge-token"]')?.content;
  if (!token) throw new Error('No bridge: open the app through Electron or the URL that `npm run preview:web` prints.');
  return (resolved = createHttpBridge(token));
}

/** The calls, resolved lazily so modules can be imported where no page bridge exists; each call is noted for the idle lock. */
export const api = new Proxy({} as Bridge['api'], {
  get: (_target, name: string) => {
    const call = getBridge().api[name as keyof Bridge['api']] as (input: unknown) => Promise<unknown>;
    return (input: unknown) => {
      noteCall(name);
      return call(input);
    };
  },
});

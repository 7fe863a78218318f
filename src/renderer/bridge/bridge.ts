import type { Bridge } from '../../shared/contract/bridge';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

function resolveBridge(): Bridge {
  if (window.bridge) return window.bridge;
  const token = document.querySelector<HTMLMetaElement>('meta[name="bridge-token"]')?.content;
  if (!token) throw new Error('No bridge: open the app through Electron or the URL that `npm run preview:web` prints.');
  return createHttpBridge(token);
}

export const bridge: Bridge = resolveBridge();
export const api = bridge.api;

import { net, protocol } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, ASSET_SCHEME, CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { resolveInside } from '../preview/static-files';
import type { AssetStore } from '../services/assets';

export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the bundled renderer (app://renderer/…) and workspace images (workspace-asset://image/<sha256>). */
export function handleProtocols(rendererDir: string, assets: () => AssetStore): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (url.host !== 'renderer' || !path) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
  protocol.handle(ASSET_SCHEME, async (request) => {
    const url = new URL(request.url);
    try {
      const { bytes, mime } = await assets().read(url.pathname.replace(/^\//, ''));
      return new Response(new Uint8Array(bytes), {
        headers: { 'Content-Type': mime, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

export function rendererDir(appPath: string): string {
  return join(appPath, 'out', 'renderer');
}

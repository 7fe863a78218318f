import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY_PREVIEW } from '../../shared/security/csp';
import { dispatch, type HandlerTable } from '../handlers';
import type { AssetStore } from '../services/assets';
import type { ChangeFeed } from '../services/live/change-feed';
import { longPoll, POLL_MS, requestGone } from './feed-poll';
import type { WindowSessions } from '../services/window-sessions';
import { cookieToken, hostAndOriginAllowed, SESSION_HEADER, TOKEN_COOKIE, TOKEN_HEADER, tokensMatch } from './http-security';
import { readStatic } from './static-files';

const MAX_BODY_BYTES = 48 * 1024 * 1024;

export interface PreviewServerOptions {
  rendererDir: string;
  handlers: HandlerTable;
  /** Each tab's window session, and so the person working in it. */
  sessions: WindowSessions;
  assets: () => AssetStore;
  /** What other desks change in the workspace, for the page's long poll (`POST /feed`). */
  feed?: () => ChangeFeed | null;
  /** How long a long poll waits for a change before answering with none. */
  pollMs?: number;
  port?: number;
  token?: string;
}

export interface PreviewServer {
  server: Server;
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * Serves the built renderer and the real handler table on loopback, for machines where the
 * Electron binary cannot be installed. Every request must carry the per-run token.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  // Ends every long poll when the server closes.
  const closing = new AbortController();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `internal error: ${String(error)}`);
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAndOriginAllowed(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host or origin');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');

    if (url.pathname.startsWith('/api/') || url.pathname === '/session' || url.pathname === '/feed') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'use POST');
      if (!tokensMatch(token, req.headers[TOKEN_HEADER] as string | undefined)) {
        return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: 'missing or wrong preview token' } });
      }
      const body = await readBody(req);
      if (body === null) {
        return sendJson(res, 413, { ok: false, error: { code: 'too-large', message: 'request is too large' } });
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'request body is not JSON' } });
      }
      // A tab starts a window session when its page loads (continuing the one it had before a reload).
      if (url.pathname === '/session') {
        const from = typeof (input as { from?: unknown } | null)?.from === 'string' ? (input as { from: string }).from : null;
        return sendJson(res, 200, { ok: true, value: { session: options.sessions.open(from).id } });
      }
      const session = options.sessions.find(req.headers[SESSION_HEADER] as string | undefined);
      if (!session) return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: 'this tab has no window session: reload the page' } });
      if (url.pathname === '/feed') {
        // A stopping server ends every poll at once, and takes no more: the page stops asking.
        const feed = closing.signal.aborted ? null : (options.feed?.() ?? null);
        return sendJson(res, 200, await longPoll(feed, input, options.pollMs ?? POLL_MS, requestGone(res, closing.signal)));
      }
      return sendJson(res, 200, await dispatch(options.handlers, url.pathname.slice('/api/'.length), input, { session }));
    }

    const authorised = tokensMatch(token, queryToken) || tokensMatch(token, cookieToken(req));
    if (!authorised) return send(res, 401, 'text/plain; charset=utf-8', 'This preview needs the token printed when it started.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'use GET');
    if (queryToken) {
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }

    if (url.pathname.startsWith('/workspace-asset/')) {
      try {
        const { bytes, mime } = await options.assets().read(url.pathname.slice('/workspace-asset/'.length));
        return send(res, 200, mime, bytes, { 'Cache-Control': 'private, max-age=31536000, immutable' });
      } catch {
        return send(res, 404, 'text/plain; charset=utf-8', 'no such image');
      }
    }

    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = await readStatic(options.rendererDir, path);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    if (file.type.startsWith('text/html')) {
      const html = file.body
        .toString('utf8')
        .replace('</head>', `<meta name="bridge-token" content="${token}"></head>`);
      return send(res, 200, file.type, html, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY_PREVIEW });
    }
    return send(res, 200, file.type, file.body);
  }

  await new Promise<void>((resolvePromise) => server.listen(options.port ?? 0, '127.0.0.1', resolvePromise));
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    token,
    url: `${origin}/?token=${token}`,
    close: () => {
      closing.abort();
      const closed = new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
      server.closeIdleConnections();
      return closed;
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

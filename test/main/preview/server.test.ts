import { request as httpRequest } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../src/main/preview/server';
import { CONTENT_SECURITY_POLICY_PREVIEW } from '../../../src/shared/security/csp';
import { FIRST_PERSON, passphraseOf, tempApp, unlocked, type TempApp } from '../../helpers/handlers';
import { readSamplePng } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('preview-');
const servers: PreviewServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const INDEX = '<!doctype html><html><head><title>t</title></head><body><div id="root"></div></body></html>';
const SECRET = 'secret outside the renderer folder';

interface Setup {
  server: PreviewServer;
  app: TempApp;
  port: number;
}

async function setup(): Promise<Setup> {
  const root = await tempDir();
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(root, 'secret.txt'), SECRET);
  const app = await tempApp(join(root, 'workspace'));
  const server = await startPreviewServer({ rendererDir, handlers: app.handlers, sessions: app.sessions, assets: () => app.workspace.assets, port: 0 });
  servers.push(server);
  return { server, app, port: Number(new URL(server.origin).port) };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/** A raw HTTP request: the path is sent as written and any Host header can be set. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (s: Setup, path: string, input: unknown, headers: Record<string, string>) =>
  send(s.port, path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

/** A tab's window session, as the page starts it when it loads. */
async function windowSession(s: Setup, from?: string): Promise<string> {
  const answer = await post(s, '/session', from ? { from } : {}, { 'x-bridge-token': s.server.token });
  expect(answer.status).toBe(200);
  return (JSON.parse(answer.text) as { value: { session: string } }).value.session;
}

const api = async (s: Setup, name: string, input: unknown, headers?: Record<string, string>) =>
  post(s, `/api/${name}`, input, headers ?? { 'x-bridge-token': s.server.token, 'x-window-session': await windowSession(s) });

describe('preview server: the token', () => {
  it('refuses every kind of request that has no token', async () => {
    const s = await setup();
    const { asset } = await s.app.workspace.assets.put(await readSamplePng());
    for (const path of ['/', '/index.html', '/assets/app.js', `/workspace-asset/${asset}`]) {
      const answer = await send(s.port, path);
      expect(answer.status, path).toBe(401);
      expect(answer.text).not.toContain('<div id="root">');
    }
    const call = await api(s, 'getWorkspace', {}, {});
    expect(call.status).toBe(401);
    expect(JSON.parse(call.text)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a wrong token in the query, the cookie and the header', async () => {
    const s = await setup();
    const wrong = s.server.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await send(s.port, `/?token=${wrong}`)).status).toBe(401);
    expect((await send(s.port, '/', { headers: { cookie: `nr_preview_token=${wrong}` } })).status).toBe(401);
    expect((await api(s, 'getWorkspace', {}, { 'x-bridge-token': wrong })).status).toBe(401);
    expect((await api(s, 'getWorkspace', {}, { 'x-bridge-token': `${s.server.token}x` })).status).toBe(401);
  });

  it('serves the page with the token, sets a strict cookie and a CSP', async () => {
    const s = await setup();
    const page = await send(s.port, `/?token=${s.server.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_PREVIEW);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.text).toContain(`<meta name="bridge-token" content="${s.server.token}"></head>`);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(`nr_preview_token=${s.server.token}`);
    expect(cookie).toMatch(/;\s*HttpOnly/);
    expect(cookie).toMatch(/;\s*SameSite=Strict/);

    const withCookie = await send(s.port, '/assets/app.js', { headers: { cookie: `other=1; nr_preview_token=${s.server.token}` } });
    expect(withCookie.status).toBe(200);
    expect(withCookie.text).toBe('console.log("app")');
    expect(withCookie.headers['set-cookie']).toBeUndefined();
    expect(s.server.url).toBe(`${s.server.origin}/?token=${s.server.token}`);
  });

  it('answers API calls that carry the token header, and not those with only the cookie', async () => {
    const s = await setup();
    const call = await api(s, 'getWorkspace', {});
    expect(call.status).toBe(200);
    expect(JSON.parse(call.text)).toEqual({ ok: true, value: await s.app.workspace.info() });
    const cookieOnly = await api(s, 'getWorkspace', {}, { cookie: `nr_preview_token=${s.server.token}` });
    expect(cookieOnly.status).toBe(401);
  });

  it('passes validation failures and unknown calls back as error values', async () => {
    const s = await setup();
    expect(JSON.parse((await api(s, 'getArticle', { id: '../x' })).text)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.parse((await api(s, 'noSuchCall', {})).text)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const notJson = await send(s.port, '/api/getWorkspace', { method: 'POST', headers: { 'x-bridge-token': s.server.token }, body: '{not json' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('serves workspace images to token holders only', async () => {
    const s = await setup();
    const png = await readSamplePng();
    const { asset } = await s.app.workspace.assets.put(png);
    const image = await send(s.port, `/workspace-asset/${asset}?token=${s.server.token}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.body.equals(png)).toBe(true);
    for (const path of [`/workspace-asset/${'0'.repeat(64)}`, '/workspace-asset/..%2f..%2fworkspace.json', '/workspace-asset/..%2fworkspace.json']) {
      expect((await send(s.port, `${path}?token=${s.server.token}`)).status, path).toBe(404);
    }
  });
});

describe('preview server: window sessions', () => {
  it('gives each tab its own session, locked until someone signs in there, and refuses calls without one', async () => {
    const s = await setup();
    const [a, b] = [await windowSession(s), await windowSession(s)];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const as = (session: string) => ({ 'x-bridge-token': s.server.token, 'x-window-session': session });
    const name = async (session: string) => (JSON.parse((await api(s, 'getSession', {}, as(session))).text) as { value: { currentUser: { name: string } | null } }).value.currentUser?.name ?? null;
    expect(await name(a)).toBeNull();
    // Tab a: the first person signs in with her passphrase; she adds Zhou, who signs in for the first time in tab b.
    expect((await api(s, 'signIn', { personId: s.app.firstPersonId, passphrase: passphraseOf(FIRST_PERSON) }, as(a))).status).toBe(200);
    const added = JSON.parse((await api(s, 'addPerson', { name: '周明远', roles: ['reporter'] }, as(a))).text) as { value: { enrolment: { personId: string; code: string } } };
    const { personId, code } = added.value.enrolment;
    expect(JSON.parse((await api(s, 'firstSignIn', { personId, code, passphrase: passphraseOf('周明远') }, as(b))).text)).toMatchObject({ ok: true });

    expect(await name(a)).toBe('林晓岚');
    expect(await name(b)).toBe('周明远');
    const created = JSON.parse((await api(s, 'createArticle', { language: 'zh-CN' }, as(a))).text) as { value: { createdBy: string } };
    expect(created.value.createdBy).toBe('林晓岚');
    // A new tab is locked, whoever signed in last.
    expect(await name(await windowSession(s))).toBeNull();

    // A reloaded tab continues as its person, in a new session; the old one ends.
    const reloaded = await windowSession(s, b);
    expect(reloaded).not.toBe(b);
    expect(await name(reloaded)).toBe('周明远');

    for (const headers of [{ 'x-bridge-token': s.server.token }, as('made-up-session-id-that-is-32-ch'), as(''), as(b)]) {
      const refused = await api(s, 'getSession', {}, headers);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.text)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('starts a session only for a caller with the token', async () => {
    const s = await setup();
    expect((await post(s, '/session', {}, {})).status).toBe(401);
    expect((await send(s.port, '/session', { headers: { 'x-bridge-token': s.server.token } })).status).toBe(405);
  });
});

describe('preview server: host, origin and method', () => {
  it('refuses a request addressed to another host name, even with the token', async () => {
    const s = await setup();
    const page = await send(s.port, `/?token=${s.server.token}`, { headers: { host: `evil.example:${s.port}` } });
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(s.server.token);
    const call = await api(s, 'getWorkspace', {}, { 'x-bridge-token': s.server.token, host: `evil.example:${s.port}` });
    expect(call.status).toBe(403);
    expect((await send(s.port, `/?token=${s.server.token}`, { headers: { host: `localhost:${s.port}` } })).status).toBe(200);
  });

  it('refuses an API call sent from another origin, even with the token', async () => {
    const s = await setup();
    const before = (await s.app.workspace.articles.list()).articles.length;
    const evil = await api(s, 'createArticle', { language: 'en' }, { 'x-bridge-token': s.server.token, origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect((await s.app.workspace.articles.list()).articles).toHaveLength(before);
    const session = await windowSession(s);
    s.app.sessions.find(session)!.signIn(unlocked(s.app.keys.get(s.app.firstPersonId)!), s.app.clock.now().getTime());
    const sameOrigin = await api(s, 'createArticle', { language: 'en' }, { 'x-bridge-token': s.server.token, 'x-window-session': session, origin: s.server.origin });
    expect(sameOrigin.status).toBe(200);
    expect((await s.app.workspace.articles.list()).articles).toHaveLength(before + 1);
  });

  it('accepts only POST on the API and only GET or HEAD elsewhere', async () => {
    const s = await setup();
    expect((await send(s.port, '/api/getWorkspace', { headers: { 'x-bridge-token': s.server.token } })).status).toBe(405);
    expect((await send(s.port, `/?token=${s.server.token}`, { method: 'POST' })).status).toBe(405);
    expect((await send(s.port, `/?token=${s.server.token}`, { method: 'HEAD' })).status).toBe(200);
  });

  it('refuses an API body over the limit', async () => {
    const s = await setup();
    const body = Buffer.alloc(48 * 1024 * 1024 + 1, 0x20);
    const answer = await send(s.port, '/api/getWorkspace', { method: 'POST', headers: { 'x-bridge-token': s.server.token }, body });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});

describe('preview server: paths', () => {
  const traversals = [
    '/../secret.txt',
    '/../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5csecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/index.html%00.png',
  ];

  it.each(traversals)('never serves anything outside the renderer folder for %s', async (path) => {
    const s = await setup();
    const answer = await send(s.port, `${path}?token=${s.server.token}`);
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain(SECRET);
    expect(answer.text).not.toContain('root:');
  });

  it('answers 404 for a missing file', async () => {
    const s = await setup();
    expect((await send(s.port, `/missing.js?token=${s.server.token}`)).status).toBe(404);
  });
});

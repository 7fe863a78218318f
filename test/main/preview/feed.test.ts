import { request as httpRequest } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../src/main/preview/server';
import { ChangeFeed } from '../../../src/main/services/live/change-feed';
import { NO_CHANGE } from '../../../src/shared/live/workspace-change';
import { tempApp } from '../../helpers/handlers';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('preview-feed-');
const servers: PreviewServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(feed: ChangeFeed | null) {
  const root = await tempDir();
  await mkdir(join(root, 'renderer'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const app = await tempApp(join(root, 'workspace'));
  const server = await startPreviewServer({ rendererDir: join(root, 'renderer'), handlers: app.handlers, sessions: app.sessions, assets: () => app.workspace.assets, feed: () => feed, pollMs: 30_000 });
  servers.push(server);
  return server;
}

interface Answer {
  status: number;
  body: { ok: boolean; value?: { seq: number; change: unknown }; error?: { code: string } };
}

function post(server: PreviewServer, path: string, input: unknown, headers: Record<string, string>): Promise<Answer> {
  const url = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

async function tab(server: PreviewServer): Promise<Record<string, string>> {
  const answer = await post(server, '/session', {}, { 'x-bridge-token': server.token });
  return { 'x-bridge-token': server.token, 'x-window-session': (answer.body.value as unknown as { session: string }).session };
}

describe('preview server: the change feed', () => {
  it('answers only a tab with the token and a window session', async () => {
    const server = await setup(new ChangeFeed());
    expect((await post(server, '/feed', { after: null }, {})).status).toBe(401);
    expect((await post(server, '/feed', { after: null }, { 'x-bridge-token': server.token })).status).toBe(401);
    expect((await post(server, '/feed', { after: null }, { 'x-bridge-token': server.token, 'x-window-session': 'made-up' })).status).toBe(401);
    expect((await post(server, '/feed', { after: 'soon' }, await tab(server))).body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('gives the feed’s number, then waits for the next change and answers with it', async () => {
    const feed = new ChangeFeed();
    const server = await setup(feed);
    const headers = await tab(server);
    const first = await post(server, '/feed', { after: null }, headers);
    expect(first.body).toEqual({ ok: true, value: { seq: feed.current, change: null } });
    const waiting = post(server, '/feed', { after: first.body.value!.seq }, headers);
    await new Promise((done) => setTimeout(done, 100));
    feed.publish({ ...NO_CHANGE, articles: ['20260301-aaaaaaaaaa'] });
    const answer = await waiting;
    expect(answer.body).toEqual({ ok: true, value: { seq: feed.current, change: { seq: feed.current, roster: false, workspace: false, everything: false, articles: ['20260301-aaaaaaaaaa'] } } });
  });

  it('ends a waiting poll when the server closes, and says so where nothing is watched', async () => {
    const feed = new ChangeFeed();
    const server = await setup(feed);
    const headers = await tab(server);
    const waiting = post(server, '/feed', { after: feed.current }, headers);
    await new Promise((done) => setTimeout(done, 100));
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    expect((await waiting).body).toMatchObject({ ok: true, value: { change: null } });

    const unwatched = await setup(null);
    expect((await post(unwatched, '/feed', { after: null }, await tab(unwatched))).body).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

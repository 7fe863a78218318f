import { access, mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/contract/errors';
import { articleLogPath, tempApp } from '../../helpers/handlers';
import { useTempDirs } from '../../helpers/temp-dir';
import { openTempWorkspace } from '../../helpers/workspace';

const tempDir = useTempDirs('workspace-');

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<AppFailure> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('Workspace: a new folder', () => {
  it('writes workspace.json once (format 2, its id) and waits for its first person; reopening reads the same', async () => {
    const root = await tempDir();
    const ws = await openTempWorkspace(root);
    expect(ws.manifestProblem).toBeNull();
    expect(await ws.status()).toBe('new');
    const text = await readFile(join(root, 'workspace.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({ format: 2, workspaceId: expect.stringMatching(/^ws-[0-9a-f]{16}$/), name: expect.any(String), createdAt: expect.any(String) });
    expect((await ws.roster()).roster.people).toEqual([]);
    const reopened = await openTempWorkspace(root);
    expect(reopened.manifest).toEqual(ws.manifest);
    expect(await reopened.info()).toEqual(await ws.info());
    expect(await readFile(join(root, 'workspace.json'), 'utf8')).toBe(text);
  });

  it('keeps per-machine state out of the workspace: its desk id and marks live in the data folder', async () => {
    const app = await tempApp(await tempDir());
    await app.workspace.articles.create(await app.actorOf(app.firstPersonId), 'en');
    const top = (await readdir(app.workspace.layout.root)).sort();
    expect(top).toEqual(['articles', 'assets', 'keys', 'roster', 'workspace.json']);
    expect(await readdir(app.data.root)).toEqual(expect.arrayContaining(['desk.json']));
  });
});

describe('Workspace: workspace.json', () => {
  it('reads a damaged workspace.json as a problem, takes the workspace id from the roster, and never writes over it', async () => {
    const app = await tempApp(await tempDir());
    const root = app.workspace.layout.root;
    const id = app.workspace.manifest!.workspaceId;
    await writeFile(join(root, 'workspace.json'), '{"format": 2, "name": ');
    const ws = await openTempWorkspace(root);
    expect(ws.manifestProblem).toMatch(/^workspace\.json is not valid JSON/);
    expect(ws.manifest?.workspaceId).toBe(id);
    expect(await ws.status()).toBe('ready');
    expect((await ws.info()).problems).toEqual([{ file: 'workspace.json', problem: 'is not valid JSON (truncated or damaged)' }]);
    expect(await readFile(join(root, 'workspace.json'), 'utf8')).toBe('{"format": 2, "name": ');
  });

  it('cannot say which workspace a folder is when workspace.json is damaged and there is no roster: every article call is refused as damaged', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'workspace.json'), '{"format": 2, "workspaceId": 7}');
    const ws = await openTempWorkspace(root);
    expect(ws.manifestProblem).toMatch(/^workspace\.json is not valid at workspaceId/);
    expect(await ws.status()).toBe('unreadable');
    expect(await failure(() => ws.articles)).toMatchObject({ code: 'damaged', message: expect.stringContaining('workspace.json') });
    expect(await failure(ws.roster())).toMatchObject({ code: 'damaged' });
    expect(await readFile(join(root, 'workspace.json'), 'utf8')).toBe('{"format": 2, "workspaceId": 7}');
  });

  it.each([
    ['a format-1 workspace.json', { 'workspace.json': JSON.stringify({ format: 1, name: 'Desk', channels: [['Home']] }) }],
    ['a people.json without workspace.json', { 'people.json': JSON.stringify({ format: 1, people: [] }) }],
    ['an article.json without workspace.json', { 'articles/20250101-0000000001/article.json': '{}' }],
  ])('takes a folder with %s for format 1: it needs its upgrade, and nothing is written', async (_case, files: Record<string, string>) => {
    const root = await tempDir();
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    }
    const ws = await openTempWorkspace(root);
    expect(ws.isLegacy).toBe(true);
    expect(await ws.status()).toBe('needs-upgrade');
    expect(await failure(() => ws.articles)).toMatchObject({ code: 'unavailable', refusal: { code: 'needs-upgrade' } });
    expect(await exists(join(root, 'roster'))).toBe(false);
    for (const [path, text] of Object.entries(files)) expect(await readFile(join(root, path), 'utf8')).toBe(text);
    if (!files['workspace.json']) expect(await exists(join(root, 'workspace.json'))).toBe(false);
  });
});

describe('Workspace: temp files', () => {
  it('removes temp files older than ten minutes on open, in logs and blobs too, and keeps recent ones', async () => {
    const app = await tempApp(await tempDir());
    const { id } = await app.workspace.articles.create(await app.actorOf(app.firstPersonId), 'en');
    const log = (await articleLogPath(app, id, app.firstPersonId)).replace(/\/[^/]+$/, '');
    const blobs = join(app.workspace.layout.articleDir(id), 'blobs');
    await mkdir(blobs, { recursive: true });
    const old = [join(log, 'x.jsonl.tmp-aaaaaaaaaaaa'), join(blobs, 'b.tmp-aaaaaaaaaaaa'), join(app.workspace.layout.root, 'workspace.json.tmp-aaaaaaaaaaaa')];
    const recent = join(blobs, 'b.tmp-bbbbbbbbbbbb');
    for (const path of old) await writeFile(path, 'half a write');
    await writeFile(recent, 'a write in progress');
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const path of old) await utimes(path, anHourAgo, anHourAgo);

    const before = await app.workspace.review(id);
    const reopened = await openTempWorkspace(app.workspace.layout.root, { now: () => new Date() });
    await reopened.staleTempCleared;
    for (const path of old) expect(await exists(path), path).toBe(false);
    expect(await exists(recent)).toBe(true);
    // Temp files are never read as logs or strays.
    expect(await app.workspace.review(id)).toEqual(before);
    expect((await app.workspace.articles.state(id)).strays).toEqual([]);
  });
});

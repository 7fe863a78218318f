import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/handlers';
import { emptyBody, paragraphNode } from '../../src/shared/article/body';
import { API, type ApiName } from '../../src/shared/contract/api';
import { API_NAMES_LIST } from '../../src/shared/contract/api-names';
import { ERROR_CODES, type Result } from '../../src/shared/contract/errors';
import { snapshotTree } from '../helpers/files';
import { tempApp } from '../helpers/handlers';
import { readSamplePng } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs('handlers-');

const GOOD_ID = '20250501-0123456789';
const goodContent = { channel: ['Home', 'News'], headline: 'H', deck: '', byline: '', language: 'en', body: emptyBody() };

/** Inputs every call must refuse, whatever it expects. */
const ALWAYS_WRONG: unknown[] = [{ bogus: 1 }, 42, 'text', true, [], [{}]];

/** Inputs wrong for one call in particular; the `satisfies` makes a new call name a type error here. */
const WRONG_FOR = {
  getWorkspace: [{ id: GOOD_ID }],
  chooseWorkspace: [{ path: '/tmp' }],
  listArticles: [{ filter: 'x' }],
  getArticle: [null, {}, { id: '../x' }, { id: '../../etc/passwd' }, { id: 'ABCDEFGH-1234' }, { id: 7 }, { id: GOOD_ID, extra: 1 }],
  createArticle: [null, {}, { language: 'fr' }, { language: 'en', id: GOOD_ID }],
  saveArticle: [
    null,
    { id: GOOD_ID, baseRevision: 0 },
    { id: '../x', baseRevision: 0, content: goodContent },
    { id: GOOD_ID, baseRevision: -1, content: goodContent },
    { id: GOOD_ID, baseRevision: 0.5, content: goodContent },
    { id: GOOD_ID, baseRevision: 0, content: { ...goodContent, body: { root: { type: 'script', children: [] } } } },
    { id: GOOD_ID, baseRevision: 0, content: { ...goodContent, headline: 'x'.repeat(301) } },
    { id: GOOD_ID, baseRevision: 0, content: { ...goodContent, language: 'fr' } },
  ],
  trashArticle: [null, {}, { id: '../x' }],
  listTrash: [{ id: GOOD_ID }],
  restoreArticle: [null, {}, { id: '..' }],
  importImage: [null, { name: 'a.png' }, { name: 'a.png', dataBase64: 'not base64!' }, { name: 'x'.repeat(256), dataBase64: 'AAAA' }],
  getSettings: [{ userName: 'x' }],
  updateSettings: [{ language: 'fr' }, { userName: '' }, { userName: '   ' }, { userName: 'x'.repeat(81) }],
} satisfies Record<ApiName, unknown[]>;

describe('API names', () => {
  it('the preload list names exactly the calls of the contract', () => {
    expect([...API_NAMES_LIST]).toEqual(Object.keys(API));
    expect(Object.keys(WRONG_FOR).sort()).toEqual(Object.keys(API).sort());
  });
});

describe('dispatch: input validation', () => {
  for (const name of Object.keys(API) as ApiName[]) {
    it(`${name} refuses malformed input with invalid-input and changes nothing`, async () => {
      const root = await tempDir();
      const app = await tempApp(root);
      const existing = await app.workspace.create('林晓岚', 'en');
      const files = await snapshotTree(root);
      const settings = app.settings.get();
      for (const input of [...ALWAYS_WRONG, ...WRONG_FOR[name]]) {
        const result = await dispatch(app.handlers, name, input);
        expect(result, `${name}(${JSON.stringify(input)})`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
      expect(await snapshotTree(root)).toEqual(files);
      expect(app.settings.get()).toEqual(settings);
      expect(await app.workspace.get(existing.id)).toEqual(existing);
    });
  }

  it.each(['noSuchCall', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses the unknown call %j', async (name) => {
    const app = await tempApp(await tempDir());
    expect(await dispatch(app.handlers, name, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('takes null or undefined as no input for calls without input', async () => {
    const app = await tempApp(await tempDir());
    expect(await dispatch(app.handlers, 'listArticles', null)).toMatchObject({ ok: true });
    expect(await dispatch(app.handlers, 'getSettings', undefined)).toEqual({ ok: true, value: { language: null, userName: '林晓岚' } });
  });
});

describe('dispatch: calls that work', () => {
  function value<T>(result: Result<unknown>, name: ApiName): T {
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) throw new Error(result.error.message);
    API[name].output.parse(result.value);
    return result.value as T;
  }

  it('creates, saves, reads, trashes and restores an article', async () => {
    const app = await tempApp(await tempDir());
    const h = app.handlers;
    const created = value<{ id: string; revision: number }>(await dispatch(h, 'createArticle', { language: 'zh-CN' }), 'createArticle');
    const content = { ...goodContent, headline: '标题', body: { root: { ...emptyBody().root, children: [paragraphNode('正文')] } } };
    const saved = value<{ revision: number; updatedBy: string }>(
      await dispatch(h, 'saveArticle', { id: created.id, baseRevision: 0, content }),
      'saveArticle',
    );
    expect(saved).toMatchObject({ revision: 1, updatedBy: '林晓岚' });
    const article = value<Record<string, unknown>>(await dispatch(h, 'getArticle', { id: created.id }), 'getArticle');
    expect(article).toMatchObject({ ...content, id: created.id, revision: 1 });

    expect(await dispatch(h, 'saveArticle', { id: created.id, baseRevision: 0, content })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await dispatch(h, 'trashArticle', { id: created.id })).toEqual({ ok: true, value: {} });
    expect(await dispatch(h, 'getArticle', { id: created.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(value<unknown[]>(await dispatch(h, 'listTrash', {}), 'listTrash')).toMatchObject([{ id: created.id, trashedBy: '林晓岚' }]);
    expect(value<{ articles: unknown[] }>(await dispatch(h, 'listArticles', {}), 'listArticles').articles).toEqual([]);

    value(await dispatch(h, 'restoreArticle', { id: created.id }), 'restoreArticle');
    expect(await dispatch(h, 'getArticle', { id: created.id })).toEqual({ ok: true, value: article });
  });

  it('records the user name from the settings on saves', async () => {
    const app = await tempApp(await tempDir());
    value(await dispatch(app.handlers, 'updateSettings', { userName: '周明远', language: 'en' }), 'updateSettings');
    expect(await dispatch(app.handlers, 'getSettings', {})).toEqual({ ok: true, value: { userName: '周明远', language: 'en' } });
    const created = value<{ id: string; createdBy: string }>(await dispatch(app.handlers, 'createArticle', { language: 'en' }), 'createArticle');
    expect(created.createdBy).toBe('周明远');
  });

  it('imports a PNG sent as base64 and refuses random bytes', async () => {
    const root = await tempDir();
    const app = await tempApp(root);
    const png = await readSamplePng();
    const info = value(await dispatch(app.handlers, 'importImage', { name: 'figure.png', dataBase64: png.toString('base64') }), 'importImage');
    expect(info).toEqual({ asset: createHash('sha256').update(png).digest('hex'), mime: 'image/png', width: 640, height: 400 });

    const files = await snapshotTree(root);
    const random = await dispatch(app.handlers, 'importImage', { name: 'x.png', dataBase64: randomBytes(2048).toString('base64') });
    expect(random).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await snapshotTree(root)).toEqual(files);
  });

  it('describes the workspace', async () => {
    const root = await tempDir();
    const app = await tempApp(root);
    expect(value(await dispatch(app.handlers, 'getWorkspace', {}), 'getWorkspace')).toMatchObject({ path: root });
  });

  it('chooseWorkspace is unavailable without a folder picker and uses one when given', async () => {
    const root = await tempDir();
    const without = await tempApp(root);
    expect(await dispatch(without.handlers, 'chooseWorkspace', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const other = await tempApp(await tempDir());
    const withPicker = await tempApp(root, { chooseWorkspace: async () => other.workspace.info() });
    expect(await dispatch(withPicker.handlers, 'chooseWorkspace', {})).toEqual({ ok: true, value: other.workspace.info() });
  });

  it('answers a failure of the disk as an error value instead of throwing', async () => {
    const app = await tempApp(await tempDir());
    await rm(app.workspace.layout.articles, { recursive: true });
    const result = await dispatch(app.handlers, 'listArticles', {});
    expect(result).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.stringContaining('articles') } });
    if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
  });
});

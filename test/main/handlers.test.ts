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
const PERSON_ID = 'u-abcdef01';
const MARK_ID = 'm-abcdef01';
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
  trashArticle: [null, {}, { id: '../x' }, { id: GOOD_ID, reason: 7 }, { id: GOOD_ID, reason: 'x'.repeat(1_001) }],
  listTrash: [{ id: GOOD_ID }],
  restoreArticle: [null, {}, { id: '..' }],
  importImage: [null, { name: 'a.png' }, { name: 'a.png', dataBase64: 'not base64!' }, { name: 'x'.repeat(256), dataBase64: 'AAAA' }],
  getSettings: [{ userName: 'x' }, { currentUserId: null }],
  // The current user is chosen with setCurrentUser, which checks the roster; never through settings.
  updateSettings: [{ language: 'fr' }, { userName: '周明远' }, { currentUserId: PERSON_ID }, { language: 'en', currentUserId: null }],
  getSession: [{ id: PERSON_ID }],
  setCurrentUser: [null, {}, { id: 'bob' }, { id: 'u-ABCDEF01' }, { id: 7 }, { id: PERSON_ID, roles: ['admin'] }],
  createFirstPerson: [null, {}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(81) }, { name: 'A', roles: ['admin'] }],
  addPerson: [
    null,
    { name: 'A' },
    { name: '', roles: [] },
    { name: 'A', roles: ['boss'] },
    { name: 'A', roles: ['editor', 'editor', 'editor', 'editor', 'editor', 'editor'] },
    { name: 'A', roles: [], id: PERSON_ID },
  ],
  updatePerson: [null, {}, { id: 'x' }, { id: PERSON_ID, roles: ['boss'] }, { id: PERSON_ID, active: 'no' }, { id: PERSON_ID, name: 'B' }],
  updatePolicy: [{ authorMayReview: 'yes' }, { blockApprovalWithOpenAnnotations: 1 }, { authorMayReview: true, other: true }],
  getReview: [null, {}, { id: '../x' }],
  reviewAction: [
    null,
    { id: GOOD_ID },
    { id: GOOD_ID, request: { action: 'publish' } },
    { id: GOOD_ID, request: { action: 'approve' } },
    { id: GOOD_ID, request: { action: 'approve', opinion: 'x'.repeat(10_001) } },
    { id: GOOD_ID, request: { action: 'return', to: 'third', reason: 'No.' } },
    { id: GOOD_ID, request: { action: 'approve', opinion: 'Fine.', actorId: PERSON_ID } },
    { id: GOOD_ID, request: { action: 'submit' }, actorId: PERSON_ID },
    { id: GOOD_ID, request: { action: 'submit' }, acknowledgeOpenAnnotations: 'yes' },
  ],
  listAnnotations: [null, {}, { id: '../x' }],
  annotate: [
    null,
    { id: GOOD_ID },
    { id: GOOD_ID, op: { kind: 'open', thread: 'bad', quote: '', text: 'Check.' } },
    { id: GOOD_ID, op: { kind: 'open', thread: MARK_ID, quote: '', text: '   ' } },
    { id: GOOD_ID, op: { kind: 'open', thread: MARK_ID, quote: 'x'.repeat(501), text: 'Check.' } },
    { id: GOOD_ID, op: { kind: 'reply', thread: MARK_ID, text: 'x'.repeat(4_001) } },
    { id: GOOD_ID, op: { kind: 'edit', thread: MARK_ID, text: 'Missing the comment id.' } },
    { id: GOOD_ID, op: { kind: 'delete', thread: MARK_ID, comment: 'not-a-comment' } },
    { id: GOOD_ID, op: { kind: 'resolve', thread: MARK_ID, by: PERSON_ID } },
  ],
  listOpenAnnotations: [{ id: GOOD_ID }],
  getProofreading: [{ id: '../x' }, { id: 1 }, { other: true }],
  updateProofreading: [{ settings: 'all' }, { settings: { rules: { 'figure-caption': { level: 'mandatory' } } } }, { lists: { terms: 'none' } }, { other: 1 }],
  ignoreFinding: [null, { id: GOOD_ID, findingId: '' , reason: 'ok' }, { id: GOOD_ID, findingId: 'x', reason: '   ' }, { id: GOOD_ID, findingId: 'x' }],
  exportStatus: [null, {}, { id: '../x' }],
  exportArticle: [null, { id: GOOD_ID, format: 'rtf', draft: false }, { id: GOOD_ID, format: 'html' }, { id: GOOD_ID, format: 'html', draft: 'yes' }],
  startBatchExport: [null, { ids: [], format: 'html' }, { ids: ['../x'], format: 'html' }, { ids: [GOOD_ID], format: 'pdf' }, { ids: [GOOD_ID] }],
  batchExportStatus: [null, {}, { job: '' }, { job: 'x'.repeat(65) }, { job: 7 }],
  cancelBatchExport: [null, {}, { job: '' }],
  convertDocument: [null, { name: '', dataBase64: 'aGk=' }, { name: 'a.txt', dataBase64: 'not base64!' }, { name: 'a.txt' }],
  listRevisions: [null, {}, { id: '../x' }],
  checkArticleFiles: [null, {}, { id: '../x' }, { id: GOOD_ID, file: 'reviews.jsonl' }],
  recordRevision: [null, { id: GOOD_ID }, { id: GOOD_ID, kind: 'milestone' }, { id: GOOD_ID, kind: 'save', label: 'x'.repeat(201) }],
  compareRevisions: [null, { id: GOOD_ID, from: 0, to: 'current' }, { id: GOOD_ID, from: 'latest', to: 1 }, { id: GOOD_ID, from: 1 }],
  restoreRevision: [null, { id: GOOD_ID }, { id: GOOD_ID, n: 0 }, { id: GOOD_ID, n: 1.5 }],
  restoreCaption: [null, { id: GOOD_ID, n: 1 }, { id: GOOD_ID, n: 1, figure: -1, source: 0 }, { id: GOOD_ID, n: 1, figure: 'one', source: 0 }, { id: GOOD_ID, n: 1, figure: 0 }],
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
        const result = await dispatch(app.handlers, name, input, app.caller);
        expect(result, `${name}(${JSON.stringify(input)})`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
      expect(await snapshotTree(root)).toEqual(files);
      expect(app.settings.get()).toEqual(settings);
      expect(await app.workspace.get(existing.id)).toEqual(existing);
    });
  }

  it.each(['noSuchCall', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses the unknown call %j', async (name) => {
    const app = await tempApp(await tempDir());
    expect(await dispatch(app.handlers, name, {}, app.caller)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('takes null or undefined as no input for calls without input', async () => {
    const app = await tempApp(await tempDir());
    expect(await dispatch(app.handlers, 'listArticles', null, app.caller)).toMatchObject({ ok: true });
    expect(await dispatch(app.handlers, 'getSettings', undefined, app.caller)).toEqual({ ok: true, value: { language: null } });
    expect(await dispatch(app.handlers, 'updatePolicy', null, app.caller)).toMatchObject({ ok: true });
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
    const created = value<{ id: string; revision: number }>(await dispatch(h, 'createArticle', { language: 'zh-CN' }, app.caller), 'createArticle');
    const content = { ...goodContent, headline: '标题', body: { root: { ...emptyBody().root, children: [paragraphNode('正文')] } } };
    const saved = value<{ revision: number; updatedBy: string }>(
      await dispatch(h, 'saveArticle', { id: created.id, baseRevision: 0, content }, app.caller),
      'saveArticle',
    );
    expect(saved).toMatchObject({ revision: 1, updatedBy: '林晓岚' });
    const article = value<Record<string, unknown>>(await dispatch(h, 'getArticle', { id: created.id }, app.caller), 'getArticle');
    expect(article).toMatchObject({ ...content, id: created.id, revision: 1 });

    expect(await dispatch(h, 'saveArticle', { id: created.id, baseRevision: 0, content }, app.caller)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await dispatch(h, 'trashArticle', { id: created.id }, app.caller)).toEqual({ ok: true, value: {} });
    expect(await dispatch(h, 'getArticle', { id: created.id }, app.caller)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(value<unknown[]>(await dispatch(h, 'listTrash', {}, app.caller), 'listTrash')).toMatchObject([{ id: created.id, trashedBy: '林晓岚' }]);
    expect(value<{ articles: unknown[] }>(await dispatch(h, 'listArticles', {}, app.caller), 'listArticles').articles).toEqual([]);

    value(await dispatch(h, 'restoreArticle', { id: created.id }, app.caller), 'restoreArticle');
    expect(await dispatch(h, 'getArticle', { id: created.id }, app.caller)).toEqual({ ok: true, value: article });
  });

  it('acts as the person working in the calling window, each window its own', async () => {
    const app = await tempApp(await tempDir());
    expect(value(await dispatch(app.handlers, 'updateSettings', { language: 'en' }, app.caller), 'updateSettings')).toEqual({ language: 'en' });
    const created = value<{ createdBy: string; authorId: string }>(await dispatch(app.handlers, 'createArticle', { language: 'en' }, app.caller), 'createArticle');
    expect(created).toMatchObject({ createdBy: '林晓岚', authorId: app.firstPersonId });

    const session = value<{ roster: { people: { id: string; name: string }[] } }>(
      await dispatch(app.handlers, 'addPerson', { name: '周明远', roles: ['reporter'] }, app.caller),
      'addPerson',
    );
    const zhou = session.roster.people.find((p) => p.name === '周明远')!;
    // A second window: Zhou sits down there, while Lin goes on working in the first.
    const other = app.window();
    expect(value<{ currentUser: { id: string } }>(await dispatch(app.handlers, 'setCurrentUser', { id: zhou.id }, other), 'setCurrentUser').currentUser.id).toBe(zhou.id);
    const theirs = value<{ createdBy: string; authorId: string }>(await dispatch(app.handlers, 'createArticle', { language: 'en' }, other), 'createArticle');
    expect(theirs).toMatchObject({ createdBy: '周明远', authorId: zhou.id });
    const mine = value<{ createdBy: string; authorId: string }>(await dispatch(app.handlers, 'createArticle', { language: 'en' }, app.caller), 'createArticle');
    expect(mine).toMatchObject({ createdBy: '林晓岚', authorId: app.firstPersonId });
    expect(value<{ currentUser: { name: string } }>(await dispatch(app.handlers, 'getSession', {}, app.caller), 'getSession').currentUser.name).toBe('林晓岚');
    // The person last chosen on this machine is who a new window starts with.
    expect(app.settings.get().currentUserId).toBe(zhou.id);
    expect(app.window().session.personId).toBe(zhou.id);
  });

  it.each([null, PERSON_ID])('refuses calls that act when the current user is %j (none, or not in the roster)', async (currentUserId) => {
    const root = await tempDir();
    const app = await tempApp(root);
    const existing = await app.workspace.create('林晓岚', 'en', app.firstPersonId);
    app.caller.session.personId = currentUserId;
    const files = await snapshotTree(root);
    const acting: [ApiName, unknown][] = [
      ['createArticle', { language: 'en' }],
      ['saveArticle', { id: existing.id, baseRevision: 0, content: goodContent }],
      ['trashArticle', { id: existing.id }],
      ['addPerson', { name: '周明远', roles: [] }],
      ['updatePolicy', { authorMayReview: true }],
      ['reviewAction', { id: existing.id, request: { action: 'submit' } }],
      ['annotate', { id: existing.id, op: { kind: 'open', thread: MARK_ID, quote: '', text: 'Check.' } }],
    ];
    for (const [name, input] of acting) {
      expect(await dispatch(app.handlers, name, input, app.caller), name).toMatchObject({
        ok: false,
        error: { code: 'forbidden', refusal: { code: 'no-current-user' } },
      });
    }
    expect(await snapshotTree(root)).toEqual(files);
    // Reading still works, and the review view says why this desk may not edit.
    expect(value(await dispatch(app.handlers, 'getReview', { id: existing.id }, app.caller), 'getReview')).toMatchObject({
      edit: { ok: false, refusal: { code: 'no-current-user' } },
    });
  });

  it('imports a PNG sent as base64 and refuses random bytes', async () => {
    const root = await tempDir();
    const app = await tempApp(root);
    const png = await readSamplePng();
    const info = value(await dispatch(app.handlers, 'importImage', { name: 'figure.png', dataBase64: png.toString('base64') }, app.caller), 'importImage');
    expect(info).toEqual({ asset: createHash('sha256').update(png).digest('hex'), mime: 'image/png', width: 640, height: 400 });

    const files = await snapshotTree(root);
    const random = await dispatch(app.handlers, 'importImage', { name: 'x.png', dataBase64: randomBytes(2048).toString('base64') }, app.caller);
    expect(random).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await snapshotTree(root)).toEqual(files);
  });

  it('describes the workspace', async () => {
    const root = await tempDir();
    const app = await tempApp(root);
    expect(value(await dispatch(app.handlers, 'getWorkspace', {}, app.caller), 'getWorkspace')).toMatchObject({ path: root });
  });

  it('chooseWorkspace is unavailable without a folder picker and uses one when given', async () => {
    const root = await tempDir();
    const without = await tempApp(root);
    expect(await dispatch(without.handlers, 'chooseWorkspace', {}, without.caller)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const other = await tempApp(await tempDir());
    const withPicker = await tempApp(root, { chooseWorkspace: async () => other.workspace.info() });
    expect(await dispatch(withPicker.handlers, 'chooseWorkspace', {}, withPicker.caller)).toEqual({ ok: true, value: await other.workspace.info() });
  });

  it('answers a failure of the disk as an error value instead of throwing', async () => {
    const app = await tempApp(await tempDir());
    await rm(app.workspace.layout.articles, { recursive: true });
    const result = await dispatch(app.handlers, 'listArticles', {}, app.caller);
    expect(result).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.stringContaining('articles') } });
    if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
  });
});

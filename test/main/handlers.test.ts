import { createHash, randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/handlers';
import { emptyBody, paragraphNode } from '../../src/shared/article/body';
import { API, type ApiName } from '../../src/shared/contract/api';
import { API_NAMES_LIST } from '../../src/shared/contract/api-names';
import { ERROR_CODES, type Result } from '../../src/shared/contract/errors';
import { snapshotTree } from '../helpers/files';
import { passphraseOf, tempApp } from '../helpers/handlers';
import { UnlockedKey } from '../../src/main/services/identity/unlocked-key';
import { ed25519 } from '../../src/shared/identity/ed25519';
import { keyidOf } from '../../src/shared/identity/keys';
import { readSamplePng } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs('handlers-');

const GOOD_ID = '20250501-0123456789';
const PERSON_ID = 'u-abcdef01';
const MARK_ID = 'm-abcdef01';
const HEAD = 'a'.repeat(64);
const PASSPHRASE = 'a passphrase of eight or more';
const goodContent = { channel: ['Home', 'News'], headline: 'H', deck: '', byline: '', language: 'en', body: emptyBody() };

/** Inputs every call must refuse, whatever it expects. */
const ALWAYS_WRONG: unknown[] = [{ bogus: 1 }, 42, 'text', true, [], [{}]];

/** Inputs wrong for one call in particular; the `satisfies` makes a new call name a type error here. */
const WRONG_FOR = {
  getWorkspace: [{ id: GOOD_ID }],
  chooseWorkspace: [{ path: '/tmp' }],
  listArticles: [{ filter: 'x' }],
  rescanWorkspace: [{ full: true }],
  getArticle: [null, {}, { id: '../x' }, { id: '../../etc/passwd' }, { id: 'ABCDEFGH-1234' }, { id: 7 }, { id: GOOD_ID, extra: 1 }],
  createArticle: [null, {}, { language: 'fr' }, { language: 'en', id: GOOD_ID }],
  mergeCrossed: [
    null,
    { id: GOOD_ID, merged: [HEAD] },
    { id: GOOD_ID, merged: [HEAD], picks: [] },
    { id: GOOD_ID, merged: [HEAD, HEAD], picks: [{ id: 0, pick: 'mine' }] },
    { id: GOOD_ID, merged: [HEAD, HEAD], picks: [{ id: -1, pick: 'a' }] },
    { id: GOOD_ID, merged: [HEAD, 'x'], picks: [] },
  ],
  saveArticle: [
    null,
    { id: GOOD_ID, base: HEAD, content: goodContent, merged: [HEAD] },
    { id: GOOD_ID, base: HEAD },
    { id: '../x', base: HEAD, content: goodContent },
    { id: GOOD_ID, base: 'A'.repeat(64), content: goodContent },
    { id: GOOD_ID, base: 3, content: goodContent },
    { id: GOOD_ID, baseRevision: 0, content: goodContent },
    { id: GOOD_ID, base: HEAD, content: { ...goodContent, body: { root: { type: 'script', children: [] } } } },
    { id: GOOD_ID, base: HEAD, content: { ...goodContent, headline: 'x'.repeat(301) } },
    { id: GOOD_ID, base: HEAD, content: { ...goodContent, language: 'fr' } },
  ],
  trashArticle: [null, {}, { id: '../x' }, { id: GOOD_ID, reason: 7 }, { id: GOOD_ID, reason: 'x'.repeat(1_001) }],
  listTrash: [{ id: GOOD_ID }],
  searchLibrary: [{ query: 'x'.repeat(501) }, { query: 1 }, { limit: 0 }, { limit: 501 }, { offset: -1 }, { filters: { stages: ['nowhere'] } }, { filters: { from: 'yesterday' } }, { sort: { key: 'size', descending: true } }, { extra: 1 }],
  libraryStatus: [{ full: true }],
  restoreArticle: [null, {}, { id: '..' }],
  importImage: [null, { name: 'a.png' }, { name: 'a.png', dataBase64: 'not base64!' }, { name: 'x'.repeat(256), dataBase64: 'AAAA' }],
  getSettings: [{ userName: 'x' }, { currentUserId: null }],
  // The person at a window is who signed in there with their passphrase; never a setting.
  updateSettings: [{ language: 'fr' }, { userName: '周明远' }, { currentUserId: PERSON_ID }, { language: 'en', currentUserId: null }],
  getSession: [{ id: PERSON_ID }],
  // Who signs in is the person whose passphrase it is: never an id alone, never roles.
  signIn: [null, {}, { personId: 'bob', passphrase: PASSPHRASE }, { personId: 'u-ABCDEF01', passphrase: PASSPHRASE }, { personId: PERSON_ID, passphrase: '' }, { personId: PERSON_ID, passphrase: PASSPHRASE, roles: ['admin'] }, { personId: PERSON_ID, passphrase: 'x'.repeat(4097) }],
  firstSignIn: [null, { personId: PERSON_ID, passphrase: PASSPHRASE }, { personId: PERSON_ID, code: '', passphrase: PASSPHRASE }, { personId: PERSON_ID, code: 'x'.repeat(65), passphrase: PASSPHRASE }, { personId: PERSON_ID, code: 'ABCD', passphrase: PASSPHRASE, roles: ['admin'] }],
  setUpWorkspace: [null, {}, { name: '', passphrase: PASSPHRASE }, { name: '   ', passphrase: PASSPHRASE }, { name: 'x'.repeat(81), passphrase: PASSPHRASE }, { name: 'A' }, { name: 'A', passphrase: PASSPHRASE, roles: ['admin'] }],
  upgradeWorkspace: [null, {}, { personId: 'bob', passphrase: PASSPHRASE }, { personId: PERSON_ID }],
  lock: [{ personId: PERSON_ID }],
  changePassphrase: [null, {}, { current: PASSPHRASE }, { current: '', next: PASSPHRASE }, { current: PASSPHRASE, next: PASSPHRASE, personId: PERSON_ID }],
  forgetRemembered: [null, {}, { personId: 'bob' }],
  addPerson: [
    null,
    { name: 'A' },
    { name: '', roles: [] },
    { name: 'A', roles: ['boss'] },
    { name: 'A', roles: ['editor', 'editor', 'editor', 'editor', 'editor', 'editor'] },
    { name: 'A', roles: [], id: PERSON_ID },
  ],
  issueEnrolment: [null, {}, { personId: 'bob' }, { personId: PERSON_ID, code: 'ABCD' }],
  revokeKey: [null, { personId: PERSON_ID }, { personId: PERSON_ID, reason: 'x'.repeat(501) }, { personId: 'bob', reason: 'lost' }],
  updateWorkspaceSettings: [{ lockAfterMinutes: 0 }, { lockAfterMinutes: 1.5 }, { lockAfterMinutes: 100_000 }, { lockAfterMinutes: '15' }, { name: 'Desk' }],
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
  compareRevisions: [null, { id: GOOD_ID, from: 0, to: 'current' }, { id: GOOD_ID, from: 'latest', to: HEAD }, { id: GOOD_ID, from: HEAD }, { id: GOOD_ID, from: 'legacy-0', to: 'current' }],
  changesSince: [null, { id: GOOD_ID }, { id: GOOD_ID, base: 'since-monday' }, { id: GOOD_ID, base: 'legacy-x' }, { id: GOOD_ID, base: HEAD, extra: 1 }],
  restoreRevision: [null, { id: GOOD_ID }, { id: GOOD_ID, n: 1 }, { id: GOOD_ID, revision: 1 }, { id: GOOD_ID, revision: '../x' }],
  restoreCaption: [null, { id: GOOD_ID, revision: HEAD }, { id: GOOD_ID, revision: HEAD, figure: -1, source: 0 }, { id: GOOD_ID, revision: HEAD, figure: 'one', source: 0 }, { id: GOOD_ID, revision: HEAD, figure: 0 }],
  getReviewSheet: [null, {}, { id: '../x' }],
  exportReviewSheet: [null, { id: GOOD_ID, language: 'en' }, { id: GOOD_ID, language: 'fr', format: 'html' }, { id: GOOD_ID, language: 'en', format: 'docx' }],
  listLeases: [{ id: GOOD_ID }],
  holdLease: [null, {}, { id: '../x' }, { id: GOOD_ID, person: PERSON_ID }],
  takeOverLease: [null, {}, { id: '../x' }, { id: GOOD_ID, from: PERSON_ID }],
  releaseLease: [null, {}, { id: 7 }],
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
      const existing = await app.workspace.articles.create(await app.actorOf(app.firstPersonId), 'en');
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
    const created = value<{ id: string; head: string; revision: number }>(await dispatch(h, 'createArticle', { language: 'zh-CN' }, app.caller), 'createArticle');
    const content = { ...goodContent, headline: '标题', body: { root: { ...emptyBody().root, children: [paragraphNode('正文')] } } };
    const saved = value<{ revision: number; head: string; updatedBy: string }>(await dispatch(h, 'saveArticle', { id: created.id, base: created.head, content }, app.caller), 'saveArticle');
    expect(saved).toMatchObject({ revision: 2, updatedBy: '林晓岚' });
    expect(saved.head).not.toBe(created.head);
    const article = value<Record<string, unknown>>(await dispatch(h, 'getArticle', { id: created.id }, app.caller), 'getArticle');
    expect(article).toMatchObject({ ...content, id: created.id, revision: 2, head: saved.head });

    expect(await dispatch(h, 'saveArticle', { id: created.id, base: created.head, content }, app.caller)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await dispatch(h, 'trashArticle', { id: created.id }, app.caller)).toEqual({ ok: true, value: {} });
    expect(value<unknown[]>(await dispatch(h, 'listTrash', {}, app.caller), 'listTrash')).toMatchObject([{ id: created.id, trashedBy: '林晓岚' }]);
    expect(value<{ articles: unknown[] }>(await dispatch(h, 'listArticles', {}, app.caller), 'listArticles').articles).toEqual([]);
    expect(await dispatch(h, 'trashArticle', { id: created.id }, app.caller)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    value(await dispatch(h, 'restoreArticle', { id: created.id }, app.caller), 'restoreArticle');
    expect(await dispatch(h, 'getArticle', { id: created.id }, app.caller)).toEqual({ ok: true, value: article });
    expect(await dispatch(h, 'restoreArticle', { id: created.id }, app.caller)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('acts as the person signed in to the calling window, each window its own', async () => {
    const app = await tempApp(await tempDir());
    expect(value(await dispatch(app.handlers, 'updateSettings', { language: 'en' }, app.caller), 'updateSettings')).toEqual({ language: 'en' });
    const created = value<{ createdBy: string; authorId: string }>(await dispatch(app.handlers, 'createArticle', { language: 'en' }, app.caller), 'createArticle');
    expect(created).toMatchObject({ createdBy: '林晓岚', authorId: app.firstPersonId });

    const added = value<{ session: { roster: { people: { id: string; name: string }[] } }; enrolment: { personId: string; code: string } }>(
      await dispatch(app.handlers, 'addPerson', { name: '周明远', roles: ['reporter'] }, app.caller),
      'addPerson',
    );
    const zhou = added.session.roster.people.find((p) => p.name === '周明远')!;
    expect(added.enrolment.personId).toBe(zhou.id);
    // A second window: Zhou signs in there for the first time, while Lin goes on working in the first.
    const other = app.window();
    expect(other.session.personId).toBeNull();
    const signedIn = value<{ currentUser: { id: string } }>(await dispatch(app.handlers, 'firstSignIn', { personId: zhou.id, code: added.enrolment.code, passphrase: passphraseOf('周明远') }, other), 'firstSignIn');
    expect(signedIn.currentUser.id).toBe(zhou.id);
    const theirs = value<{ createdBy: string; authorId: string }>(await dispatch(app.handlers, 'createArticle', { language: 'en' }, other), 'createArticle');
    expect(theirs).toMatchObject({ createdBy: '周明远', authorId: zhou.id });
    const mine = value<{ createdBy: string; authorId: string }>(await dispatch(app.handlers, 'createArticle', { language: 'en' }, app.caller), 'createArticle');
    expect(mine).toMatchObject({ createdBy: '林晓岚', authorId: app.firstPersonId });
    expect(value<{ currentUser: { name: string } }>(await dispatch(app.handlers, 'getSession', {}, app.caller), 'getSession').currentUser.name).toBe('林晓岚');
    // The person who signed in last on this machine is offered first in a new window, which is locked until they sign in.
    expect(app.settings.get().currentUserId).toBe(zhou.id);
    const fresh = app.window();
    expect(fresh.session.lastPersonId).toBe(zhou.id);
    expect(fresh.session.personId).toBeNull();
    expect(value<{ currentUser: unknown }>(await dispatch(app.handlers, 'getSession', {}, fresh), 'getSession').currentUser).toBeNull();
  });

  it.each(['locked', 'signed in with a key the roster does not bind'])('refuses every call that acts from a window that is %s, writing nothing', async (how) => {
    const root = await tempDir();
    const app = await tempApp(root);
    const existing = await app.workspace.articles.create(await app.actorOf(app.firstPersonId), 'en');
    const window = app.window();
    if (how !== 'locked') {
      const ed = await ed25519();
      const pair = ed.keyPairFromSeed(new Uint8Array(32).fill(3));
      window.session.signIn(new UnlockedKey(app.firstPersonId, keyidOf(pair.publicKey), pair.publicKey, pair.secretKey), app.clock.now().getTime());
    }
    const files = await snapshotTree(root);
    const dataFiles = await snapshotTree(app.data.root);
    const acting: [ApiName, unknown][] = [
      ['createArticle', { language: 'en' }],
      ['saveArticle', { id: existing.id, base: existing.head, content: goodContent }],
      ['trashArticle', { id: existing.id }],
      ['importImage', { name: 'figure.png', dataBase64: (await readSamplePng()).toString('base64') }],
      ['addPerson', { name: '周明远', roles: [] }],
      ['issueEnrolment', { personId: app.firstPersonId }],
      ['revokeKey', { personId: app.firstPersonId, reason: 'lost' }],
      ['updatePerson', { id: app.firstPersonId, roles: ['reporter', 'admin', 'third'] }],
      ['updatePolicy', { authorMayReview: true }],
      ['updateWorkspaceSettings', { lockAfterMinutes: 60 }],
      ['updateProofreading', { lists: { terms: [], names: [] } }],
      ['changePassphrase', { current: passphraseOf('林晓岚'), next: 'another passphrase' }],
      ['reviewAction', { id: existing.id, request: { action: 'submit' } }],
      ['annotate', { id: existing.id, op: { kind: 'open', thread: MARK_ID, quote: '', text: 'Check.' } }],
      ['ignoreFinding', { id: existing.id, findingId: 'headline:x', reason: 'ok' }],
      ['recordRevision', { id: existing.id, kind: 'save', label: 'v1' }],
      ['restoreRevision', { id: existing.id, revision: existing.head }],
    ];
    for (const [name, input] of acting) {
      expect(await dispatch(app.handlers, name, input, window), name).toMatchObject({ ok: false, error: { code: 'forbidden', refusal: { code: 'locked' } } });
    }
    expect(window.session.personId).toBeNull();
    expect(await snapshotTree(root)).toEqual(files);
    expect(await snapshotTree(app.data.root)).toEqual(dataFiles);
    // Reading still works, and the review view says why this window may not edit.
    expect(value(await dispatch(app.handlers, 'getReview', { id: existing.id }, window), 'getReview')).toMatchObject({ edit: { ok: false, refusal: { code: 'locked' } } });
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
    // The roster folder is now a file: reading it fails.
    await rm(app.workspace.layout.roster, { recursive: true });
    await writeFile(app.workspace.layout.roster, 'not a folder');
    const result = await dispatch(app.handlers, 'listArticles', {}, app.caller);
    expect(result).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.stringContaining('roster') } });
    if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
  });
});

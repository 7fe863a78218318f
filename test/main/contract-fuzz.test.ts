import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/handlers';
import { SESSION_HEADER, TOKEN_HEADER } from '../../src/main/preview/http-security';
import { startPreviewServer, type PreviewServer } from '../../src/main/preview/server';
import { API_NAMES, type ApiName } from '../../src/shared/contract/api';
import { ERROR_CODES, type Result } from '../../src/shared/contract/errors';
import { hostileString, hostileValue, malformed } from '../helpers/hostile-input';
import { passphraseOf } from '../helpers/handlers';
import { contentOf, newsroom, submittedArticle, type Newsroom } from '../helpers/newsroom';
import { readSamplePng } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * Malformed input to every call of the contract, through `dispatch` and through the preview's
 * HTTP bridge: each is refused with a clear code, never `internal`, and the app keeps
 * answering. Seeded, so a failure reproduces; bounded in time, so it stays a unit test.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
/** FUZZ_SCALE=50 runs a long hunt by hand; `npm test` keeps to a few seconds. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const DISPATCH_RUNS = 40 * SCALE;
const DISPATCH_MS_PER_CALL = 200 * SCALE;
const HTTP_RUNS = 400 * SCALE;
const HTTP_MS = 4_000 * SCALE;
const CLEAR_CODES: readonly string[] = ERROR_CODES.filter((code) => code !== 'internal');

const tempDir = useTempDirs('contract-fuzz-');
let n: Newsroom;
let valid: Record<ApiName, unknown>;
let server: PreviewServer;
/** The window session the preview's requests are made in. */
let windowSession: string;

beforeAll(async () => {
  n = await newsroom(await tempDir());
  const article = await submittedArticle(n, 'en', 'A first paragraph.');
  await n.as('editor');
  const { threads } = await n.call('annotate', { id: article.id, op: { kind: 'open', thread: 'm-fuzz0001', quote: 'first', text: 'Check this.' } });
  await n.call('recordRevision', { id: article.id, kind: 'save', label: 'checked' });
  const other = await n.call('createArticle', { language: 'zh-CN' });
  const { job } = await n.call('startBatchExport', { ids: [article.id], format: 'md' });
  const id = article.id;
  valid = {
    getWorkspace: {},
    chooseWorkspace: {},
    listArticles: {},
    rescanWorkspace: {},
    getArticle: { id },
    createArticle: { language: 'en' },
    saveArticle: { id, base: article.head, content: contentOf(article, 'Edited.') },
    mergeCrossed: { id, merged: [article.head, other.head], picks: [{ id: 0, pick: 'a' }] },
    trashArticle: { id: other.id },
    listTrash: {},
    searchLibrary: { query: '编辑 "review opinion"', typing: true, filters: { stages: ['first'], channel: ['要闻'], dateField: 'created', from: '2024-06', to: '2025-01-01' }, sort: { key: 'headline', descending: false }, offset: 0, limit: 20 },
    libraryStatus: {},
    restoreArticle: { id: other.id },
    importImage: { name: 'figure.png', dataBase64: (await readSamplePng()).toString('base64') },
    getSettings: {},
    updateSettings: { language: 'en' },
    getSession: {},
    signIn: { personId: n.people.second.id, passphrase: passphraseOf('赵敏') },
    firstSignIn: { personId: n.people.reporter.id, code: 'ABCD-EFGH-JKMN-PQRS-TVWX', passphrase: 'a passphrase 2025' },
    setUpWorkspace: { name: 'Someone', passphrase: 'a passphrase 2025' },
    upgradeWorkspace: { personId: n.people.admin.id, passphrase: 'a passphrase 2025' },
    lock: {},
    changePassphrase: { current: 'not the passphrase', next: 'another passphrase 2025' },
    forgetRemembered: { personId: n.people.admin.id },
    addPerson: { name: 'New Person', roles: ['reporter'] },
    issueEnrolment: { personId: n.people.reporter.id },
    revokeKey: { personId: n.people.reporter.id, reason: 'lost' },
    updateWorkspaceSettings: { lockAfterMinutes: 30 },
    updatePerson: { id: n.people.reporter.id, roles: ['reporter'] },
    updatePolicy: { authorMayReview: false },
    getReview: { id },
    reviewAction: { id, request: { action: 'approve', opinion: 'Fine.' }, acknowledgeOpenAnnotations: true },
    listAnnotations: { id },
    annotate: { id, op: { kind: 'reply', thread: threads[0]!.id, text: 'A reply.' } },
    listOpenAnnotations: {},
    getProofreading: { id },
    updateProofreading: { lists: { terms: [], names: [] } },
    ignoreFinding: { id, findingId: 'headline:0', reason: 'House style.' },
    exportStatus: { id },
    exportArticle: { id, format: 'html', draft: true },
    startBatchExport: { ids: [id], format: 'txt' },
    batchExportStatus: { job },
    cancelBatchExport: { job },
    convertDocument: { name: 'notes.md', dataBase64: Buffer.from('# Title\n\n> quoted\n\n- item').toString('base64') },
    listRevisions: { id },
    checkArticleFiles: { id },
    recordRevision: { id, kind: 'save', label: 'again' },
    compareRevisions: { id, from: article.head, to: 'current' },
    changesSince: { id, base: 'stage-received' },
    restoreRevision: { id, revision: article.head },
    restoreCaption: { id, revision: article.head, figure: 0, source: 0 },
    getReviewSheet: { id },
    exportReviewSheet: { id, language: 'en', format: 'html' },
    listLeases: {},
    holdLease: { id },
    takeOverLease: { id },
    releaseLease: { id },
  } satisfies Record<ApiName, unknown>;
  server = await startPreviewServer({ rendererDir: join(await tempDir(), 'renderer'), handlers: n.handlers, sessions: n.sessions, assets: () => n.workspace.assets });
  windowSession = n.window().session.id;
});

afterAll(async () => {
  await server?.close();
});

/** Passes a result or a clear refusal; `what` names the request, and is worked out only on failure. */
function expectClear(result: Result<unknown>, what: () => string): void {
  const clear = typeof result === 'object' && result !== null && (result.ok === true || (CLEAR_CODES.includes(result.error?.code) && result.error.message.length > 0));
  if (!clear) throw new Error(`${what()} answered ${JSON.stringify(result).slice(0, 500)}`);
}

const describeInput = (input: unknown) => fc.stringify(input).slice(0, 300);

/** Bodies that pass the structural check but carry odd attributes, as a hand-edited or foreign file might. */
const oddBody = (() => {
  const attr = fc.oneof(hostileValue(true), fc.constantFrom('h9', 'bullet', 'number', 'check', 'center', 'rtl', -1, 1e9, 0.5, []));
  const attrs = fc.dictionary(fc.constantFrom('format', 'tag', 'listType', 'value', 'start', 'indent', 'direction', 'url', 'ids', 'style', 'detail', 'mode', 'checked', 'textFormat'), attr, { maxKeys: 4 });
  const text = fc.record({ type: fc.constant('text'), text: fc.oneof(fc.string({ maxLength: 30 }), hostileString) }).chain((node) => attrs.map((extra) => ({ ...extra, ...node })));
  const leaf = fc.oneof(text, fc.constantFrom({ type: 'linebreak' }, { type: 'tab', text: '\t' }));
  const { node } = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .record({ type: fc.constantFrom('paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink', 'mark'), children: fc.array(tie('node'), { maxLength: 4 }) })
        .chain((n) => attrs.map((extra) => ({ ...extra, ...n }))),
    ),
  }));
  return fc.array(node, { maxLength: 6 }).map((children) => ({ root: { type: 'root', children } }));
})();

describe('an article body that passes the structural check but is odd', () => {
  // Runs before the contract's fuzzing below, which may change who is at the desk and what they may do.
  it('is saved, listed, exported and kept in history, or refused clearly, never an internal error', async () => {
    await n.as('reporter');
    const created = await n.call('createArticle', { language: 'en' });
    let head = created.head;
    await fc.assert(
      fc.asyncProperty(oddBody, fc.constantFrom('html', 'html-folder', 'md', 'txt', 'ninjs', 'docx'), async (body, format) => {
        const what = () => `body ${describeInput(body)} as ${format}`;
        const saved = await dispatch(n.handlers, 'saveArticle', { id: created.id, base: head, content: { ...contentOf(created), body } }, n.caller);
        expectClear(saved, what);
        if (!saved.ok) return;
        head = (saved.value as { head: string }).head;
        for (const [name, input] of [
          ['getArticle', { id: created.id }],
          ['recordRevision', { id: created.id, kind: 'save' }],
          ['compareRevisions', { id: created.id, from: created.head, to: 'current' }],
          ['changesSince', { id: created.id, base: created.head }],
          ['exportArticle', { id: created.id, format, draft: true }],
          ['getReview', { id: created.id }],
          ['listArticles', {}],
        ] as const) {
          expectClear(await dispatch(n.handlers, name, input, n.caller), () => `${name} after ${what()}`);
        }
      }),
      { seed: SEED, numRuns: 30 * SCALE, interruptAfterTimeLimit: 4_000 * SCALE },
    );
  });
});

describe('every call of the contract, given malformed input', () => {
  it('has a valid input here to start from', () => {
    expect(Object.keys(valid).sort()).toEqual([...API_NAMES].sort());
  });

  API_NAMES.forEach((name, index) => {
    it(`${name} refuses it with a clear code through dispatch, and the app keeps answering`, async () => {
      // Each call at a window of its own, the administrator signed in: a lock or a sign-in leaves the other calls' windows as they were.
      const caller = n.windowOf(n.people.admin.id);
      await fc.assert(
        fc.asyncProperty(malformed(valid[name], false), async (input) => {
          expectClear(await dispatch(n.handlers, name, input, caller), () => `${name}(${describeInput(input)})`);
        }),
        { seed: SEED + index, numRuns: DISPATCH_RUNS, interruptAfterTimeLimit: DISPATCH_MS_PER_CALL },
      );
      expect(await dispatch(n.handlers, 'getSession', {}, caller)).toMatchObject({ ok: true });
    });
  });
});

interface Answer {
  status: number;
  text: string;
}

function post(path: string, body: Buffer | string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.origin);
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A request body: a malformed input as JSON, or bytes that are not JSON at all. */
function bodyFor(name: string): fc.Arbitrary<Buffer | string> {
  const start = Object.hasOwn(valid, name) ? valid[name as ApiName] : {};
  const json = malformed(start, true).map((input) => {
    try {
      return JSON.stringify(input) ?? 'null';
    } catch {
      return '[[[[[[[[[[';
    }
  });
  const raw = fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
    fc.integer({ min: 1, max: 200_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    fc.integer({ min: 1, max: 60 }).map((cut) => JSON.stringify(start).slice(0, cut)),
    fc.constantFrom('', 'null', '"text"', '{"__proto__":{"polluted":true}}', '\uFEFF{}', '{"id":"\\ud800"}'),
  );
  return fc.oneof(json, raw);
}

describe('the preview server, given malformed requests', () => {
  it('answers every one with a clear code, never an internal error, and keeps answering', async () => {
    const names = fc.oneof(fc.constantFrom(...API_NAMES), fc.constantFrom('', 'noSuchCall', '__proto__', 'constructor', '..%2f..%2fetc', 'getArticle/../x'));
    const request = names.chain((name) => fc.tuple(fc.constant(name), bodyFor(name), fc.boolean(), fc.boolean()));
    await fc.assert(
      fc.asyncProperty(request, async ([name, body, withToken, inSession]) => {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', Host: new URL(server.origin).host };
        if (withToken) headers[TOKEN_HEADER] = server.token;
        if (inSession) headers[SESSION_HEADER] = windowSession;
        const answer = await post(`/api/${name}`, body, headers);
        const what = () => `POST /api/${name} ${typeof body === 'string' ? body.slice(0, 200) : `<${body.length} bytes>`}`;
        if (answer.status >= 500) throw new Error(`${what()}: ${answer.status} ${answer.text.slice(0, 300)}`);
        expectClear(JSON.parse(answer.text) as Result<unknown>, what);
      }),
      { seed: SEED, numRuns: HTTP_RUNS, interruptAfterTimeLimit: HTTP_MS },
    );
    const after = await post('/api/getWorkspace', '{}', { 'Content-Type': 'application/json', Host: new URL(server.origin).host, [TOKEN_HEADER]: server.token, [SESSION_HEADER]: windowSession });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.text)).toMatchObject({ ok: true, value: { path: n.workspace.layout.root } });
  });
});

import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Caller } from '../../src/main/handlers';
import type { Article } from '../../src/shared/article/article';
import type { ApiName, FileProblem } from '../../src/shared/contract/api';
import type { Result } from '../../src/shared/contract/errors';
import { openApp, passphraseOf, unlocked, type KeptKey } from '../helpers/handlers';
import { contentOf, newsroom, submittedArticle, type Desk } from '../helpers/newsroom';
import { dataFolderOf, useTempDirs } from '../helpers/temp-dir';
import { steppingClock } from '../helpers/workspace';

/**
 * Every kind of workspace file — the manifest, roster logs, key files, article logs, content
 * blobs — damaged three ways (cut mid-line, random bytes, valid JSON of the wrong shape): the
 * app opens, the damage is shown with the file named, the other articles work (or, where the
 * newsroom list itself lost records this desk had seen, every change is refused naming it), and
 * after the app has worked on, the damaged bytes still exist (in place or set aside).
 */
const tempDir = useTempDirs('damaged-files-');
let template: string;
let ids: { a: string; b: string; c: string; thread: string };
let people: Record<Desk, string>;
let keys: Map<string, KeptKey>;
const files: Record<string, string> = {};

beforeAll(async () => {
  template = join(await mkdtemp(join(tmpdir(), 'damaged-template-')), 'workspace');
  const n = await newsroom(template);
  const a = await submittedArticle(n, 'en', 'The first paragraph of the copy.');
  await n.as('editor');
  await n.call('reviewAction', { id: a.id, request: { action: 'approve', opinion: 'Fine.' }, acknowledgeRecommendedChecks: true });
  await n.as('second');
  const { threads } = await n.call('annotate', { id: a.id, op: { kind: 'open', thread: 'm-damage01', quote: 'first', text: 'Check the figure.' } });
  await n.call('ignoreFinding', { id: a.id, findingId: 'byline:0', reason: 'House style.' });
  await n.call('annotate', { id: a.id, op: { kind: 'reply', thread: threads[0]!.id, text: 'Checked.' } });
  await n.call('ignoreFinding', { id: a.id, findingId: 'headline:0', reason: 'Agreed.' });
  const current = await n.call('getArticle', { id: a.id });
  await n.call('saveArticle', { id: a.id, base: current.head, content: contentOf(current, 'The edited first paragraph.') });
  await n.call('recordRevision', { id: a.id, kind: 'save', label: 'edited' });
  await n.as('reporter');
  const b = await n.call('createArticle', { language: 'en' });
  await n.call('saveArticle', { id: b.id, base: b.head, content: { ...contentOf(b, 'Healthy.'), headline: 'A healthy article' } });
  const c = await n.call('createArticle', { language: 'en' });
  await n.call('saveArticle', { id: c.id, base: c.head, content: { ...contentOf(c, 'Trashed.'), headline: 'A trashed article' } });
  await n.call('trashArticle', { id: c.id });
  ids = { a: a.id, b: b.id, c: c.id, thread: threads[0]!.id };
  people = Object.fromEntries(Object.entries(n.people).map(([desk, person]) => [desk, person.id])) as Record<Desk, string>;
  keys = n.keys;

  const desk = await n.data.deskId();
  const [blob] = await readdir(join(template, 'articles', a.id, 'blobs'));
  Object.assign(files, {
    'workspace.json': 'workspace.json',
    'roster log of the administrator': `roster/${people.admin}.${desk}.jsonl`,
    'roster log of a person': `roster/${people.second}.${desk}.jsonl`,
    'key file': `keys/${people.second}/${keys.get(people.second)!.keyid}.json`,
    'article log of the author': `articles/${a.id}/log/${people.reporter}.${desk}.jsonl`,
    'article log of a reviewer': `articles/${a.id}/log/${people.second}.${desk}.jsonl`,
    'content blob': `articles/${a.id}/blobs/${blob}`,
    'log of a trashed article': `articles/${c.id}/log/${people.reporter}.${desk}.jsonl`,
  });
}, 120_000);

afterAll(async () => {
  await rm(dirname(template), { recursive: true, force: true });
});

/** A deterministic stream of bytes (xorshift), so a failure reproduces. */
function randomBytes(length: number, seed: number): Buffer {
  let x = seed || 1;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const DAMAGES = {
  'cut mid-line': (bytes: Buffer) => {
    let cut = bytes.length >> 1;
    while (cut > 1 && (bytes[cut - 1] === 0x0a || bytes[cut] === 0x0a)) cut--;
    return bytes.subarray(0, cut);
  },
  'random bytes': (bytes: Buffer, seed: number) => randomBytes(Math.max(bytes.length, 64), seed),
  'valid JSON of the wrong shape': () => Buffer.from('{"unexpected":[1,2,3],"format":"nonsense"}\n'),
} as const;

/** The app at this desk, reopened: each person at a window of their own, signed in. */
type AppWindows = (name: ApiName, input: unknown, desk?: Desk) => Promise<Result<unknown>>;

async function openWindows(root: string): Promise<AppWindows> {
  const clock = steppingClock('2025-06-01T08:00:00.000Z');
  const app = await openApp(root, clock);
  const windows = new Map<Desk, Caller>();
  return (name, input, desk = 'second') => {
    let caller = windows.get(desk);
    if (!caller) {
      caller = { session: app.sessions.open() };
      caller.session.signIn(unlocked(keys.get(people[desk])!), clock.now().getTime());
      windows.set(desk, caller);
    }
    return dispatch(app.handlers, name, input, caller);
  };
}

function clear(result: Result<unknown>, what: string): Result<unknown> {
  if (!result.ok) expect(result.error.code, `${what}: ${result.error.message}`).not.toBe('internal');
  return result;
}

/** Everything the interface shows about files: the workspace, session, library, trash, article reports and reviews, and the errors of opening. */
async function shownAboutFiles(h: AppWindows, file: string): Promise<string[]> {
  const shown: string[] = [];
  const call = async (name: ApiName, input: unknown) => clear(await h(name, input), name);
  const asText = (p: FileProblem) => `${p.file}: ${p.problem}`;
  const workspace = await call('getWorkspace', {});
  expect(workspace.ok).toBe(true);
  if (workspace.ok) shown.push(...(workspace.value as { problems: FileProblem[] }).problems.map(asText));
  const session = await call('getSession', {});
  expect(session.ok).toBe(true);
  if (session.ok) shown.push((session.value as { rosterProblem: string | null }).rosterProblem ?? '');
  const library = await call('listArticles', {});
  expect(library.ok).toBe(true);
  if (library.ok) shown.push(...(library.value as { damaged: FileProblem[] }).damaged.map(asText));
  const trash = await call('listTrash', {});
  expect(trash.ok).toBe(true);
  if (trash.ok) for (const entry of trash.value as Array<{ problems: FileProblem[] }>) shown.push(...entry.problems.map(asText));
  for (const id of [ids.a, ids.c]) {
    const report = await call('checkArticleFiles', { id });
    if (report.ok) shown.push(...(report.value as FileProblem[]).map(asText));
    const opened = await call('getArticle', { id });
    if (!opened.ok) shown.push(opened.error.message);
    const review = await call('getReview', { id });
    if (review.ok) shown.push((review.value as { problem: string | null }).problem ?? '');
  }
  // A key file is read when its person signs in.
  if (file.startsWith('keys/')) {
    const signIn = await call('signIn', { personId: people.second, passphrase: passphraseOf('赵敏') });
    if (!signIn.ok) shown.push(signIn.error.message);
  }
  return shown;
}

/** Whether `damaged` is still on disk: in place (perhaps appended to), or partly or wholly set aside beside it. */
async function survives(root: string, file: string, damaged: Buffer): Promise<boolean> {
  const path = join(root, file);
  const current = await readFile(path).catch(() => null);
  if (current && current.subarray(0, damaged.length).equals(damaged)) return true;
  const beside = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of beside.filter((n) => n.startsWith(`${basename(path)}.torn-`) || n.startsWith(`${basename(path)}.damaged-`))) {
    const setAside = await readFile(join(dirname(path), name));
    const kept = damaged.subarray(0, damaged.length - setAside.length);
    if (damaged.subarray(damaged.length - setAside.length).equals(setAside) && (kept.length === 0 || current?.subarray(0, kept.length).equals(kept))) return true;
  }
  return false;
}

/**
 * The other articles keep working: read, reviewed, exported, and saved — unless the newsroom
 * list lost records this desk had seen (no change is made then), or lost its first person with
 * the keys they bound (`trustGone`: no record can be attributed, so no copy is shown as trusted).
 */
async function expectOthersWork(h: AppWindows, file: string, trustGone: boolean): Promise<void> {
  if (trustGone) {
    for (const [name, input] of [
      ['getArticle', { id: ids.b }],
      ['getReview', { id: ids.b }],
      ['exportArticle', { id: ids.b, format: 'html', draft: true }],
    ] as const) {
      expect(await h(name, input), name).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringContaining('unknown-key') } });
    }
    return;
  }
  for (const [name, input] of [
    ['getArticle', { id: ids.b }],
    ['getReview', { id: ids.b }],
    ['listRevisions', { id: ids.b }],
    ['listAnnotations', { id: ids.b }],
    ['exportArticle', { id: ids.b, format: 'html', draft: true }],
  ] as const) {
    const result = await h(name, input);
    expect(result.ok, `${name} of another article with ${file} damaged: ${JSON.stringify(result).slice(0, 200)}`).toBe(true);
  }
  const b = (await h('getArticle', { id: ids.b }, 'reporter')) as { ok: true; value: Article };
  const saved = clear(await h('saveArticle', { id: ids.b, base: b.value.head, content: contentOf(b.value, 'Still saving.') }, 'reporter'), 'save');
  if (file.startsWith('roster/')) expect(saved).toMatchObject({ ok: false, error: { refusal: { code: 'roster-lost', params: { files: expect.stringContaining(file) } } } });
  else expect(saved.ok, `saving another article with ${file} damaged: ${JSON.stringify(saved).slice(0, 300)}`).toBe(true);
}

/** What the desk does next: every write that could touch the damaged file. None may fail as internal. */
async function workOn(h: AppWindows): Promise<void> {
  const a = ids.a;
  const current = await h('getArticle', { id: a });
  const head = current.ok ? (current.value as Article).head : '';
  const steps: Array<[ApiName, unknown, Desk]> = [
    ['saveArticle', { id: a, base: head, content: { channel: ['首页'], headline: 'h', deck: '', byline: 'b', language: 'en', body: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } } } }, 'second'],
    ['annotate', { id: a, op: { kind: 'reply', thread: ids.thread, text: 'Later reply.' } }, 'second'],
    ['ignoreFinding', { id: a, findingId: 'deck:0', reason: 'Later.' }, 'second'],
    ['recordRevision', { id: a, kind: 'save', label: 'later' }, 'second'],
    ['reviewAction', { id: a, request: { action: 'approve', opinion: 'Fine too.' }, acknowledgeOpenAnnotations: true, acknowledgeRecommendedChecks: true }, 'second'],
    ['restoreArticle', { id: ids.c }, 'reporter'],
    ['recordRevision', { id: ids.c, kind: 'save', label: 'restored' }, 'reporter'],
    ['updatePolicy', { authorMayReview: true }, 'admin'],
    ['addPerson', { name: 'Late Arrival', roles: ['reporter'] }, 'admin'],
    ['updateProofreading', { lists: { terms: [], names: [] } }, 'admin'],
  ];
  for (const [name, input, desk] of steps) clear(await h(name, input, desk), name);
}

describe('a damaged workspace file', () => {
  const kinds = [
    'workspace.json',
    'roster log of the administrator',
    'roster log of a person',
    'key file',
    'article log of the author',
    'article log of a reviewer',
    'content blob',
    'log of a trashed article',
  ];
  kinds.forEach((kind, k) => {
    Object.entries(DAMAGES).forEach(([damage, make], d) => {
      it(`${kind}, ${damage}: the app opens, names it, the rest works, and its bytes survive`, async () => {
        const root = join(await tempDir(), 'workspace');
        await cp(template, root, { recursive: true });
        await cp(dataFolderOf(template), dataFolderOf(root), { recursive: true });
        const file = files[kind]!;
        const damaged = make(await readFile(join(root, file)), 1 + k * 3 + d);
        await writeFile(join(root, file), damaged);

        const h = await openWindows(root);
        const shown = await shownAboutFiles(h, file);
        expect(shown.some((text) => text.includes(file)), `nothing names ${file}; shown: ${JSON.stringify(shown)}`).toBe(true);
        await expectOthersWork(h, file, kind === 'roster log of the administrator' && damage !== 'cut mid-line');

        await workOn(h);
        expect(await survives(root, file, damaged), `the damaged bytes of ${file} are gone`).toBe(true);
        // Reopened afterwards, the damage (or what was set aside) is still named.
        const again = await shownAboutFiles(await openWindows(root), file);
        expect(again.some((text) => text.includes(file)), `after work, nothing names ${file}; shown: ${JSON.stringify(again)}`).toBe(true);
      });
    });
  });
});

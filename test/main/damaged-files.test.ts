import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/handlers';
import { openWorkspace } from '../../src/main/services/open-workspace';
import { MemorySettingsStore } from '../../src/main/services/settings-store';
import { WindowSessions } from '../../src/main/services/window-sessions';
import type { Article } from '../../src/shared/article/article';
import type { ApiName, FileProblem } from '../../src/shared/contract/api';
import type { Result } from '../../src/shared/contract/errors';
import { FIRST_PERSON } from '../helpers/handlers';
import { contentOf, newsroom, submittedArticle } from '../helpers/newsroom';
import { useTempDirs } from '../helpers/temp-dir';
import { steppingClock } from '../helpers/workspace';

/**
 * Every kind of workspace file, damaged three ways (cut mid-line, random bytes, valid JSON of
 * the wrong shape): the app opens, the damage is shown with the file named, the other articles
 * work, and after the app has worked on, the damaged bytes still exist (in place or set aside).
 */
const tempDir = useTempDirs('damaged-files-');
let template: string;
let ids: { a: string; b: string; c: string; second: string; admin: string; reporter: string; thread: string; aRevision: number };
const files: Record<string, string> = {};

beforeAll(async () => {
  template = await mkdtemp(join(tmpdir(), 'damaged-template-'));
  const n = await newsroom(template);
  const a = await submittedArticle(n, 'en', 'The first paragraph of the copy.');
  await n.as('editor');
  await n.call('reviewAction', { id: a.id, request: { action: 'approve', opinion: 'Fine.' }, acknowledgeRecommendedChecks: true });
  await n.as('second');
  const { threads } = await n.call('annotate', { id: a.id, op: { kind: 'open', thread: 'm-damage01', quote: 'first', text: 'Check the figure.' } });
  await n.call('ignoreFinding', { id: a.id, findingId: 'byline:0', reason: 'House style.' });
  await n.call('annotate', { id: a.id, op: { kind: 'reply', thread: threads[0]!.id, text: 'Checked.' } });
  await n.call('ignoreFinding', { id: a.id, findingId: 'headline:0', reason: 'Agreed.' });
  const edited = await n.call('saveArticle', { id: a.id, baseRevision: a.revision, content: contentOf(a, 'The edited first paragraph.') });
  await n.call('recordRevision', { id: a.id, kind: 'save', label: 'edited' });
  await n.as('reporter');
  const b = await n.call('createArticle', { language: 'en' });
  await n.call('saveArticle', { id: b.id, baseRevision: 0, content: { ...contentOf(b, 'Healthy.'), headline: 'A healthy article' } });
  const c = await n.call('createArticle', { language: 'en' });
  await n.call('saveArticle', { id: c.id, baseRevision: 0, content: { ...contentOf(c, 'Trashed.'), headline: 'A trashed article' } });
  await n.call('trashArticle', { id: c.id });
  ids = { a: a.id, b: b.id, c: c.id, second: n.people.second.id, admin: n.people.admin.id, reporter: n.people.reporter.id, thread: threads[0]!.id, aRevision: edited.revision };

  const index = await readFile(join(template, 'articles', a.id, 'history', 'index.jsonl'), 'utf8');
  const blob = index.split('\n').map((line) => (line ? (JSON.parse(line) as { blob?: string }).blob : undefined)).find(Boolean)!;
  Object.assign(files, {
    'workspace.json': 'workspace.json',
    'people.json': 'people.json',
    'article.json': `articles/${a.id}/article.json`,
    'summary.json': `articles/${a.id}/summary.json`,
    'reviews.jsonl': `articles/${a.id}/reviews.jsonl`,
    'annotation log': `articles/${a.id}/annotations/${ids.second}.jsonl`,
    'ignore log': `articles/${a.id}/ignores/${ids.second}.jsonl`,
    'history index': `articles/${a.id}/history/index.jsonl`,
    'history blob': `articles/${a.id}/history/blobs/${blob}`,
    'trashed.json': `trash/${c.id}/trashed.json`,
    'trashed summary.json': `trash/${c.id}/summary.json`,
    'trashed article.json': `trash/${c.id}/article.json`,
  });
});

afterAll(async () => {
  await rm(template, { recursive: true, force: true });
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

/** One window of the app: a call made in it, as the person working there. */
type AppWindow = (name: ApiName, input: unknown) => Promise<Result<unknown>>;

async function openApp(root: string, currentUserId: string): Promise<AppWindow> {
  const clock = steppingClock('2025-06-01T08:00:00.000Z');
  const workspace = await openWorkspace({ root, clock, sampleDir: null, author: FIRST_PERSON });
  const handlers = createHandlers({ workspace: () => workspace, settings: new MemorySettingsStore({ language: null, currentUserId }), clock });
  const caller = { session: new WindowSessions(() => currentUserId).open() };
  return (name, input) => dispatch(handlers, name, input, caller);
}

function clear(result: Result<unknown>, what: string): Result<unknown> {
  if (!result.ok) expect(result.error.code, `${what}: ${result.error.message}`).not.toBe('internal');
  return result;
}

/** Everything the interface shows about files: the workspace, library, trash and article reports, and the errors of opening. */
async function shownAboutFiles(h: AppWindow): Promise<string[]> {
  const shown: string[] = [];
  const call = async (name: ApiName, input: unknown) => clear(await h(name, input), name);
  const asText = (p: FileProblem) => `${p.file}: ${p.problem}`;
  const workspace = await call('getWorkspace', {});
  expect(workspace.ok).toBe(true);
  if (workspace.ok) shown.push(...(workspace.value as { problems: FileProblem[] }).problems.map(asText));
  const library = await call('listArticles', {});
  expect(library.ok).toBe(true);
  if (library.ok) shown.push(...(library.value as { damaged: FileProblem[] }).damaged.map(asText));
  const trash = await call('listTrash', {});
  expect(trash.ok).toBe(true);
  if (trash.ok) for (const entry of trash.value as Array<{ problems: FileProblem[] }>) shown.push(...entry.problems.map(asText));
  expect((await call('getSession', {})).ok).toBe(true);
  for (const id of [ids.a, ids.c]) {
    const report = await call('checkArticleFiles', { id });
    if (report.ok) shown.push(...(report.value as FileProblem[]).map(asText));
    const opened = await call('getArticle', { id });
    if (!opened.ok) shown.push(opened.error.message);
  }
  return shown;
}

/** Whether `damaged` is still on disk: in place (perhaps appended to), or partly or wholly set aside beside it. */
async function survives(root: string, file: string, damaged: Buffer): Promise<boolean> {
  // A trashed article's files move back to the library when it is restored.
  for (const path of [file, file.replace(/^trash\//, 'articles/')].map((f) => join(root, f))) {
    const current = await readFile(path).catch(() => null);
    if (current && current.subarray(0, damaged.length).equals(damaged)) return true;
    const beside = await readdir(dirname(path)).catch(() => [] as string[]);
    for (const name of beside.filter((n) => n.startsWith(`${basename(path)}.torn-`) || n.startsWith(`${basename(path)}.damaged-`))) {
      const setAside = await readFile(join(dirname(path), name));
      const kept = damaged.subarray(0, damaged.length - setAside.length);
      if (damaged.subarray(damaged.length - setAside.length).equals(setAside) && (kept.length === 0 || current?.subarray(0, kept.length).equals(kept))) return true;
    }
  }
  return false;
}

/** The other articles keep working: read, reviewed, exported, and saved unless nobody can be identified. */
async function expectOthersWork(h: AppWindow, kind: string): Promise<void> {
  for (const [name, input] of [
    ['getArticle', { id: ids.b }],
    ['getReview', { id: ids.b }],
    ['listRevisions', { id: ids.b }],
    ['listAnnotations', { id: ids.b }],
    ['exportArticle', { id: ids.b, format: 'html', draft: true }],
  ] as const) {
    const result = await h(name, input);
    expect(result.ok, `${name} of another article with ${kind} damaged: ${JSON.stringify(result).slice(0, 200)}`).toBe(true);
  }
  await h('setCurrentUser', { id: ids.reporter });
  const b = (await h('getArticle', { id: ids.b })) as { ok: true; value: Article };
  const saved = clear(await h('saveArticle', { id: ids.b, baseRevision: b.value.revision, content: contentOf(b.value, 'Still saving.') }), 'save');
  if (kind === 'people.json') expect(saved).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringContaining('people.json') } });
  else expect(saved.ok, `saving another article with ${kind} damaged`).toBe(true);
}

/** What a desk does next: every write that could touch the damaged file. None may fail as internal. */
async function workOn(h: AppWindow): Promise<void> {
  const a = ids.a;
  const steps: Array<[ApiName, unknown]> = [
    ['setCurrentUser', { id: ids.second }],
    ['saveArticle', { id: a, baseRevision: ids.aRevision, content: { channel: ['首页'], headline: 'h', deck: '', byline: 'b', language: 'en', body: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } } } }],
    ['annotate', { id: a, op: { kind: 'reply', thread: ids.thread, text: 'Later reply.' } }],
    ['ignoreFinding', { id: a, findingId: 'deck:0', reason: 'Later.' }],
    ['recordRevision', { id: a, kind: 'save', label: 'later' }],
    ['reviewAction', { id: a, request: { action: 'approve', opinion: 'Fine too.' }, acknowledgeOpenAnnotations: true, acknowledgeRecommendedChecks: true }],
    ['restoreArticle', { id: ids.c }],
    ['setCurrentUser', { id: ids.admin }],
    ['updatePolicy', { authorMayReview: true }],
    ['addPerson', { name: 'Late Arrival', roles: ['reporter'] }],
    ['updateProofreading', { lists: { terms: [], names: [] } }],
  ];
  for (const [name, input] of steps) clear(await h(name, input), name);
}

describe('a damaged workspace file', () => {
  const kinds = [
    'workspace.json',
    'people.json',
    'article.json',
    'summary.json',
    'reviews.jsonl',
    'annotation log',
    'ignore log',
    'history index',
    'history blob',
    'trashed.json',
    'trashed summary.json',
    'trashed article.json',
  ];
  kinds.forEach((kind, k) => {
    Object.entries(DAMAGES).forEach(([damage, make], d) => {
      it(`${kind}, ${damage}: the app opens, names it, the rest works, and its bytes survive`, async () => {
        const root = await tempDir();
        await cp(template, root, { recursive: true });
        const file = files[kind]!;
        const damaged = make(await readFile(join(root, file)), 1 + k * 3 + d);
        await writeFile(join(root, file), damaged);

        const h = await openApp(root, ids.second);
        const shown = await shownAboutFiles(h);
        expect(shown.some((text) => text.includes(file)), `nothing names ${file}; shown: ${JSON.stringify(shown)}`).toBe(true);
        await expectOthersWork(h, kind);

        await workOn(h);
        expect(await survives(root, file, damaged), `the damaged bytes of ${file} are gone`).toBe(true);
        // Reopened afterwards, the damage (or what was set aside) is still named.
        const again = await shownAboutFiles(await openApp(root, ids.second));
        const restored = file.replace(/^trash\//, 'articles/');
        expect(again.some((text) => text.includes(file) || text.includes(restored)), `after work, nothing names ${file}; shown: ${JSON.stringify(again)}`).toBe(true);
      });
    });
  });
});

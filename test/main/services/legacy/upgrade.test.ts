import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Caller } from '../../../../src/main/handlers';
import { FORMAT_1_MANIFEST } from '../../../../src/main/services/legacy/upgrade';
import { API, type ApiInput, type ApiName, type ApiOutput } from '../../../../src/shared/contract/api';
import type { AppError } from '../../../../src/shared/contract/errors';
import { openEnvelope } from '../../../../src/shared/identity/envelope';
import { format1Workspace, LEGACY_MANIFEST, LEGACY_STAFF, type Format1Workspace } from '../../../helpers/format-1';
import { snapshotTree } from '../../../helpers/files';
import { openApp, passphraseOf } from '../../../helpers/handlers';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('upgrade-');
const ADMIN_PASSPHRASE = passphraseOf(LEGACY_STAFF.admin.name);

type App = Awaited<ReturnType<typeof openApp>>;

async function call<N extends ApiName>(app: App, caller: Caller, name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const result = await dispatch(app.handlers, name, input, caller);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return API[name].output.parse(result.value) as ApiOutput<N>;
}

async function refusal<N extends ApiName>(app: App, caller: Caller, name: N, input: ApiInput<N>): Promise<AppError> {
  const result = await dispatch(app.handlers, name, input, caller);
  expect(result.ok, `${name} should have been refused`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

/** Every file's bytes outside the folders the upgrade writes (roster/, keys/, the new logs), and workspace.json. */
async function legacyFiles(root: string): Promise<Map<string, string>> {
  const tree = await snapshotTree(root);
  return new Map([...tree].filter(([path]) => !/^(roster|keys)\//.test(path) && !/^articles\/[^/]+\/(log|blobs)\//.test(path) && path !== 'workspace.json' && path !== FORMAT_1_MANIFEST));
}

/** A format-1 workspace and its upgraded copy (the upgrade runs once per file: a key costs a KDF). */
let fixture: string;
let upgradedFixture: string;
let before: Map<string, string>;
beforeAll(async () => {
  const { mkdtemp, cp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const base = await mkdtemp(join(tmpdir(), 'upgrade-fixture-'));
  fixture = join(base, 'format-1');
  await format1Workspace(fixture);
  before = await snapshotTree(fixture);
  upgradedFixture = join(base, 'upgraded');
  await cp(fixture, upgradedFixture, { recursive: true });
  const app = await openApp(upgradedFixture);
  await call(app, { session: app.sessions.open() }, 'upgradeWorkspace', { personId: LEGACY_STAFF.admin.id, passphrase: ADMIN_PASSPHRASE });
}, 60_000);

async function copyOf(source: string): Promise<{ root: string; app: App; legacy: Format1Workspace }> {
  const { cp } = await import('node:fs/promises');
  const root = join(await tempDir(), 'ws');
  await cp(source, root, { recursive: true });
  const legacy: Format1Workspace = { root, people: {} as Format1Workspace['people'], signedOff: '20250401-aaaaaaaaa1', inReview: '20250401-bbbbbbbbb2', trashed: '20250401-ccccccccc3' };
  return { root, app: await openApp(root), legacy };
}

describe('a format-1 workspace', () => {
  it('opens as needing its upgrade: the page is offered its administrators, and nothing is read or written as format 2', async () => {
    const { root, app } = await copyOf(fixture);
    const window = { session: app.sessions.open() };
    const session = await call(app, window, 'getSession', {});
    expect(session).toMatchObject({ status: 'needs-upgrade', currentUser: null, upgrade: { admins: [{ id: LEGACY_STAFF.admin.id, name: LEGACY_STAFF.admin.name }], articles: 3 } });
    expect(await call(app, window, 'getWorkspace', {})).toMatchObject({ status: 'needs-upgrade', workspaceId: null });
    expect(await refusal(app, window, 'listArticles', {})).toMatchObject({ refusal: { code: 'needs-upgrade' } });
    expect(await refusal(app, window, 'getReview', { id: '20250401-aaaaaaaaa1' })).toMatchObject({ refusal: { code: 'needs-upgrade' } });
    expect(await refusal(app, window, 'setUpWorkspace', { name: '周明远', passphrase: passphraseOf('周明远') })).toMatchObject({ code: 'forbidden' });
    expect(await snapshotTree(root)).toEqual(before);
  });

  it('is upgraded only by an administrator on its list, with a passphrase that is long enough; a refused upgrade writes nothing', async () => {
    const { root, app } = await copyOf(fixture);
    const window = { session: app.sessions.open() };
    expect(await refusal(app, window, 'upgradeWorkspace', { personId: LEGACY_STAFF.editor.id, passphrase: passphraseOf('王丽') })).toMatchObject({ refusal: { code: 'not-upgrade-admin' } });
    expect(await refusal(app, window, 'upgradeWorkspace', { personId: 'u-nobody0001', passphrase: ADMIN_PASSPHRASE })).toMatchObject({ refusal: { code: 'not-upgrade-admin' } });
    expect(await refusal(app, window, 'upgradeWorkspace', { personId: LEGACY_STAFF.admin.id, passphrase: 'short' })).toMatchObject({ refusal: { code: 'weak-passphrase' } });
    expect(await snapshotTree(root)).toEqual(before);
    expect((await call(app, window, 'getSession', {})).status).toBe('needs-upgrade');
  });

  it('refuses the upgrade while people.json is damaged, and leaves the file as it is', async () => {
    const { root, app } = await copyOf(fixture);
    const people = join(root, 'people.json');
    await writeFile(people, '{"format": 1, "people": [');
    const window = { session: app.sessions.open() };
    const error = await refusal(app, window, 'upgradeWorkspace', { personId: LEGACY_STAFF.admin.id, passphrase: ADMIN_PASSPHRASE });
    expect(error).toMatchObject({ code: 'damaged', message: expect.stringMatching(/^people\.json .*the file was left as it is/) });
    expect(await readFile(people, 'utf8')).toBe('{"format": 1, "people": [');
    expect(await readdir(root)).not.toContain('roster');
  });
});

describe('the upgrade', () => {
  it('signs in the administrator and writes, signed by them, the newsroom list as people.json had it and the house rules of workspace.json', async () => {
    const { root, app } = await copyOf(fixture);
    const window = { session: app.sessions.open() };
    const session = await call(app, window, 'upgradeWorkspace', { personId: LEGACY_STAFF.admin.id, passphrase: ADMIN_PASSPHRASE });
    expect(session).toMatchObject({ status: 'ready', currentUser: { id: LEGACY_STAFF.admin.id, name: '孙华' }, policy: LEGACY_MANIFEST.review });
    expect(session.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(session.roster.people.map((person) => [person.id, person.name, person.roles, person.active])).toEqual(
      Object.values(LEGACY_STAFF).map((person) => [person.id, person.name, person.roles, true]),
    );
    // Only the administrator has a key; everyone else needs an enrolment code.
    expect(session.keys.filter((entry) => entry.fingerprint !== null).map((entry) => entry.id)).toEqual([LEGACY_STAFF.admin.id]);
    const info = await call(app, window, 'getWorkspace', {});
    expect(info).toMatchObject({ status: 'ready', name: LEGACY_MANIFEST.name, channels: LEGACY_MANIFEST.channels, problems: [] });
    expect(info.admins).toEqual([expect.objectContaining({ id: LEGACY_STAFF.admin.id, fingerprints: [session.fingerprint] })]);
    expect(JSON.parse(await readFile(join(root, 'workspace.json'), 'utf8'))).toMatchObject({ format: 2, workspaceId: info.workspaceId, name: LEGACY_MANIFEST.name });
    expect(JSON.parse(await readFile(join(root, FORMAT_1_MANIFEST), 'utf8'))).toEqual(LEGACY_MANIFEST);
    // Every roster line is the administrator's.
    const rosterFiles = await readdir(join(root, 'roster'));
    expect(rosterFiles).toHaveLength(1);
    expect(rosterFiles[0]).toMatch(new RegExp(`^${LEGACY_STAFF.admin.id}\\.d-[0-9a-f]{10}\\.jsonl$`));
    // And it runs once.
    expect(await refusal(app, { session: app.sessions.open() }, 'upgradeWorkspace', { personId: LEGACY_STAFF.admin.id, passphrase: ADMIN_PASSPHRASE })).toMatchObject({ refusal: { code: 'already-set-up' } });
  });

  it('attests each article’s format-1 files by SHA-256 and line count, and converts nothing in place', async () => {
    const root = upgradedFixture;
    const lines = (await readFile(join(root, 'roster', (await readdir(join(root, 'roster')))[0]!), 'utf8')).trimEnd().split('\n');
    const events = lines.map((line) => {
      const opened = openEnvelope(line);
      if (!opened.ok) throw new Error(opened.detail);
      return (opened.value.payload as { event: { kind: string; articles?: Array<{ id: string; authorId: string; files: Array<{ path: string; sha256: string; lines: number }> }> } }).event;
    });
    const attested = events.flatMap((event) => (event.kind === 'upgrade' ? event.articles! : []));
    expect(attested.map((article) => article.id).sort()).toEqual(['20250401-aaaaaaaaa1', '20250401-bbbbbbbbb2', '20250401-ccccccccc3']);
    for (const article of attested) {
      expect(article.authorId).toBe(LEGACY_STAFF.author.id);
      for (const file of article.files) {
        const text = await readFile(join(root, 'articles', article.id, ...file.path.split('/')), 'utf8');
        expect(file.sha256).toBe(createHash('sha256').update(text).digest('hex'));
        expect(file.lines).toBe(text.split('\n').filter((line) => line !== '').length);
      }
    }
    expect(attested.find((article) => article.id === '20250401-aaaaaaaaa1')!.files.map((file) => file.path).sort()).toEqual([
      'annotations/u-legacyeditor.jsonl',
      'history/index.jsonl',
      'ignores/u-legacyeditor.jsonl',
      'reviews.jsonl',
    ]);
    // Every format-1 file is where it was (the trashed article's folder moved whole into articles/), byte for byte.
    const moved = new Map([...before].map(([path, bytes]) => [path.replace(/^trash\//, 'articles/'), bytes]));
    const after = await legacyFiles(root);
    for (const [path, bytes] of [...moved].filter(([path]) => path !== 'workspace.json')) expect(after.get(path), path).toBe(bytes);
  });

  it('shows format-1 review records as unsigned (before signatures), counts them, and never re-signs them', async () => {
    const { app, legacy } = await copyOf(upgradedFixture);
    const window = { session: app.sessions.open() };
    const review = await call(app, window, 'getReview', { id: legacy.signedOff });
    expect(review.records.map((record) => [record.action, record.actorId, record.status, record.fingerprint])).toEqual([
      ['submit', LEGACY_STAFF.author.id, 'unsigned-legacy', null],
      ['approve', LEGACY_STAFF.editor.id, 'unsigned-legacy', null],
      ['approve', LEGACY_STAFF.second.id, 'unsigned-legacy', null],
      ['approve', LEGACY_STAFF.third.id, 'unsigned-legacy', null],
    ]);
    expect(review.state.signedOff).toBe(true);
    expect(review.problem).toBeNull();
    expect((await call(app, window, 'exportStatus', { id: legacy.signedOff })).final).toBe(true);
    expect((await call(app, window, 'getReview', { id: legacy.inReview })).state).toMatchObject({ stage: 'second', signedOff: false });

    // The articles' signed logs hold one line each, the administrator's attestation of the copy: no review record was signed for anyone.
    for (const id of [legacy.signedOff, legacy.inReview, legacy.trashed]) {
      const { verdict } = await app.workspace.articles.state(id);
      const signed = verdict.records.filter((record) => record.status === 'signed');
      expect(signed.every((record) => record.by === LEGACY_STAFF.admin.id)).toBe(true);
      expect(signed.filter((record) => record.kind === 'review')).toEqual([]);
      expect(verdict.revisions.map((revision) => revision.event.kind)).toEqual(['upgrade']);
    }
    const article = await call(app, window, 'getArticle', { id: legacy.signedOff });
    expect(article).toMatchObject({ headline: '千年茶山种出数字新动能', authorId: LEGACY_STAFF.author.id, createdBy: '林晓岚', createdAt: '2025-04-01T01:00:00.000Z' });
  });

  it('keeps format-1 annotations, ignore decisions and history, shown as unsigned, and the trash as a signed trash event', async () => {
    const { app, legacy } = await copyOf(upgradedFixture);
    const window = { session: app.sessions.open() };
    const annotations = await call(app, window, 'listAnnotations', { id: legacy.signedOff });
    expect(annotations.threads).toEqual([expect.objectContaining({ id: 'm-legacy0001', resolved: true })]);
    expect(annotations.unsigned).toEqual(['c-legacy0001']);
    expect((await call(app, window, 'getProofreading', { id: legacy.signedOff })).ignores).toEqual([expect.objectContaining({ reason: '引文不宜拆分', by: LEGACY_STAFF.editor.id })]);
    const history = await call(app, window, 'listRevisions', { id: legacy.signedOff });
    expect(history.revisions.map((revision) => [revision.id.slice(0, 9), revision.status, revision.kind])).toEqual([
      ['legacy-1', 'unsigned-legacy', 'auto'],
      ['legacy-2', 'unsigned-legacy', 'save'],
      [expect.stringMatching(/^[0-9a-f]{9}$/), 'signed', 'upgrade'],
    ]);
    expect((await call(app, window, 'listArticles', {})).articles.map((article) => article.id).sort()).toEqual([legacy.signedOff, legacy.inReview]);
    expect(await call(app, window, 'listTrash', {})).toEqual([expect.objectContaining({ id: legacy.trashed, headline: '一篇重复报道的作废稿件', trashReason: '重复' })]);
  });

  it('reports a format-1 file changed after it was attested, and refuses review actions on that article only', async () => {
    const { root, app, legacy } = await copyOf(upgradedFixture);
    const admin = { session: app.sessions.open() };
    await call(app, admin, 'signIn', { personId: LEGACY_STAFF.admin.id, passphrase: ADMIN_PASSPHRASE });
    const reviews = join(root, 'articles', legacy.signedOff, 'reviews.jsonl');
    const text = await readFile(reviews, 'utf8');
    await writeFile(reviews, text.replace('同意送三审。', '不同意。'));
    const review = await call(app, admin, 'getReview', { id: legacy.signedOff });
    expect(review.state.signedOff).toBe(false);
    expect(review.problem).toContain('reviews.jsonl');
    expect(review.problems.map((problem) => problem.code)).toContain('legacy-changed');
    expect((await call(app, admin, 'exportStatus', { id: legacy.signedOff })).final).toBe(false);
    expect(await refusal(app, admin, 'reviewAction', { id: legacy.signedOff, request: { action: 'reopen', reason: '复查' } })).toMatchObject({ refusal: { code: 'chain-damaged' } });
    // A line added after the attestation is reported too; the other article is unaffected.
    await writeFile(reviews, text);
    await appendFile(reviews, text.split('\n')[0] + '\n');
    expect((await call(app, admin, 'getReview', { id: legacy.signedOff })).problems.map((problem) => problem.code)).toContain('legacy-changed');
    expect((await call(app, admin, 'getReview', { id: legacy.inReview })).problem).toBeNull();
  });

  it('lets everyone else in with an enrolment code from the administrator; what they do next is signed and follows the unsigned records', async () => {
    const { app, legacy } = await copyOf(upgradedFixture);
    const admin = { session: app.sessions.open() };
    await call(app, admin, 'signIn', { personId: LEGACY_STAFF.admin.id, passphrase: ADMIN_PASSPHRASE });
    const window = { session: app.sessions.open() };
    // Without a code, nobody else can sign in: there is no key of theirs.
    expect(await refusal(app, window, 'signIn', { personId: LEGACY_STAFF.second.id, passphrase: passphraseOf('赵敏') })).toMatchObject({ refusal: { code: 'no-key' } });
    const { enrolment } = await call(app, admin, 'issueEnrolment', { personId: LEGACY_STAFF.second.id });
    await call(app, window, 'firstSignIn', { personId: LEGACY_STAFF.second.id, code: enrolment.code, passphrase: passphraseOf('赵敏') });
    const review = await call(app, window, 'reviewAction', { id: legacy.inReview, request: { action: 'approve', opinion: '同意送三审。' }, acknowledgeRecommendedChecks: true });
    expect(review.records.map((record) => [record.actorId, record.status])).toEqual([
      [LEGACY_STAFF.author.id, 'unsigned-legacy'],
      [LEGACY_STAFF.editor.id, 'unsigned-legacy'],
      [LEGACY_STAFF.second.id, 'signed'],
    ]);
    expect(review.state.stage).toBe('third');
    // The editor, who approved the first review before signatures, still cannot take another review.
    const { enrolment: editorCode } = await call(app, admin, 'updatePerson', { id: LEGACY_STAFF.editor.id, roles: ['editor', 'third'] }).then(() => call(app, admin, 'issueEnrolment', { personId: LEGACY_STAFF.editor.id }));
    const editor = { session: app.sessions.open() };
    await call(app, editor, 'firstSignIn', { personId: LEGACY_STAFF.editor.id, code: editorCode.code, passphrase: passphraseOf('王丽') });
    expect(await refusal(app, editor, 'reviewAction', { id: legacy.inReview, request: { action: 'approve', opinion: '同意签发。' }, acknowledgeRecommendedChecks: true })).toMatchObject({ refusal: { code: 'already-reviewed-other-stage' } });
  });
});

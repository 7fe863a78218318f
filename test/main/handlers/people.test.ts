import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/handlers';
import { SignedLogStore } from '../../../src/main/services/identity/signed-log-store';
import { SignedLogWriter } from '../../../src/main/services/identity/signed-log-writer';
import type { ApiName } from '../../../src/shared/contract/api';
import { ed25519 } from '../../../src/shared/identity/ed25519';
import { ROSTER_DIR } from '../../../src/shared/identity/layout';
import { DEFAULT_WORKSPACE_POLICY } from '../../../src/shared/review/workspace-policy';
import { snapshotTree } from '../../helpers/files';
import { passphraseOf, unlocked } from '../../helpers/handlers';
import { newsroom, signedOffArticle, submittedArticle, type Newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';
import { openTempWorkspace } from '../../helpers/workspace';

const tempDir = useTempDirs('people-handlers-');

const rosterFiles = (n: Newsroom) => snapshotTree(join(n.workspace.layout.root, ROSTER_DIR));

describe('getSession', () => {
  it('describes who is signed in at this window, the roster with everyone’s key fingerprints, and the house rules', async () => {
    const n = await newsroom(await tempDir());
    const session = await n.call('getSession', {});
    expect(session).toMatchObject({ status: 'ready', currentUser: { name: '林晓岚', roles: ['reporter', 'admin'] }, rosterProblem: null, policy: DEFAULT_WORKSPACE_POLICY, lockAfterMinutes: 15 });
    expect(session.fingerprint).toBe(unlocked(n.keys.get(n.people.admin.id)!).fingerprint);
    expect(session.roster.people.map((p) => [p.name, p.roles])).toEqual([
      ['林晓岚', ['reporter', 'admin']],
      ['周明远', ['reporter']],
      ['王丽', ['editor']],
      ['赵敏', ['second']],
      ['陈杰', ['third']],
    ]);
    expect(session.keys.map((entry) => entry.fingerprint)).toEqual(session.roster.people.map((person) => unlocked(n.keys.get(person.id)!).fingerprint));
    await n.as('third');
    expect((await n.call('getSession', {})).currentUser?.name).toBe('陈杰');
  });
});

describe('changing the roster and the house rules', () => {
  it('lets only an administrator add or change people, keys, the policy and the settings, writing nothing otherwise', async () => {
    const n = await newsroom(await tempDir());
    await n.as('editor');
    const before = await rosterFiles(n);
    const adminOnly = { code: 'forbidden', refusal: { code: 'admin-only' } };
    expect(await n.fail('addPerson', { name: '何平', roles: ['editor'] })).toMatchObject(adminOnly);
    expect(await n.fail('updatePerson', { id: n.people.editor.id, roles: ['editor', 'admin'] })).toMatchObject(adminOnly);
    expect(await n.fail('updatePerson', { id: n.people.admin.id, active: false })).toMatchObject(adminOnly);
    expect(await n.fail('issueEnrolment', { personId: n.people.admin.id })).toMatchObject(adminOnly);
    expect(await n.fail('revokeKey', { personId: n.people.admin.id, reason: 'lost' })).toMatchObject(adminOnly);
    expect(await n.fail('updatePolicy', { authorMayReview: true })).toMatchObject(adminOnly);
    expect(await n.fail('updateWorkspaceSettings', { lockAfterMinutes: 240 })).toMatchObject(adminOnly);
    expect(await n.fail('updateProofreading', { lists: { terms: [], names: [] } })).toMatchObject(adminOnly);
    expect(await rosterFiles(n)).toEqual(before);
  });

  it('refuses a second person of the same name and taking away the last administrator', async () => {
    const n = await newsroom(await tempDir());
    const before = await rosterFiles(n);
    expect(await n.fail('addPerson', { name: ' 王丽 ', roles: [] })).toMatchObject({ refusal: { code: 'name-confusable', params: { existing: '王丽' } } });
    expect(await n.fail('updatePerson', { id: n.people.admin.id, roles: ['reporter'] })).toMatchObject({ refusal: { code: 'roster-refused', params: { reason: 'last-admin' } } });
    expect(await n.fail('updatePerson', { id: n.people.admin.id, active: false })).toMatchObject({ refusal: { code: 'roster-refused', params: { reason: 'last-admin' } } });
    expect(await rosterFiles(n)).toEqual(before);
    await n.call('updatePerson', { id: n.people.third.id, roles: ['third', 'admin'] });
    expect((await n.call('updatePerson', { id: n.people.admin.id, roles: ['reporter'] })).currentUser?.roles).toEqual(['reporter']);
  });

  it.each([
    ['a zero-width space', '王\u200b丽', 'name-invisible-character'],
    ['a right-to-left mark', '\u200f王丽', 'name-invisible-character'],
    ['a right-to-left override', 'Wang \u202eiL', 'name-invisible-character'],
    ['a Cyrillic letter', 'W\u0430ng Li', 'name-confusable'],
    ['full-width letters', 'Ｗａｎｇ Ｌｉ', 'name-confusable'],
  ])('refuses a name that looks like one on the roster through %s, adding no one', async (_how, name, code) => {
    const n = await newsroom(await tempDir());
    await n.call('addPerson', { name: 'Wang Li', roles: ['editor'] });
    const before = await rosterFiles(n);
    expect(await n.fail('addPerson', { name, roles: ['editor'] })).toMatchObject({ code: 'forbidden', refusal: { code } });
    expect(await rosterFiles(n)).toEqual(before);
    expect((await n.call('getSession', {})).roster.people).toHaveLength(6);
  });

  it('keeps the policy and the settings as signed roster events, read again by a desk that opens the folder', async () => {
    const root = await tempDir();
    const n = await newsroom(root);
    expect((await n.call('updatePolicy', { authorMayReview: true })).policy).toEqual({ authorMayReview: true, blockApprovalWithOpenAnnotations: false });
    expect((await n.call('updateWorkspaceSettings', { lockAfterMinutes: 5 })).lockAfterMinutes).toBe(5);
    const reopened = await openTempWorkspace(root);
    const view = await reopened.roster();
    expect(view.policy).toEqual({ authorMayReview: true, blockApprovalWithOpenAnnotations: false });
    expect(view.settings.lockAfterMinutes).toBe(5);
  });

  it('stops a person deactivated while signed in: their window is refused and locked', async () => {
    const n = await newsroom(await tempDir());
    await n.call('updatePerson', { id: n.people.reporter.id, active: false });
    await n.as('reporter');
    expect(await n.fail('createArticle', { language: 'en' })).toMatchObject({ refusal: { code: 'inactive-person' } });
    expect(n.windows.reporter.session.personId).toBeNull();
    expect(await n.fail('signIn', { personId: n.people.reporter.id, passphrase: passphraseOf('周明远') })).toMatchObject({ refusal: { code: 'inactive-person' } });
  });
});

describe('a non-administrator', () => {
  it('cannot grant herself (or anyone) a role by any sequence of calls, at her window or another', async () => {
    const n = await newsroom(await tempDir());
    const article = await submittedArticle(n);
    await n.as('editor');
    const before = await rosterFiles(n);
    const attempts: Array<[ApiName, unknown]> = [
      ['addPerson', { name: '王丽二号', roles: ['admin'] }],
      ['updatePerson', { id: n.people.editor.id, roles: ['editor', 'second', 'third', 'admin'] }],
      ['updatePerson', { id: n.people.reporter.id, roles: ['admin'] }],
      ['issueEnrolment', { personId: n.people.admin.id }],
      ['revokeKey', { personId: n.people.admin.id, reason: 'take over' }],
      ['updatePolicy', { authorMayReview: true }],
      // Signing in as the administrator needs the administrator's passphrase, or a code the administrator issued.
      ['signIn', { personId: n.people.admin.id, passphrase: passphraseOf('王丽') }],
      ['signIn', { personId: n.people.admin.id }],
      ['firstSignIn', { personId: n.people.admin.id, code: 'ABCD-EFGH-JKMN-PQRS-TVWX', passphrase: passphraseOf('王丽') }],
      ['firstSignIn', { personId: n.people.editor.id, code: 'ABCD-EFGH-JKMN-PQRS-TVWX', passphrase: passphraseOf('王丽') }],
      ['setUpWorkspace', { name: '王丽', passphrase: passphraseOf('王丽') }],
      ['upgradeWorkspace', { personId: n.people.editor.id, passphrase: passphraseOf('王丽') }],
    ];
    for (const [name, input] of attempts) {
      const result = await dispatch(n.handlers, name, input, n.caller);
      expect(result.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
    }
    // The administrator locks her window and leaves: it is of no use to anyone else.
    await n.as('admin');
    await n.call('lock', {});
    for (const [name, input] of attempts.slice(0, 6)) expect(await n.fail(name, input as never), name).toMatchObject({ refusal: { code: 'locked' } });
    expect(await n.fail('signIn', { personId: n.people.admin.id, passphrase: passphraseOf('王丽') })).toMatchObject({ refusal: { code: 'wrong-passphrase' } });
    // A window cannot take over another's session by naming an id it does not hold.
    expect(n.sessions.open('x'.repeat(32)).personId).toBeNull();

    // Her own key, used outside the app: a roster event she signs is refused before it is written…
    const key = unlocked(n.keys.get(n.people.editor.id)!);
    await expect(n.workspace.rosterLog().append(n.workspace.writer, key, { kind: 'set-roles', personId: n.people.editor.id, roles: ['editor', 'third'] })).rejects.toMatchObject({ code: 'not-admin' });
    expect(await rosterFiles(n)).toEqual(before);
    // …and one written anyway, straight into her own file, does not count; the roster names it.
    const writer = new SignedLogWriter(await ed25519(), await n.data.deskId(), n.clock);
    const { verdict } = await n.workspace.roster();
    await writer.appendRoster(new SignedLogStore(n.workspace.layout.root, ROSTER_DIR), key, { parents: verdict.heads, event: { kind: 'set-roles', personId: n.people.editor.id, roles: ['editor', 'third', 'admin'] } });

    const session = await n.call('getSession', {});
    expect(session.roster.people.find((person) => person.id === n.people.editor.id)?.roles).toEqual(['editor']);
    expect(session.roster.people.filter((person) => person.roles.includes('admin')).map((person) => person.id)).toEqual([n.people.admin.id]);
    expect((await n.call('getWorkspace', {})).problems).toContainEqual({ file: `roster/${n.people.editor.id}.${await n.data.deskId()}.jsonl`, problem: expect.stringMatching(/^line \d+: not-admin: /) });
    // She approves the first review as before, and still cannot act at another.
    await n.as('editor');
    await n.call('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' }, acknowledgeRecommendedChecks: true });
    expect(await n.fail('reviewAction', { id: article.id, request: { action: 'approve', opinion: '同意。' } })).toMatchObject({ refusal: { code: 'not-your-stage' } });
  });
});

describe('keys', () => {
  it('keeps what a key signed before it was revoked, and refuses what it signs after', async () => {
    const n = await newsroom(await tempDir());
    const article = await signedOffArticle(n);
    const editorKey = n.keys.get(n.people.editor.id)!;
    await n.as('admin');
    await n.call('revokeKey', { personId: n.people.editor.id, reason: 'laptop lost' });
    const review = await n.call('getReview', { id: article.id });
    expect(review.records.find((record) => record.actorId === n.people.editor.id)).toMatchObject({ status: 'signed', fingerprint: unlocked(editorKey).fingerprint });
    expect(review.state.signedOff).toBe(true);
    // The editor's window is locked at its next call, and her passphrase no longer opens anything.
    await n.as('editor');
    expect(await n.fail('createArticle', { language: 'en' })).toMatchObject({ refusal: { code: 'locked' } });
    expect(await n.fail('signIn', { personId: n.people.editor.id, passphrase: passphraseOf('王丽') })).toMatchObject({ refusal: { code: 'no-key' } });
    // A line signed with the revoked key afterwards (outside the app) is refused, and the article says so.
    const { state } = await n.workspace.articles.read(article.id);
    const writer = new SignedLogWriter(await ed25519(), await n.data.deskId(), n.clock);
    await writer.appendArticle(n.workspace.articles.logs.store(article.id), unlocked(editorKey), {
      kind: 'review',
      articleId: article.id,
      parents: state.verdict.heads,
      roster: state.roster.verdict.heads,
      event: { action: 'reopen', actorName: '王丽', stage: 'signed', opinion: 'Reopened with a revoked key.', contentHash: review.state.currentHash },
    });
    const after = await n.call('getReview', { id: article.id });
    expect(after.records.at(-1)).toMatchObject({ action: 'reopen', status: 'forged' });
    expect(after.problem).toContain(n.people.editor.id);
    expect(after.state.signedOff).toBe(false);
  });

  it('issues a new enrolment for a forgotten passphrase: the old key is revoked, the person chooses a new passphrase, earlier signatures stay theirs', async () => {
    const n = await newsroom(await tempDir());
    const article = await signedOffArticle(n);
    const old = unlocked(n.keys.get(n.people.second.id)!).fingerprint;
    await n.as('admin');
    const { enrolment } = await n.call('issueEnrolment', { personId: n.people.second.id });
    expect(enrolment.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const window = n.window();
    expect(await dispatch(n.handlers, 'signIn', { personId: n.people.second.id, passphrase: passphraseOf('赵敏') }, window)).toMatchObject({ ok: false, error: { refusal: { code: 'no-key' } } });
    const signed = await dispatch(n.handlers, 'firstSignIn', { personId: n.people.second.id, code: enrolment.code, passphrase: '赵敏 的新口令 2025' }, window);
    expect(signed).toMatchObject({ ok: true, value: { currentUser: { id: n.people.second.id } } });
    const fresh = (signed as { value: { fingerprint: string } }).value.fingerprint;
    expect(fresh).not.toBe(old);
    // The code works once.
    expect(await dispatch(n.handlers, 'firstSignIn', { personId: n.people.second.id, code: enrolment.code, passphrase: '赵敏 的新口令 2025' }, n.window())).toMatchObject({ ok: false, error: { refusal: { code: 'bad-enrolment-code' } } });
    const keys = (await n.call('getSession', {})).keys.find((entry) => entry.id === n.people.second.id)!;
    expect(keys.keys.map((key) => [key.fingerprint, key.until === null])).toEqual([
      [old, false],
      [fresh, true],
    ]);
    expect((await n.call('getReview', { id: article.id })).records.find((record) => record.actorId === n.people.second.id)).toMatchObject({ status: 'signed', fingerprint: old });
  });
});

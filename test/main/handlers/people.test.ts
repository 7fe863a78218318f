import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../../src/main/handlers';
import { MemorySettingsStore } from '../../../src/main/services/settings-store';
import { WindowSessions } from '../../../src/main/services/window-sessions';
import { DEFAULT_WORKSPACE_POLICY } from '../../../src/shared/review/workspace-policy';
import { newsroom } from '../../helpers/newsroom';
import { useTempDirs } from '../../helpers/temp-dir';
import { openTempWorkspace, steppingClock } from '../../helpers/workspace';

const tempDir = useTempDirs('people-handlers-');

describe('getSession and setCurrentUser', () => {
  it('describes who is at the desk, the roster and the house rules', async () => {
    const n = await newsroom(await tempDir());
    const session = await n.call('getSession', {});
    expect(session).toMatchObject({ currentUser: { name: '林晓岚', roles: ['reporter', 'admin'] }, rosterProblem: null, policy: DEFAULT_WORKSPACE_POLICY });
    expect(session.roster.people.map((p) => [p.name, p.roles])).toEqual([
      ['林晓岚', ['reporter', 'admin']],
      ['周明远', ['reporter']],
      ['王丽', ['editor']],
      ['赵敏', ['second']],
      ['陈杰', ['third']],
    ]);
  });

  it('switches only to an active person of the roster', async () => {
    const n = await newsroom(await tempDir());
    expect((await n.fail('setCurrentUser', { id: 'u-nobody01' })).refusal?.code).toBe('unknown-person');
    await n.call('updatePerson', { id: n.people.second.id, active: false });
    expect((await n.fail('setCurrentUser', { id: n.people.second.id })).refusal?.code).toBe('inactive-person');
    expect(n.settings.get().currentUserId).toBe(n.people.admin.id);
    await n.as('third');
    expect((await n.call('getSession', {})).currentUser?.name).toBe('陈杰');
  });

  it('stops a person deactivated while at the desk from acting', async () => {
    const n = await newsroom(await tempDir());
    await n.call('updatePerson', { id: n.people.reporter.id, active: false });
    // The reporter's window had chosen them before the admin deactivated them.
    n.caller.session.personId = n.people.reporter.id;
    expect((await n.fail('createArticle', { language: 'en' })).refusal?.code).toBe('inactive-person');
  });
});

describe('changing the roster and the house rules', () => {
  it('lets only an admin add or change people and the policy, changing nothing otherwise', async () => {
    const n = await newsroom(await tempDir());
    await n.as('editor');
    const people = await readFile(n.workspace.layout.people);
    const manifest = await readFile(n.workspace.layout.manifest);
    const adminOnly = { code: 'forbidden', refusal: { code: 'admin-only' } };
    expect(await n.fail('addPerson', { name: '何平', roles: ['editor'] })).toMatchObject(adminOnly);
    expect(await n.fail('updatePerson', { id: n.people.editor.id, roles: ['editor', 'admin'] })).toMatchObject(adminOnly);
    expect(await n.fail('updatePolicy', { authorMayReview: true })).toMatchObject(adminOnly);
    expect(await readFile(n.workspace.layout.people)).toEqual(people);
    expect(await readFile(n.workspace.layout.manifest)).toEqual(manifest);
  });

  it('refuses a second person of the same name and taking away the last admin', async () => {
    const n = await newsroom(await tempDir());
    expect((await n.fail('addPerson', { name: ' 王丽 ', roles: [] })).refusal?.code).toBe('duplicate-name');
    expect((await n.fail('updatePerson', { id: n.people.admin.id, roles: ['reporter'] })).refusal?.code).toBe('last-admin');
    await n.call('updatePerson', { id: n.people.third.id, roles: ['third', 'admin'] });
    expect((await n.call('updatePerson', { id: n.people.admin.id, roles: ['reporter'] })).currentUser?.roles).toEqual(['reporter']);
  });

  it('keeps the policy in workspace.json', async () => {
    const root = await tempDir();
    const n = await newsroom(root);
    expect((await n.call('updatePolicy', { authorMayReview: true })).policy).toEqual({ authorMayReview: true, blockApprovalWithOpenAnnotations: false });
    expect((await openTempWorkspace(root)).policy()).toEqual({ authorMayReview: true, blockApprovalWithOpenAnnotations: false });
  });
});

describe('createFirstPerson', () => {
  it('gives an empty workspace its first person, an admin at the desk, and only once', async () => {
    const workspace = await openTempWorkspace(await tempDir());
    const settings = new MemorySettingsStore({ language: null, currentUserId: null });
    const handlers = createHandlers({ workspace: () => workspace, settings, clock: steppingClock() });
    const caller = { session: new WindowSessions(() => null).open() };
    const first = await dispatch(handlers, 'createFirstPerson', { name: '林晓岚' }, caller);
    expect(first).toMatchObject({ ok: true, value: { currentUser: { name: '林晓岚', roles: ['reporter', 'admin'] } } });
    expect(settings.get().currentUserId).toMatch(/^u-/);
    expect(caller.session.personId).toBe(settings.get().currentUserId);
    const again = await dispatch(handlers, 'createFirstPerson', { name: '周明远' }, caller);
    expect(again).toMatchObject({ ok: false, error: { code: 'forbidden', refusal: { code: 'admin-only' } } });
    expect((await workspace.roster.load()).roster.people).toHaveLength(1);
  });
});

/**
 * Two desks (two data folders, so two desk ids) on one workspace folder, each with the real
 * handlers, and one clock both read that the tests move: leases written, renewed, lapsed, taken
 * over and released as files in the folder, read back through the other desk's handlers.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Caller } from '../../../../src/main/handlers';
import { DataFolder } from '../../../../src/main/services/data-folder';
import { DESK_NAME_FILE } from '../../../../src/main/services/leases/desk-name';
import { releaseLeases } from '../../../../src/main/services/leases/workspace-leases';
import { LiveWorkspace } from '../../../../src/main/services/live/live-workspace';
import { API, type ApiInput, type ApiName, type ApiOutput } from '../../../../src/shared/contract/api';
import { LAPSE_MS } from '../../../../src/shared/leases/lease-file';
import { openApp, tempApp, unlocked, type TempApp } from '../../../helpers/handlers';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('nr-leases-');
const STAFF = [
  { name: '王丽', roles: ['editor' as const] },
  { name: '何平', roles: ['editor' as const] },
];

/** A clock the tests move; both desks read it. */
function manualClock(start = '2025-05-01T10:02:00.000Z') {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

async function call<N extends ApiName>(handlers: TempApp['handlers'], caller: Caller, name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const result = await dispatch(handlers, name, input, caller);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return API[name].output.parse(result.value) as ApiOutput<N>;
}

async function twoDesks() {
  const root = join(await tempDir(), 'workspace');
  const clock = manualClock();
  const a = await tempApp(root, { clock }, STAFF);
  const bData = join(await tempDir(), 'desk-b-data');
  const b = await openApp(root, clock, { data: new DataFolder(bData) });
  await writeFile(join(a.data.root, DESK_NAME_FILE), JSON.stringify({ name: 'DESK-A' }));
  await writeFile(join(bData, DESK_NAME_FILE), JSON.stringify({ name: 'DESK-B' }));
  const { roster } = await a.workspace.roster();
  const idOf = (name: string) => roster.people.find((person) => person.name === name)!.id;
  const at = (desk: 'a' | 'b', name: string): Caller => {
    const caller = { session: (desk === 'a' ? a : b).sessions.open() };
    caller.session.signIn(unlocked(a.keys.get(idOf(name))!), clock.now().getTime());
    return caller;
  };
  // 林晓岚 writes an article and submits it: in the first review each editor may edit it.
  const reporter = a.caller;
  const created = await call(a.handlers, reporter, 'createArticle', { language: 'zh-CN' });
  await call(a.handlers, reporter, 'reviewAction', { id: created.id, request: { action: 'submit' }, acknowledgeRequiredChecks: true });
  const leasesDir = join(root, 'leases');
  const files = async () => (await readdir(leasesDir).catch(() => [] as string[])).sort();
  return { root, clock, a, b, at, idOf, id: created.id, reporter, leasesDir, files, deskA: await a.data.deskId(), deskB: await b.data.deskId() };
}

describe('leases across two desks', () => {
  it('opening an article to edit takes a lease that the other desk sees, renewed by heartbeats, lapsing two minutes after they stop', async () => {
    const { a, b, at, id, clock, files, deskA, idOf } = await twoDesks();
    const wang = at('a', '王丽');
    const he = at('b', '何平');
    const held = await call(a.handlers, wang, 'holdLease', { id });
    expect(held.holder).toMatchObject({ name: '王丽', deskName: 'DESK-A', deskId: deskA, mine: true, since: '2025-05-01T10:02:00.000Z' });
    expect(await files()).toEqual([`${idOf('王丽')}.${deskA}.json`]);

    // At desk B 何平 opens it: 王丽 holds it, and nothing is written for him.
    const seen = await call(b.handlers, he, 'holdLease', { id });
    expect(seen.holder).toMatchObject({ name: '王丽', deskName: 'DESK-A', mine: false, fromYou: false });
    expect(await files()).toHaveLength(1);

    // A heartbeat a few seconds later rewrites nothing; one after half the period does.
    const path = join(a.workspace.layout.root, 'leases', (await files())[0]!);
    const first = await readFile(path, 'utf8');
    clock.advance(5_000);
    await call(a.handlers, wang, 'holdLease', { id });
    expect(await readFile(path, 'utf8')).toBe(first);
    clock.advance(25_000);
    const renewed = await call(a.handlers, wang, 'holdLease', { id });
    expect(renewed.holder).toMatchObject({ since: '2025-05-01T10:02:00.000Z', heartbeat: '2025-05-01T10:02:30.000Z' });
    expect(await readFile(path, 'utf8')).not.toBe(first);

    // Desk A goes quiet: just before two minutes the lease holds, just after it has lapsed and shows nothing.
    clock.advance(LAPSE_MS - 1_000);
    expect((await call(b.handlers, he, 'listLeases', {})).holders).toHaveLength(1);
    clock.advance(2_000);
    expect((await call(b.handlers, he, 'listLeases', {})).holders).toEqual([]);
    // Then 何平 takes it simply by opening it.
    expect((await call(b.handlers, he, 'holdLease', { id })).holder).toMatchObject({ name: '何平', deskName: 'DESK-B', mine: true });
  });

  it('take over: the other desk’s claim is superseded at once, and that desk is told who took it from its person', async () => {
    const { a, b, at, id, files, deskB, idOf } = await twoDesks();
    const wang = at('a', '王丽');
    const he = at('b', '何平');
    await call(a.handlers, wang, 'holdLease', { id });
    const taken = await call(b.handlers, he, 'takeOverLease', { id });
    expect(taken.holder).toMatchObject({ name: '何平', deskName: 'DESK-B', mine: true, takenFrom: { name: '王丽' } });

    // Desk A, whose claim is still live and earlier, sees that 何平 took it over from 王丽.
    const atA = await call(a.handlers, wang, 'listLeases', {});
    expect(atA.holders).toEqual([expect.objectContaining({ article: id, name: '何平', deskName: 'DESK-B', mine: false, fromYou: true })]);
    // 王丽's page renews, learns it is 何平's, and her claim goes from her file.
    expect((await call(a.handlers, wang, 'holdLease', { id })).holder).toMatchObject({ name: '何平' });
    expect(await files()).toEqual([`${idOf('何平')}.${deskB}.json`]);
    // She takes it back in turn.
    expect((await call(a.handlers, wang, 'takeOverLease', { id })).holder).toMatchObject({ name: '王丽', takenFrom: { name: '何平' } });
    expect((await call(b.handlers, he, 'listLeases', {})).holders).toEqual([expect.objectContaining({ name: '王丽', fromYou: true })]);
  });

  it('someone who may not edit the copy takes no lease, and may not take it over', async () => {
    const { a, b, at, id, files, reporter } = await twoDesks();
    expect((await call(a.handlers, reporter, 'holdLease', { id })).holder).toBeNull();
    expect(await files()).toEqual([]);
    await call(b.handlers, at('b', '何平'), 'holdLease', { id });
    const refused = await dispatch(a.handlers, 'takeOverLease', { id }, reporter);
    expect(refused).toMatchObject({ ok: false, error: { refusal: { code: 'read-only' } } });
    expect((await call(a.handlers, reporter, 'listLeases', {})).holders).toEqual([expect.objectContaining({ name: '何平' })]);
  });

  it('closing the article, locking the window, switching person and quitting each end the lease', async () => {
    const { a, at, id, files, idOf } = await twoDesks();
    const wang = at('a', '王丽');
    await call(a.handlers, wang, 'holdLease', { id });
    await call(a.handlers, wang, 'releaseLease', { id });
    expect(await files()).toEqual([]);

    await call(a.handlers, wang, 'holdLease', { id });
    await call(a.handlers, wang, 'lock', {});
    expect((await call(a.handlers, at('a', '何平'), 'listLeases', {})).holders).toEqual([]);
    expect(await files()).toEqual([]);

    const window = at('a', '王丽');
    await call(a.handlers, window, 'holdLease', { id });
    window.session.signIn(unlocked(a.keys.get(idOf('何平'))!), Date.now());
    const afterSwitch = await call(a.handlers, window, 'holdLease', { id });
    expect(afterSwitch.holder).toMatchObject({ name: '何平', mine: true });
    expect(await files()).toEqual([`${idOf('何平')}.${await a.data.deskId()}.json`]);

    await releaseLeases(a.workspace);
    expect(await files()).toEqual([]);
  });

  it('one person in two windows at one desk is one holder, until the last window lets go', async () => {
    const { a, b, at, id, files } = await twoDesks();
    const first = at('a', '王丽');
    const second = at('a', '王丽');
    await call(a.handlers, first, 'holdLease', { id });
    expect((await call(a.handlers, second, 'holdLease', { id })).holder).toMatchObject({ name: '王丽', mine: true });
    expect(await files()).toHaveLength(1);
    await call(a.handlers, first, 'releaseLease', { id });
    expect((await call(b.handlers, at('b', '何平'), 'listLeases', {})).holders).toEqual([expect.objectContaining({ name: '王丽' })]);
    await call(a.handlers, second, 'releaseLease', { id });
    expect(await files()).toEqual([]);
  });

  it('a lease file another desk did not sign is ignored and reported', async () => {
    const { a, b, at, id, leasesDir, idOf, deskB } = await twoDesks();
    const wang = at('a', '王丽');
    await call(a.handlers, wang, 'holdLease', { id });
    // Someone copies 王丽's signed file under 何平's name at desk B, to pass it off as his.
    const [own] = await readdir(leasesDir);
    await writeFile(join(leasesDir, `${idOf('何平')}.${deskB}.json`), await readFile(join(leasesDir, own!), 'utf8'));
    const listed = await call(b.handlers, at('b', '何平'), 'listLeases', {});
    expect(listed.holders).toEqual([expect.objectContaining({ name: '王丽' })]);
    expect(listed.problems).toEqual([{ file: `leases/${idOf('何平')}.${deskB}.json`, problem: 'the lease names another person or desk than its file' }]);
  });

  it('a heartbeat at one desk reaches the other on the change feed as a lease change only', async () => {
    const { root, a, at, id, clock } = await twoDesks();
    const live = await LiveWorkspace.start(root, 'd-00000000bb', { rescanMs: 0 });
    try {
      const wang = at('a', '王丽');
      let next = live.feed.next(live.feed.current, 15_000);
      await call(a.handlers, wang, 'holdLease', { id });
      expect(await next).toMatchObject({ leases: true, articles: [], roster: false, workspace: false, everything: false });
      await live.settled();
      clock.advance(20_000);
      next = live.feed.next(live.feed.current, 15_000);
      await call(a.handlers, wang, 'holdLease', { id });
      expect(await next).toMatchObject({ leases: true, articles: [], roster: false, everything: false });
    } finally {
      live.close();
    }
  });
});

/**
 * The real handler table over a real workspace on disk, whose people are signed in. Making a
 * key costs a passphrase KDF (scrypt, about half a second), so each test file builds its
 * newsroom once — with the real key store, enrolment codes and first sign-ins — and every
 * test gets a copy of its folders; each person's window is then signed in with the key that
 * was made for them (kept in memory by this helper, never on disk).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { dispatch } from '../../src/main/handlers';
import { createHandlers, type Caller, type HandlerContext, type HandlerTable } from '../../src/main/handlers';
import type { Actor } from '../../src/main/services/articles';
import type { Clock } from '../../src/main/services/clock';
import { DataFolder } from '../../src/main/services/data-folder';
import { UnlockedKey } from '../../src/main/services/identity/unlocked-key';
import { openWorkspace, setUpWorkspace } from '../../src/main/services/open-workspace';
import { MemorySettingsStore } from '../../src/main/services/settings-store';
import { WindowSessions } from '../../src/main/services/window-sessions';
import type { Workspace } from '../../src/main/services/workspace';
import { ed25519 } from '../../src/shared/identity/ed25519';
import { findPerson, type Role } from '../../src/shared/review/people';
import { dataFolderOf } from './temp-dir';
import { steppingClock } from './workspace';

/** The name of the first person of every temp app: a reporter who runs the workspace. */
export const FIRST_PERSON = '林晓岚';
/** Every person of a temp newsroom signs in with their name and this. */
export const passphraseOf = (name: string) => `${name} 的口令 2025`;

export interface KeptKey {
  personId: string;
  keyid: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** A copy of a key made at enrolment, for signing a window in without running the KDF again. */
export function keep(key: UnlockedKey): KeptKey {
  return { personId: key.personId, keyid: key.keyid, publicKey: key.publicKey, secretKey: key.use((signer) => signer.secretKey.slice()) };
}

export function unlocked(kept: KeptKey): UnlockedKey {
  return new UnlockedKey(kept.personId, kept.keyid, kept.publicKey, kept.secretKey.slice());
}

export interface TempApp {
  workspace: Workspace;
  data: DataFolder;
  settings: MemorySettingsStore;
  handlers: HandlerTable;
  ctx: HandlerContext;
  clock: Clock;
  /** The first person's id, who is signed in to `caller`. */
  firstPersonId: string;
  /** Keys of everyone enrolled, by person id. */
  keys: Map<string, KeptKey>;
  sessions: WindowSessions;
  /** One window, the first person's to begin with. */
  caller: Caller;
  /** A new window, locked. */
  window(): Caller;
  /** A new window with `personId` signed in. */
  windowOf(personId: string): Caller;
  /** `personId` signed in, as the services take them. */
  actorOf(personId: string): Promise<Actor>;
}

interface Template {
  root: string;
  firstPersonId: string;
  keys: Map<string, KeptKey>;
}

const templates = new Map<string, Promise<Template>>();
afterAll(async () => {
  for (const template of templates.values()) await template.then((built) => rm(built.root, { recursive: true, force: true }));
  templates.clear();
});

/** A workspace whose first person is set up (and, with `staff`, who added them and whose first sign-ins are done), built once per test file. */
function template(staff: ReadonlyArray<{ name: string; roles: Role[] }>): Promise<Template> {
  const key = JSON.stringify(staff);
  let built = templates.get(key);
  if (!built) {
    built = (async () => {
      const root = join(await mkdtemp(join(tmpdir(), 'newsroom-template-')), 'workspace');
      const app = await openApp(root, steppingClock('2025-04-30T08:00:00.000Z'), {});
      const first = await setUpWorkspace(app.workspace, { name: FIRST_PERSON, passphrase: passphraseOf(FIRST_PERSON), sampleDir: null });
      const keys = new Map([[first.personId, keep(first)]]);
      const admin = { session: app.sessions.open() };
      admin.session.signIn(first, Date.now());
      for (const person of staff) {
        const added = await dispatch(app.handlers, 'addPerson', person, admin);
        if (!added.ok) throw new Error(`cannot add ${person.name}: ${added.error.message}`);
        const { enrolment } = added.value as { enrolment: { personId: string; code: string } };
        const window = { session: app.sessions.open() };
        const signed = await dispatch(app.handlers, 'firstSignIn', { personId: enrolment.personId, code: enrolment.code, passphrase: passphraseOf(person.name) }, window);
        if (!signed.ok) throw new Error(`${person.name} cannot sign in: ${signed.error.message}`);
        keys.set(enrolment.personId, keep(window.session.key!));
      }
      return { root, firstPersonId: first.personId, keys };
    })();
    templates.set(key, built);
  }
  return built;
}

/**
 * The real handler table over the workspace in `root` as it is (a new, format-1 or format-2
 * folder), with its data folder beside it unless `extra.data` names another; nobody signed in.
 */
export async function openApp(root: string, clock: Clock = steppingClock(), extra: Partial<HandlerContext> = {}) {
  const data = extra.data ?? new DataFolder(dataFolderOf(root));
  const workspace = await openWorkspace({ root, clock, data, ed: await ed25519() });
  const settings = new MemorySettingsStore({ language: null, currentUserId: null });
  const ctx: HandlerContext = { workspace: () => workspace, settings, clock, data, ...extra };
  const sessions = new WindowSessions(() => settings.get().currentUserId, () => clock.now().getTime());
  return { workspace, data, settings, ctx, handlers: createHandlers(ctx), sessions };
}

/**
 * The real handler table over a copy of a prepared workspace in `root` (no sample article),
 * with `staff` added and enrolled, and the first person signed in to the first window.
 */
export async function tempApp(root: string, extra: Partial<HandlerContext> = {}, staff: ReadonlyArray<{ name: string; roles: Role[] }> = []): Promise<TempApp> {
  const built = await template(staff);
  await cp(built.root, root, { recursive: true });
  await cp(dataFolderOf(built.root), dataFolderOf(root), { recursive: true });
  const clock = extra.clock ? (extra.clock as Clock) : steppingClock();
  const app = await openApp(root, clock, extra);
  const windowOf = (personId: string): Caller => {
    const caller = { session: app.sessions.open() };
    caller.session.signIn(unlocked(built.keys.get(personId)!), clock.now().getTime());
    return caller;
  };
  return {
    ...app,
    clock,
    firstPersonId: built.firstPersonId,
    keys: built.keys,
    caller: windowOf(built.firstPersonId),
    window: () => ({ session: app.sessions.open() }),
    windowOf,
    actorOf: async (personId) => ({ key: unlocked(built.keys.get(personId)!), person: findPerson((await app.workspace.roster()).roster, personId)! }),
  };
}

/** Every file of an article's signed log, with its text: to show nothing was written. */
export async function articleLogFiles(workspace: Workspace, id: string): Promise<Map<string, string>> {
  const { readdir, readFile } = await import('node:fs/promises');
  const dir = join(workspace.layout.articleDir(id), 'log');
  const out = new Map<string, string>();
  for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) out.set(name, await readFile(join(dir, name), 'utf8'));
  return out;
}

/** The path of `personId`'s log file of an article at this desk. */
export async function articleLogPath(app: Pick<TempApp, 'workspace' | 'data'>, id: string, personId: string): Promise<string> {
  return join(app.workspace.layout.articleDir(id), 'log', `${personId}.${await app.data.deskId()}.jsonl`);
}

/**
 * Four desks of one newsroom for the soak test: four workspace folders kept in step by real
 * Syncthing daemons on 127.0.0.1, each desk with its own data folder and the app's real handler
 * table over its folder. The first desk sets the workspace up, enrols a reporter (its first
 * person) and three reviewers and writes the articles; the other desks open their folder once
 * Syncthing reports it in sync. Every person's key is kept in memory and signed in at every desk.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dispatch, type Caller } from '../../../src/main/handlers';
import { systemClock } from '../../../src/main/services/clock';
import { DataFolder } from '../../../src/main/services/data-folder';
import { setUpWorkspace } from '../../../src/main/services/open-workspace';
import { API, type ApiInput, type ApiName, type ApiOutput } from '../../../src/shared/contract/api';
import type { Result } from '../../../src/shared/contract/errors';
import { keep, openApp, passphraseOf, unlocked, type KeptKey } from '../handlers';
import { startSyncthing, type SyncthingCluster } from '../syncthing/daemons';
import { firstCopy } from './soak-copy';

export const ROLES = ['reporter', 'editor', 'second', 'third'] as const;
export type SoakRole = (typeof ROLES)[number];

const NAMES: Record<SoakRole, string> = { reporter: '林晓岚', editor: '王丽', second: '赵敏', third: '陈杰' };

export interface SoakDesk {
  index: number;
  label: string;
  root: string;
  deskId: string;
  app: Awaited<ReturnType<typeof openApp>>;
  /** A call through the desk's handler table, as `role` signed in at this desk; its answer checked against the contract. */
  call<N extends ApiName>(role: SoakRole, name: N, input: ApiInput<N>): Promise<Result<ApiOutput<N>>>;
  /** A call that must succeed (reads, and the settling after the run). */
  must<N extends ApiName>(role: SoakRole, name: N, input: ApiInput<N>): Promise<ApiOutput<N>>;
}

export interface SoakNewsroom {
  cluster: SyncthingCluster;
  desks: SoakDesk[];
  people: Record<SoakRole, string>;
  articles: string[];
}

const openDeskApp = (root: string, dataDir: string) => openApp(root, systemClock, { data: new DataFolder(dataDir) });

async function deskOver(index: number, root: string, app: SoakDesk['app'], keys: ReadonlyMap<SoakRole, KeptKey>): Promise<SoakDesk> {
  const windows = new Map<SoakRole, Caller>();
  for (const [role, key] of keys) {
    const window = { session: app.sessions.open() };
    window.session.signIn(unlocked(key), Date.now());
    windows.set(role, window);
  }
  const call = async <N extends ApiName>(role: SoakRole, name: N, input: ApiInput<N>): Promise<Result<ApiOutput<N>>> => {
    const result = await dispatch(app.handlers, name, input, windows.get(role)!);
    return result.ok ? { ok: true, value: API[name].output.parse(result.value) as ApiOutput<N> } : result;
  };
  return {
    index,
    label: `desk ${index + 1}`,
    root,
    deskId: await app.data.deskId(),
    app,
    call,
    must: async (role, name, input) => {
      const result = await call(role, name, input);
      if (!result.ok) throw new Error(`desk ${index + 1}: ${name} as ${role} failed: ${result.error.code} ${result.error.refusal?.code ?? ''} ${result.error.message}`);
      return result.value;
    },
  };
}

/** Starts the daemons and the desks under `base`; `onCluster` is told the cluster at once, so it is stopped even if setting up fails. */
export async function startSoakNewsroom(base: string, articleCount: number, onCluster: (cluster: SyncthingCluster) => void): Promise<SoakNewsroom> {
  const folders = [0, 1, 2, 3].map((index) => join(base, `desk-${index + 1}`, 'workspace'));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const cluster = await startSyncthing(folders, { fsWatcherDelayS: 1 });
  onCluster(cluster);
  await cluster.connected(60_000);
  const dataOf = (index: number) => join(base, `desk-${index + 1}`, 'data');

  // Desk 1: the workspace, its people (enrolled here, before any other desk has the folder), its articles.
  const first = await openDeskApp(folders[0]!, dataOf(0));
  const reporterKey = await setUpWorkspace(first.workspace, { name: NAMES.reporter, passphrase: passphraseOf(NAMES.reporter), sampleDir: null });
  const keys = new Map<SoakRole, KeptKey>([['reporter', keep(reporterKey)]]);
  const admin = { session: first.sessions.open() };
  admin.session.signIn(reporterKey, Date.now());
  for (const role of ROLES.slice(1)) {
    const added = await dispatch(first.handlers, 'addPerson', { name: NAMES[role], roles: [role] }, admin);
    if (!added.ok) throw new Error(`cannot add ${NAMES[role]}: ${added.error.message}`);
    const { enrolment } = added.value as { enrolment: { personId: string; code: string } };
    const window = { session: first.sessions.open() };
    const signed = await dispatch(first.handlers, 'firstSignIn', { personId: enrolment.personId, code: enrolment.code, passphrase: passphraseOf(NAMES[role]) }, window);
    if (!signed.ok) throw new Error(`${NAMES[role]} cannot sign in: ${signed.error.message}`);
    keys.set(role, keep(window.session.key!));
  }
  const people = Object.fromEntries([...keys].map(([role, key]) => [role, key.personId])) as Record<SoakRole, string>;

  const desk1 = await deskOver(0, folders[0]!, first, keys);
  const articles: string[] = [];
  for (let number = 1; number <= articleCount; number++) {
    const created = await desk1.must('reporter', 'createArticle', { language: 'zh-CN' });
    await desk1.must('reporter', 'saveArticle', { id: created.id, base: created.head, content: firstCopy(number, created.language) });
    articles.push(created.id);
  }

  // The other desks open the workspace once it has arrived whole.
  await cluster.inSync(120_000);
  const desks = [desk1];
  for (let index = 1; index < folders.length; index++) desks.push(await deskOver(index, folders[index]!, await openDeskApp(folders[index]!, dataOf(index)), keys));
  return { cluster, desks, people, articles };
}

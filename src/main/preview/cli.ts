import { mkdtemp } from 'node:fs/promises';
import { userInfo, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ed25519 } from '../../shared/identity/ed25519';
import { createHandlers } from '../handlers';
import { lockAfterMs } from '../handlers/idle-lock';
import { systemClock } from '../services/clock';
import { DataFolder } from '../services/data-folder';
import { LiveWorkspace } from '../services/live/live-workspace';
import { openWorkspace, setUpWorkspace } from '../services/open-workspace';
import { MemorySettingsStore } from '../services/settings-store';
import { WindowSessions } from '../services/window-sessions';
import { startPreviewServer } from './server';

function defaultUser(): string {
  try {
    return userInfo().username || 'Reporter';
  } catch {
    return 'Reporter';
  }
}

/** How often windows are checked for the idle lock. */
const IDLE_CHECK_MS = 15_000;

async function main(): Promise<void> {
  const projectRoot = resolve(import.meta.dirname, '../../..');
  const root = process.env.APP_WORKSPACE ? resolve(process.env.APP_WORKSPACE) : await mkdtemp(join(tmpdir(), 'newsroom-workspace-'));
  // This machine's data folder: desk id, what this desk has seen, caches. Never inside the workspace.
  const dataDir = process.env.APP_DATA ? resolve(process.env.APP_DATA) : await mkdtemp(join(tmpdir(), 'newsroom-data-'));
  const data = new DataFolder(dataDir);
  const sampleDir = join(projectRoot, 'resources', 'sample');
  const workspace = await openWorkspace({ root, clock: systemClock, data, ed: await ed25519() });
  // Test and benchmark runs only (README): a new workspace's first person set up with this passphrase.
  const testPassphrase = process.env.NEWSROOM_TEST_PASSPHRASE;
  if (testPassphrase && (await workspace.status()) === 'new') {
    (await setUpWorkspace(workspace, { name: process.env.APP_USER || defaultUser(), passphrase: testPassphrase, sampleDir })).lock();
  }
  const settings = new MemorySettingsStore({ language: null, currentUserId: null });
  // What other desks change in the folder (a sync service, a shared drive) reaches the page on the change feed.
  const live = await LiveWorkspace.start(root, await data.deskId(), { warn: (message) => console.warn(`warning: ${message}`) });
  const ctx = { workspace: () => workspace, settings, clock: systemClock, data, sampleDir, live: () => live };
  const handlers = createHandlers(ctx);
  const sessions = new WindowSessions(() => settings.get().currentUserId);
  const idle = setInterval(() => void lockAfterMs(ctx).then((ms) => sessions.lockIdle(ms)), IDLE_CHECK_MS);
  idle.unref();
  const port = process.env.PORT ? Number(process.env.PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const preview = await startPreviewServer({ rendererDir: join(projectRoot, 'out', 'renderer'), handlers, sessions, assets: () => workspace.assets, feed: () => live.feed, port });
  if (workspace.manifestProblem) console.warn(`warning: ${workspace.manifestProblem}`);
  console.log(`Workspace: ${root}`);
  console.log(`Data folder: ${dataDir}`);
  console.log(`Preview ready: ${preview.url}`);
  const stop = () => {
    live.close();
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`preview failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

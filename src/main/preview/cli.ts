import { mkdtemp } from 'node:fs/promises';
import { userInfo, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHandlers } from '../handlers';
import { systemClock } from '../services/clock';
import { openWorkspace, personNamed } from '../services/open-workspace';
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

async function main(): Promise<void> {
  const projectRoot = resolve(import.meta.dirname, '../../..');
  const root = process.env.APP_WORKSPACE
    ? resolve(process.env.APP_WORKSPACE)
    : await mkdtemp(join(tmpdir(), 'newsroom-workspace-'));
  const userName = process.env.APP_USER || defaultUser();
  const workspace = await openWorkspace({
    root,
    clock: systemClock,
    sampleDir: join(projectRoot, 'resources', 'sample'),
    author: userName,
  });
  const person = await personNamed(workspace, userName);
  const settings = new MemorySettingsStore({ language: null, currentUserId: person?.id ?? null });
  const handlers = createHandlers({ workspace: () => workspace, settings, clock: systemClock });
  const port = process.env.PORT ? Number(process.env.PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const preview = await startPreviewServer({
    rendererDir: join(projectRoot, 'out', 'renderer'),
    handlers,
    sessions: new WindowSessions(() => settings.get().currentUserId),
    assets: () => workspace.assets,
    port,
  });
  if (workspace.manifestProblem) console.warn(`warning: ${workspace.manifestProblem}`);
  console.log(`Workspace: ${root}`);
  console.log(`Preview ready: ${preview.url}`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`preview failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

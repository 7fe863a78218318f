/**
 * A desk over a workspace folder, as the preview runs it: the app's handlers, the folder watched
 * live (the change feed), behind a preview server on loopback, with its own data folder. For
 * end-to-end tests and benchmarks of several desks sharing one workspace.
 */
import { join } from 'node:path';
import { createHandlers } from '../../src/main/handlers';
import { startPreviewServer, type PreviewServer } from '../../src/main/preview/server';
import { systemClock } from '../../src/main/services/clock';
import { DataFolder } from '../../src/main/services/data-folder';
import type { UnlockedKey } from '../../src/main/services/identity/unlocked-key';
import { LiveWorkspace } from '../../src/main/services/live/live-workspace';
import { openWorkspace, setUpWorkspace } from '../../src/main/services/open-workspace';
import { MemorySettingsStore } from '../../src/main/services/settings-store';
import { WindowSessions } from '../../src/main/services/window-sessions';
import type { Workspace } from '../../src/main/services/workspace';
import { ed25519 } from '../../src/shared/identity/ed25519';
import { PROJECT_ROOT } from './paths';

export interface LiveDesk {
  label: string;
  workspaceDir: string;
  dataDir: string;
  workspace: Workspace;
  live: LiveWorkspace;
  server: PreviewServer;
  url: string;
  /** The first person's key, when this desk set the workspace up (locked unless asked to keep it). */
  firstKey: UnlockedKey | null;
  close(): Promise<void>;
}

export interface LiveDeskOptions {
  label: string;
  workspaceDir: string;
  dataDir: string;
  /** Sets a new workspace up with this first person (its administrator). */
  firstPerson?: { name: string; passphrase: string; sampleDir: string | null; keepKey?: boolean };
  /** How often everything is compared again (the app's default is a minute). */
  rescanMs?: number;
}

export async function startLiveDesk(options: LiveDeskOptions): Promise<LiveDesk> {
  const data = new DataFolder(options.dataDir);
  const workspace = await openWorkspace({ root: options.workspaceDir, clock: systemClock, data, ed: await ed25519() });
  let firstKey: UnlockedKey | null = null;
  if (options.firstPerson) {
    const { name, passphrase, sampleDir, keepKey } = options.firstPerson;
    firstKey = await setUpWorkspace(workspace, { name, passphrase, sampleDir });
    if (!keepKey) firstKey.lock();
  }
  const live = await LiveWorkspace.start(options.workspaceDir, await data.deskId(), { rescanMs: options.rescanMs ?? 5_000 });
  const settings = new MemorySettingsStore({ language: null, currentUserId: null });
  const server = await startPreviewServer({
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    handlers: createHandlers({ workspace: () => workspace, settings, clock: systemClock, data, sampleDir: null, live: () => live }),
    sessions: new WindowSessions(() => settings.get().currentUserId),
    assets: () => workspace.assets,
    feed: () => live.feed,
  });
  return {
    label: options.label,
    workspaceDir: options.workspaceDir,
    dataDir: options.dataDir,
    workspace,
    live,
    server,
    url: server.url,
    firstKey,
    close: async () => {
      live.close();
      await server.close();
    },
  };
}

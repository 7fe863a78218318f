import { test as base, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHandlers } from '../src/main/handlers';
import { startPreviewServer, type PreviewServer } from '../src/main/preview/server';
import { systemClock } from '../src/main/services/clock';
import { openWorkspace, personNamed } from '../src/main/services/open-workspace';
import { MemorySettingsStore } from '../src/main/services/settings-store';
import { WindowSessions } from '../src/main/services/window-sessions';
import { Workspace } from '../src/main/services/workspace';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
export const SAMPLE_DIR = join(PROJECT_ROOT, 'resources', 'sample');

export interface Preview {
  server: PreviewServer;
  workspace: Workspace;
  root: string;
  url: string;
}

export interface PreviewOptions {
  userName?: string;
  seed?: boolean;
  folderName?: string;
  /** Damages files of the seeded workspace before the app opens it, as a crash or a sync service might. */
  damage?: (workspace: Workspace) => Promise<void>;
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const base = await mkdtemp(join(tmpdir(), 'nr-e2e-'));
  const root = options.folderName ? join(base, options.folderName) : base;
  const userName = options.userName ?? 'Lin Xiaolan';
  const seeded = await openWorkspace({
    root,
    clock: systemClock,
    sampleDir: options.seed === false ? null : SAMPLE_DIR,
    author: userName,
  });
  const person = await personNamed(seeded, userName);
  await options.damage?.(seeded);
  const workspace = options.damage ? await Workspace.open(root, systemClock) : seeded;
  const settings = new MemorySettingsStore({ language: null, currentUserId: person?.id ?? null });
  const server = await startPreviewServer({
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    handlers: createHandlers({ workspace: () => workspace, settings, clock: systemClock }),
    sessions: new WindowSessions(() => settings.get().currentUserId),
    assets: () => workspace.assets,
  });
  return { server, workspace, root: base, url: server.url };
}

export const test = base.extend<{ preview: Preview }>({
  // eslint-disable-next-line no-empty-pattern
  preview: async ({}, use) => {
    const preview = await startPreview();
    await use(preview);
    await preview.server.close();
    await rm(preview.root, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Types through the browser's IME path: composition updates, then the committed text. */
export async function typeWithIme(page: Page, steps: string[], committed: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const step of steps) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await cdp.send('Input.insertText', { text: committed });
  await cdp.detach();
}

/** Waits until the status bar says everything is saved. */
export async function waitForSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.status-save')?.classList.contains('status-save-saved') === true);
}

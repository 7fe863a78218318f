/**
 * Desks that share one workspace: each a browser preview over its own workspace folder (or one
 * folder they all reach, like a network share) and its own data folder, watched live as the app
 * watches it. The first desk sets the workspace up; the others open what arrived there.
 */
import type { Browser, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createHandlers } from '../src/main/handlers';
import { startPreviewServer, type PreviewServer } from '../src/main/preview/server';
import { systemClock } from '../src/main/services/clock';
import { DataFolder } from '../src/main/services/data-folder';
import { LiveWorkspace } from '../src/main/services/live/live-workspace';
import { openWorkspace, setUpWorkspace } from '../src/main/services/open-workspace';
import { MemorySettingsStore } from '../src/main/services/settings-store';
import { WindowSessions } from '../src/main/services/window-sessions';
import type { Workspace } from '../src/main/services/workspace';
import { ed25519 } from '../src/shared/identity/ed25519';
import { en } from '../src/renderer/i18n/en';
import { escapeRegExp, expect, passphraseFor, PROJECT_ROOT, SAMPLE_DIR } from './fixtures';

export interface DeskPreview {
  label: string;
  workspaceDir: string;
  dataDir: string;
  workspace: Workspace;
  live: LiveWorkspace;
  server: PreviewServer;
  url: string;
  close(): Promise<void>;
}

export interface DeskOptions {
  label: string;
  workspaceDir: string;
  dataDir: string;
  /** Sets a new workspace up with this first person (its administrator), with the sample article. */
  firstPerson?: string;
}

/** A desk: the app's handlers over the folder, watched, behind a preview server. */
export async function startDesk(options: DeskOptions): Promise<DeskPreview> {
  const data = new DataFolder(options.dataDir);
  const workspace = await openWorkspace({ root: options.workspaceDir, clock: systemClock, data, ed: await ed25519() });
  if (options.firstPerson) {
    (await setUpWorkspace(workspace, { name: options.firstPerson, passphrase: passphraseFor(options.firstPerson), sampleDir: SAMPLE_DIR })).lock();
  }
  const live = await LiveWorkspace.start(options.workspaceDir, await data.deskId(), { rescanMs: 5_000 });
  const settings = new MemorySettingsStore({ language: null, currentUserId: null });
  const server = await startPreviewServer({
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    handlers: createHandlers({ workspace: () => workspace, settings, clock: systemClock, data, sampleDir: null, live: () => live }),
    sessions: new WindowSessions(() => settings.get().currentUserId),
    assets: () => workspace.assets,
    feed: () => live.feed,
  });
  return {
    ...options,
    workspace,
    live,
    server,
    url: server.url,
    close: async () => {
      live.close();
      await server.close();
    },
  };
}

/** Waits until a file another desk wrote has arrived here. */
export async function arrived(path: string, timeoutMs = 30_000): Promise<void> {
  await expect.poll(() => stat(path).then(() => true, () => false), { timeout: timeoutMs }).toBe(true);
}

/** workspace.json and the roster's first file have arrived: the folder is this newsroom's workspace. */
export async function workspaceArrived(from: DeskPreview, to: string): Promise<void> {
  await arrived(join(to, 'workspace.json'));
  expect(await readFile(join(to, 'workspace.json'), 'utf8')).toBe(await readFile(join(from.workspaceDir, 'workspace.json'), 'utf8'));
  const roster = await readdir(join(from.workspaceDir, 'roster'));
  for (const name of roster) await arrived(join(to, 'roster', name));
}

/** A page of its own (cookies, session storage) at the desk. */
export async function deskPage(browser: Browser, desk: DeskPreview, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(desk.url);
  return page;
}

const signedIn = (page: Page, name: string) => page.getByRole('status', { name: en.desk.signedInAs.replace('{{name}}', name) });

/** Signs `name` in at a locked desk's sign-in screen: with their passphrase, or with `code` the first time. */
export async function signInAtDesk(page: Page, name: string, code?: string): Promise<void> {
  const screen = page.getByRole('region', { name: en.desk.signInTitle });
  // The person may have been added at another desk a moment ago: the list follows the roster.
  await screen.getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}`) }).check({ timeout: 30_000 });
  if (code) {
    await screen.getByLabel(en.desk.enrolmentCode).fill(code);
    await screen.getByLabel(en.desk.newPassphrase, { exact: true }).fill(passphraseFor(name));
    await screen.getByLabel(en.desk.repeatPassphrase).fill(passphraseFor(name));
  } else {
    await screen.getByLabel(en.desk.passphraseOf.replace('{{name}}', name)).fill(passphraseFor(name));
  }
  await screen.getByRole('button', { name: en.desk.signIn, exact: true }).click();
  await expect(signedIn(page, name)).toBeVisible({ timeout: 15_000 });
}

/** Locks the desk, so the next person signs in on its sign-in screen. */
export async function lockDesk(page: Page): Promise<void> {
  await page.getByRole('button', { name: en.desk.lock, exact: true }).click();
  await expect(page.getByRole('region', { name: en.desk.signInTitle })).toBeVisible();
}

/** `npm run cli -- verify --workspace DIR`: its exit code and output. */
export function verifyWorkspace(workspaceDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', 'verify', '--workspace', workspaceDir], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

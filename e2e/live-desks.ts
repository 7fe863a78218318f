/**
 * Desks that share one workspace: each a browser preview over its own workspace folder (or one
 * folder they all reach, like a network share) and its own data folder, watched live as the app
 * watches it. The first desk sets the workspace up; the others open what arrived there.
 */
import type { Browser, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { en } from '../src/renderer/i18n/en';
import { startLiveDesk, type LiveDesk } from '../test/helpers/live-desk';
import { escapeRegExp, expect, passphraseFor, PROJECT_ROOT, SAMPLE_DIR } from './fixtures';

export type DeskPreview = LiveDesk;

export interface DeskOptions {
  label: string;
  workspaceDir: string;
  dataDir: string;
  /** Sets a new workspace up with this first person (its administrator), with the sample article. */
  firstPerson?: string;
}

/** A desk: the app's handlers over the folder, watched, behind a preview server. */
export function startDesk(options: DeskOptions): Promise<DeskPreview> {
  const { firstPerson, ...rest } = options;
  return startLiveDesk({ ...rest, ...(firstPerson ? { firstPerson: { name: firstPerson, passphrase: passphraseFor(firstPerson), sampleDir: SAMPLE_DIR } } : {}) });
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

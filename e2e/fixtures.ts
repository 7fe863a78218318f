import { test as base, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHandlers } from '../src/main/handlers';
import { startPreviewServer, type PreviewServer } from '../src/main/preview/server';
import { systemClock } from '../src/main/services/clock';
import { DataFolder } from '../src/main/services/data-folder';
import { openWorkspace, setUpWorkspace } from '../src/main/services/open-workspace';
import { MemorySettingsStore } from '../src/main/services/settings-store';
import { WindowSessions } from '../src/main/services/window-sessions';
import type { Workspace } from '../src/main/services/workspace';
import type { Actor } from '../src/main/services/articles';
import type { Article, ArticleContent, Language } from '../src/shared/article/article';
import { findPerson } from '../src/shared/review/people';
import { ed25519 } from '../src/shared/identity/ed25519';
import { en, type Strings } from '../src/renderer/i18n/en';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
export const SAMPLE_DIR = join(PROJECT_ROOT, 'resources', 'sample');

/** Every person in these tests chooses this passphrase: known to the test, never written anywhere by the app. */
export const passphraseFor = (name: string) => `${name} — e2e passphrase`;

export interface Preview {
  server: PreviewServer;
  workspace: Workspace;
  /** The temp folder holding the workspace and this desk's data folder. */
  root: string;
  /** The workspace folder. */
  workspaceDir: string;
  dataDir: string;
  url: string;
  /** The workspace's first person (its administrator and a reporter). */
  userName: string;
  /** Writes an article as the first person, signed with their key, as the page would. */
  draft(language: Language, fields?: Partial<ArticleContent>): Promise<Article>;
}

export interface PreviewOptions {
  userName?: string;
  seed?: boolean;
  folderName?: string;
  /** Leaves the workspace new (or as `before` made it): the page sets it up, or upgrades it. */
  fresh?: boolean;
  /** Writes into the workspace folder before the app first opens it (say, a workspace made by an earlier version). */
  before?: (workspaceDir: string) => Promise<void>;
  /** Damages files of the set-up workspace before the app opens it, as a crash or a sync service might. */
  damage?: (workspace: Workspace) => Promise<void>;
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const base = await mkdtemp(join(tmpdir(), 'nr-e2e-'));
  const workspaceDir = join(base, options.folderName ?? 'workspace');
  const dataDir = join(base, 'desk-data');
  const userName = options.userName ?? 'Lin Xiaolan';
  await options.before?.(workspaceDir);
  const ed = await ed25519();
  const data = new DataFolder(dataDir);
  const seeded = await openWorkspace({ root: workspaceDir, clock: systemClock, data, ed });
  const key = options.fresh ? null : await setUpWorkspace(seeded, { name: userName, passphrase: passphraseFor(userName), sampleDir: options.seed === false ? null : SAMPLE_DIR });
  await options.damage?.(seeded);
  const workspace = options.damage ? await openWorkspace({ root: workspaceDir, clock: systemClock, data, ed }) : seeded;
  const settings = new MemorySettingsStore({ language: null, currentUserId: null });
  const server = await startPreviewServer({
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    handlers: createHandlers({ workspace: () => workspace, settings, clock: systemClock, data, sampleDir: options.seed === false ? null : SAMPLE_DIR }),
    sessions: new WindowSessions(() => settings.get().currentUserId),
    assets: () => workspace.assets,
  });
  const draft = async (language: Language, fields: Partial<ArticleContent> = {}) => {
    if (!key) throw new Error('a fresh workspace has nobody to write an article');
    const actor: Actor = { key, person: findPerson((await workspace.roster()).roster, key.personId)! };
    const created = await workspace.articles.create(actor, language);
    const { channel, headline, deck, byline, body } = created;
    await workspace.articles.save(actor, created.id, created.head, { channel, headline, deck, byline, language, body, ...fields });
    return workspace.get(created.id);
  };
  return { server, workspace, root: base, workspaceDir, dataDir, url: server.url, userName, draft };
}

/** Signs `name` in on the sign-in screen (or in the switch-person dialog `scope`) with their passphrase, on a page that speaks `strings`. */
export async function signIn(page: Page, name: string, scope: ReturnType<Page['locator']> | Page = page, strings: Strings = en): Promise<void> {
  await scope.getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}`) }).check();
  await scope.getByLabel(strings.desk.passphraseOf.replace('{{name}}', name)).fill(passphraseFor(name));
  await scope.getByRole('button', { name: strings.desk.signIn, exact: true }).click();
  await expect(page.getByRole('status', { name: strings.desk.signedInAs.replace('{{name}}', name) })).toBeVisible({ timeout: 15_000 });
}

/** Opens the app and signs `name` in (the workspace's first person unless given), on a page that speaks `strings`. */
export async function openApp(page: Page, preview: Preview, name = preview.userName, strings: Strings = en): Promise<void> {
  await page.goto(preview.url);
  await signIn(page, name, page, strings);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

import { expect } from '@playwright/test';
export { expect };

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

import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../..');

function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.skip(!binary, 'The Electron binary is not installed here; the preview project covers the renderer, handlers and disk.');

test('the desktop window is sandboxed, isolated and serves the app from its own scheme', async () => {
  const userData = await mkdtemp(join(tmpdir(), 'nr-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT],
    env: { ...process.env, NEWSROOM_USER_DATA: userData },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('navigation')).toBeVisible();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      return { url: contents.getURL(), prefs: contents.getLastWebPreferences() };
    });
    expect(prefs.url.startsWith('app://renderer/')).toBe(true);
    expect(prefs.prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    await expect(window.getByRole('listitem')).toHaveCount(1);
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});

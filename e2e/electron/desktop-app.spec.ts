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
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation')).toBeVisible();
    const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL());
    expect(url.startsWith('app://renderer/')).toBe(true);
    const pageSees = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: typeof (globalThis as { bridge?: unknown }).bridge,
      opened: globalThis.open('https://example.org/') === null,
    }));
    expect(pageSees).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object', opened: true });
    await expect(page.getByRole('listitem')).toHaveCount(1);
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});

import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'electron-vite';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const outDir = join(root, 'out', `identity-check-${randomBytes(4).toString('hex')}`);

describe('Ed25519 in the Electron main process bundle', () => {
  afterAll(async () => {
    delete process.env.IDENTITY_CHECK_OUT;
    await rm(outDir, { recursive: true, force: true });
  });

  it('bundles with electron-vite’s main settings and signs and verifies when the bundle runs', async () => {
    process.env.IDENTITY_CHECK_OUT = outDir;
    await build({ configFile: resolve(__dirname, '../fixtures/identity/electron.vite.config.ts'), root, logLevel: 'silent' });
    const [built] = (await readdir(outDir)).filter((name) => name.startsWith('check.'));
    expect(built).toBeDefined();
    const code = await readFile(join(outDir, built!), 'utf8');
    // The library stays an external dependency of main, loaded from node_modules like electron-store.
    expect(code).toContain('libsodium-wrappers');
    const module = (await import(pathToFileURL(join(outDir, built!)).href)) as { selfCheck(): Promise<boolean> };
    expect(await module.selfCheck()).toBe(true);
  }, 120_000);
});

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { en as s } from '../src/renderer/i18n/en';
import { expect, passphraseFor, PROJECT_ROOT, signIn, test } from './fixtures';

test.use({ locale: 'en-US' });

test('`npm run preview:web` serves the app on loopback, behind its token', async ({ page }) => {
  const root = await mkdtemp(join(tmpdir(), 'nr-cli-'));
  const workspace = join(root, 'workspace');
  const dataDir = join(root, 'desk-data');
  // A new workspace's first person is set up with the test-only passphrase; the page still signs them in.
  const passphrase = passphraseFor('Desk Editor');
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/main/preview/cli.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, APP_WORKSPACE: workspace, APP_DATA: dataDir, PORT: '0', APP_USER: 'Desk Editor', NEWSROOM_TEST_PASSPHRASE: passphrase },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Preview ready: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)));
    });
    const origin = new URL(url).origin;
    expect((await fetch(origin)).status).toBe(401);
    expect((await fetch(`${origin}/api/listArticles`, { method: 'POST', body: '{}' })).status).toBe(401);

    await page.goto(url);
    await signIn(page, 'Desk Editor');
    await expect(page.getByRole('list', { name: s.library.articles }).getByRole('listitem')).toHaveCount(1);
    expect(await readdir(join(workspace, 'articles'))).toHaveLength(1);
    // The passphrase came in by the environment: it is written nowhere, in the workspace or the desk's data folder.
    for (const dir of [workspace, dataDir]) {
      for (const file of await readdir(dir, { recursive: true, withFileTypes: true })) {
        const path = join(file.parentPath, file.name);
        if (file.isFile()) expect((await readFile(path)).includes(passphrase), path).toBe(false);
      }
    }
  } finally {
    child.kill('SIGTERM');
    await rm(root, { recursive: true, force: true });
  }
});

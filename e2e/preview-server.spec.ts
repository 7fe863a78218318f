import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, PROJECT_ROOT, test } from './fixtures';

test('`npm run preview:web` serves the app on loopback, behind its token', async ({ page }) => {
  const workspace = await mkdtemp(join(tmpdir(), 'nr-cli-'));
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/main/preview/cli.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, APP_WORKSPACE: workspace, PORT: '0', APP_USER: 'Desk Editor' },
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
    await expect(page.getByText('Desk Editor')).toBeVisible();
    await expect(page.getByRole('list').getByRole('listitem')).toHaveCount(1);
    expect(await readdir(join(workspace, 'articles'))).toHaveLength(1);
  } finally {
    child.kill('SIGTERM');
    await rm(workspace, { recursive: true, force: true });
  }
});

import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Workspace } from '../src/main/services/workspace';
import { en } from '../src/renderer/i18n/en';
import { reviewPanel, submitOverWarning } from './desk';
import { expect, startPreview, test, type Preview, openApp } from './fixtures';

const s = en;
test.use({ locale: 'en-US' });

let preview: Preview | null = null;
test.afterEach(async ({ page }) => {
  // The page first, so that no kept-alive request holds the server open.
  await page.close();
  if (preview) {
    await preview.server.close();
    await rm(preview.root, { recursive: true, force: true });
  }
  preview = null;
});

async function sample(workspace: Workspace) {
  const { articles } = await workspace.articles.list();
  return articles.find((a) => a.headline.startsWith('千年茶山'))!;
}

test('a damaged workspace.json and a line added by hand to the roster are named on the page, and nobody is asked to set the workspace up', async ({ page }) => {
  let rosterFile = '';
  let rosterBefore = '';
  preview = await startPreview({
    damage: async (workspace) => {
      const [file] = await readdir(workspace.layout.roster);
      rosterFile = join(workspace.layout.roster, file!);
      // Someone with the folder grants a role by hand: a well-formed line with no valid signature.
      const forged = { payloadType: 'application/vnd.newsroom.roster+json', payload: Buffer.from('{"kind":"set-roles","roles":["admin"]}').toString('base64'), signatures: [{ keyid: '0'.repeat(64), sig: 'AAAA' }] };
      await appendFile(rosterFile, `${JSON.stringify(forged)}\n`);
      rosterBefore = await readFile(rosterFile, 'utf8');
      await writeFile(workspace.layout.manifest, '{"unexpected":[1,2,3]}\n');
    },
  });
  await openApp(page, preview);
  const banner = page.getByRole('alert', { name: s.workspaceProblems.title });
  await expect(banner).toContainText('workspace.json');
  await expect(banner).toContainText(`roster/${rosterFile.split('/').pop()}`);
  await expect(page.getByRole('region', { name: s.desk.setUpTitle })).toHaveCount(0);
  // The articles can still be read.
  await page.getByRole('button', { name: /千年茶山/ }).first().click();
  await expect(page.getByLabel(s.editor.headline, { exact: true })).toHaveValue(/千年茶山/);
  expect(await readFile(rosterFile, 'utf8')).toBe(rosterBefore);
  expect(await readFile(preview.workspace.layout.manifest, 'utf8')).toBe('{"unexpected":[1,2,3]}\n');
});

test('an interrupted record is named on the article and set aside, named, at the next action', async ({ page }) => {
  let logFile = '';
  preview = await startPreview({
    damage: async (workspace) => {
      const article = await sample(workspace);
      const dir = join(workspace.layout.articleDir(article.id), 'log');
      const [file] = await readdir(dir);
      logFile = `articles/${article.id}/log/${file}`;
      await appendFile(join(dir, file!), '{"payloadType":"application/vnd.newsroom.review+json","payload":"eyJ');
    },
  });
  await openApp(page, preview);
  await page.getByRole('button', { name: /千年茶山/ }).first().click();
  const report = page.getByRole('alert', { name: s.articleFiles.title });
  await expect(report).toContainText(`${logFile}: the last record is unfinished`);

  // The next review action sets the unfinished record aside, and the page names where it went.
  await submitOverWarning(page);
  await expect(page.getByRole('alert', { name: s.articleFiles.title })).toContainText(/an interrupted or damaged record was set aside in .*\.torn-[0-9a-f]{16}/);
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.first })).toHaveAttribute('aria-current', 'step');
  const article = await sample(preview.workspace);
  const names = await readdir(join(preview.workspace.layout.articleDir(article.id), 'log'));
  const torn = names.find((name) => /\.torn-[0-9a-f]{16}$/.test(name))!;
  expect(await readFile(join(preview.workspace.layout.articleDir(article.id), 'log', torn), 'utf8')).toBe('{"payloadType":"application/vnd.newsroom.review+json","payload":"eyJ');
});

test('a damaged revision file is named on its article and left as it is; other articles keep working', async ({ page }) => {
  preview = await startPreview();
  const other = await preview.draft('en', { headline: 'A story whose revision file is damaged' });
  const blobs = join(preview.workspace.layout.articleDir(other.id), 'blobs');
  const [blob] = await readdir(blobs);
  const bytes = await readFile(join(blobs, blob!));
  const damaged = bytes.subarray(0, bytes.length >> 1);
  await writeFile(join(blobs, blob!), damaged);
  await openApp(page, preview);
  await page.getByRole('button', { name: 'A story whose revision file is damaged', exact: true }).click();
  await expect(page.getByRole('alert', { name: s.articleFiles.title })).toContainText(`articles/${other.id}/blobs/${blob}`);
  await page.getByRole('button', { name: /千年茶山/ }).first().click();
  await expect(page.getByLabel(s.editor.headline, { exact: true })).toHaveValue(/千年茶山/);
  await expect(reviewPanel(page).getByRole('button', { name: s.review.submit })).toBeVisible();
  expect(await readFile(join(blobs, blob!))).toEqual(damaged);
});

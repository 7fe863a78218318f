import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HistoryStore } from '../src/main/services/history';
import type { Workspace } from '../src/main/services/workspace';
import { en } from '../src/renderer/i18n/en';
import { submitOverWarning } from './desk';
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

test('a damaged people.json and workspace.json are named on the page, and nobody is asked to set the workspace up', async ({ page }) => {
  const garbage = Buffer.from([0x7b, 0x22, 0x70, 0xff, 0xfe, 0x00, 0x13, 0x88, 0x22]);
  preview = await startPreview({
    damage: async (workspace) => {
      await writeFile(workspace.layout.people, garbage);
      await writeFile(workspace.layout.manifest, '{"unexpected":[1,2,3]}\n');
    },
  });
  await openApp(page, preview);
  const banner = page.getByRole('alert', { name: s.workspaceProblems.title });
  await expect(banner).toContainText('people.json');
  await expect(banner).toContainText('workspace.json');
  await expect(page.getByRole('dialog', { name: s.people.firstPersonTitle })).toHaveCount(0);
  // The articles can still be read.
  await page.getByRole('button', { name: /千年茶山/ }).first().click();
  await expect(page.getByLabel(s.editor.headline, { exact: true })).toHaveValue(/千年茶山/);
  expect(await readFile(preview.workspace.layout.people)).toEqual(garbage);
  expect(await readFile(preview.workspace.layout.manifest, 'utf8')).toBe('{"unexpected":[1,2,3]}\n');
});

test('an interrupted review record and a damaged history blob are named on the article, and the revisions that cannot be rebuilt are marked', async ({ page }) => {
  let blobFile = '';
  preview = await startPreview({
    damage: async (workspace) => {
      const article = await sample(workspace);
      const dir = workspace.layout.articleDir(article.id);
      const history = new HistoryStore(dir);
      const content = await workspace.get(article.id);
      await history.record({ content, author: '', authorName: 'Lin Xiaolan', stage: 'draft', kind: 'save', label: 'first', at: new Date() });
      await history.record({ content: { ...content, headline: `${content.headline}!` }, author: '', authorName: 'Lin Xiaolan', stage: 'draft', kind: 'save', label: 'second', at: new Date() });
      const blob = (await readdir(join(dir, 'history', 'blobs')))[0]!;
      blobFile = `history/blobs/${blob}`;
      const bytes = await readFile(join(dir, 'history', 'blobs', blob));
      await writeFile(join(dir, 'history', 'blobs', blob), bytes.subarray(0, bytes.length >> 1));
      await appendFile(join(dir, 'reviews.jsonl'), '{"action":"submit","actorId":"u-');
    },
  });
  await openApp(page, preview);
  await page.getByRole('button', { name: /千年茶山/ }).first().click();
  const report = page.getByRole('alert', { name: s.articleFiles.title });
  await expect(report).toContainText('reviews.jsonl');
  await expect(report).toContainText(blobFile);
  await expect(page.getByRole('status', { name: s.review.logNotices })).toContainText('reviews.jsonl: the last record is unfinished');

  await page.getByRole('tab', { name: s.history.panel }).click();
  const first = page.getByRole('listitem', { name: s.history.revision.replace('{{n}}', '1') });
  await expect(first).toContainText('Cannot be rebuilt');
  await expect(first).toContainText(blobFile);
  await expect(first.getByRole('button', { name: s.history.restore })).toHaveCount(0);

  // The next review action sets the unfinished record aside, and the page names where it went.
  await page.getByRole('tab', { name: s.review.panel }).click();
  await submitOverWarning(page);
  await expect(page.getByRole('status', { name: s.review.logNotices })).toContainText(/reviews\.jsonl: an interrupted or damaged record was set aside in reviews\.jsonl\.torn-[0-9a-f]{16}/);
  const article = await sample(preview.workspace);
  const names = await readdir(preview.workspace.layout.articleDir(article.id));
  const torn = names.find((name) => name.startsWith('reviews.jsonl.torn-'))!;
  expect(await readFile(join(preview.workspace.layout.articleDir(article.id), torn), 'utf8')).toBe('{"action":"submit","actorId":"u-');
});

test('a damaged file of a trashed article is named in the trash', async ({ page }) => {
  preview = await startPreview({
    damage: async (workspace) => {
      const article = await sample(workspace);
      await workspace.trash(article.id, 'Lin Xiaolan');
      await writeFile(join(workspace.layout.trashDir(article.id), 'trashed.json'), '{"trashedAt":');
    },
  });
  await openApp(page, preview);
  await page.getByRole('button', { name: s.library.showTrash }).click();
  await expect(page.getByRole('list', { name: s.library.trash }).getByRole('note')).toContainText('trashed.json');
});

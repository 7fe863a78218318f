import { en } from '../src/renderer/i18n/en';
import { format1Workspace, LEGACY_STAFF } from '../test/helpers/format-1';
import { openArticle, reviewPanel } from './desk';
import { expect, passphraseFor, startPreview, test, type Preview } from './fixtures';
import { rm } from 'node:fs/promises';

const s = en;
test.use({ locale: 'en-US' });

let preview: Preview | null = null;
test.afterEach(async ({ page }) => {
  await page.close();
  if (preview) {
    await preview.server.close();
    await rm(preview.root, { recursive: true, force: true });
  }
  preview = null;
});

const signedInAs = (name: string) => s.desk.signedInAs.replace('{{name}}', name);

test('a new workspace is set up in the page by its first person, whose key becomes its root of trust', async ({ page }) => {
  preview = await startPreview({ fresh: true, seed: false });
  await page.goto(preview.url);
  const setUp = page.getByRole('region', { name: s.desk.setUpTitle });
  await expect(setUp).toBeVisible();
  await setUp.getByLabel(s.desk.yourName).fill('Lin Xiaolan');
  await setUp.getByLabel(s.desk.newPassphrase, { exact: true }).fill(passphraseFor('Lin Xiaolan'));
  await setUp.getByLabel(s.desk.repeatPassphrase).fill(`${passphraseFor('Lin Xiaolan')} typo`);
  await expect(setUp.getByRole('button', { name: s.desk.setUp })).toBeDisabled();
  await setUp.getByLabel(s.desk.repeatPassphrase).fill(passphraseFor('Lin Xiaolan'));
  await setUp.getByRole('button', { name: s.desk.setUp }).click();
  await expect(page.getByRole('status', { name: signedInAs('Lin Xiaolan') })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('button', { name: s.people.manage }).click();
  const people = page.getByRole('dialog', { name: s.people.dialogTitle });
  const trust = people.getByRole('list', { name: s.people.rootOfTrust });
  await expect(trust).toContainText('Lin Xiaolan');
  await expect(trust.locator('code.fingerprint')).toHaveText(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
  await expect(people.getByRole('rowheader', { name: 'Lin Xiaolan' })).toBeVisible();
});

test('a workspace made by an earlier version is upgraded once by its administrator; its records stay, shown as unsigned', async ({ page }) => {
  let signedOff = '';
  preview = await startPreview({
    fresh: true,
    before: async (dir) => {
      signedOff = (await format1Workspace(dir)).signedOff;
    },
  });
  await page.goto(preview.url);
  const upgrade = page.getByRole('region', { name: s.desk.upgradeTitle });
  await expect(upgrade).toBeVisible();
  await expect(upgrade).toContainText(s.desk.upgradeUnsigned);
  const admin = LEGACY_STAFF.admin.name;
  await upgrade.getByRole('radio', { name: new RegExp(`^${admin}`) }).check();
  await upgrade.getByLabel(s.desk.newPassphrase, { exact: true }).fill(passphraseFor(admin));
  await upgrade.getByLabel(s.desk.repeatPassphrase).fill(passphraseFor(admin));
  await upgrade.getByRole('button', { name: s.desk.upgrade }).click();
  await expect(page.getByRole('status', { name: signedInAs(admin) })).toBeVisible({ timeout: 20_000 });

  // The signed-off article is still signed off; its records are the old ones, unsigned.
  const { articles } = await preview.workspace.articles.list();
  const headline = articles.find((article) => article.id === signedOff)!.headline;
  await openArticle(page, headline);
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.signed })).toBeVisible();
  const history = reviewPanel(page).locator('.review-history');
  await history.locator('summary').click();
  await expect(history.getByText(s.records['unsigned-legacy']).first()).toBeVisible();
  await expect(history.getByText(/^signed by /)).toHaveCount(0);
  await expect(page.getByRole('region', { name: s.desk.upgradeTitle })).toHaveCount(0);
});

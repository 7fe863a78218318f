import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { en } from '../src/renderer/i18n/en';
import { addPerson, approve, openArticle, reviewPanel, submitOverWarning, switchUser } from './desk';
import { expect, openApp, passphraseFor, test, waitForSaved } from './fixtures';

const s = en;
test.use({ locale: 'en-US' });

const SAMPLE = /千年茶山/;
const signedInAs = (page: Page, name: string) => page.getByRole('status', { name: s.desk.signedInAs.replace('{{name}}', name) });

test('four people at one desk each sign with their own key; a name alone never acts for anyone', async ({ page, preview }) => {
  test.setTimeout(150_000);
  // A locked desk names nobody and offers only the sign-in; a wrong passphrase is refused.
  await page.goto(preview.url);
  const signIn = page.getByRole('region', { name: s.desk.signInTitle });
  await expect(signIn).toBeVisible();
  await expect(page.getByRole('status', { name: /Signed in as/ })).toHaveCount(0);
  await expect(page.getByRole('list', { name: s.library.articles })).toHaveCount(0);
  await signIn.getByRole('radio', { name: /^Lin Xiaolan/ }).check();
  await signIn.getByLabel(s.desk.passphraseOf.replace('{{name}}', 'Lin Xiaolan')).fill('not my passphrase at all');
  await signIn.getByRole('button', { name: s.desk.signIn, exact: true }).click();
  await expect(signIn.getByRole('alert')).toContainText('That passphrase is not Lin Xiaolan’s');
  await expect(page.getByRole('list', { name: s.library.articles })).toHaveCount(0);
  await openApp(page, preview);

  // The administrator's key is the workspace's root of trust; colleagues get one-time enrolment codes.
  await page.getByRole('button', { name: s.people.manage }).click();
  const people = page.getByRole('dialog', { name: s.people.dialogTitle });
  const adminPrint = (await people.getByRole('list', { name: s.people.rootOfTrust }).locator('code').first().textContent())!.trim();
  expect(adminPrint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
  await people.getByRole('button', { name: s.people.close }).click();
  await addPerson(page, 'Wang Li', [s.roles.editor, s.roles.third]);
  await addPerson(page, 'Zhao Min', [s.roles.second]);
  await addPerson(page, 'Chen Jie', [s.roles.third]);

  await openArticle(page, SAMPLE);
  await submitOverWarning(page);

  // Each person's first sign-in: their code and a passphrase only they know.
  await switchUser(page, 'Wang Li');
  await openArticle(page, SAMPLE);
  // The first figure has no caption, which the house rules require before approval.
  await page.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.figure.caption).fill('Terraced tea rows above the village at dawn.');
  await waitForSaved(page);
  await approve(page, 'First review: approved.');
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.second })).toHaveAttribute('aria-current', 'step');

  // Wang Li cannot become Chen Jie by picking the name: the switch asks for Chen Jie's passphrase.
  await page.getByRole('button', { name: s.desk.switchPerson, exact: true }).click();
  const sw = page.getByRole('dialog', { name: s.desk.switchTitle });
  await sw.getByRole('radio', { name: /^Chen Jie/ }).check();
  // Chen Jie has not signed in yet: only an enrolment code would do, and a made-up one is refused.
  await sw.getByLabel(s.desk.enrolmentCode).fill('ABCD-EFGH-JKMN-PQRS-TVWX');
  await sw.getByLabel(s.desk.newPassphrase, { exact: true }).fill(passphraseFor('Chen Jie') + ' guessed');
  await sw.getByLabel(s.desk.repeatPassphrase).fill(passphraseFor('Chen Jie') + ' guessed');
  await sw.getByRole('button', { name: s.desk.signIn, exact: true }).click();
  await expect(sw.getByRole('alert')).toBeVisible();
  await sw.getByRole('button', { name: s.desk.cancel }).click();
  await expect(signedInAs(page, 'Chen Jie')).toHaveCount(0);

  await switchUser(page, 'Zhao Min');
  await openArticle(page, SAMPLE);
  await approve(page, 'Second review: approved.');
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.third })).toHaveAttribute('aria-current', 'step');

  // Wang Li holds the third reviewer's role too, but did the first review: refused as the third.
  await switchUser(page, 'Wang Li');
  await openArticle(page, SAMPLE);
  await expect(reviewPanel(page).getByText('Wang Li did the first review of this article; the same person may not also do its third review.')).toBeVisible();
  await expect(reviewPanel(page).getByRole('button', { name: s.review.signOff })).toHaveCount(0);

  await switchUser(page, 'Chen Jie');
  await openArticle(page, SAMPLE);
  await approve(page, 'Signed for publication.', s.review.signOff);
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.signed })).toBeVisible();

  // Every record names the key that signed it.
  const history = reviewPanel(page).locator('.review-history');
  await history.locator('summary').click();
  await expect(history.getByText(/^signed by /)).toHaveCount(4);

  // The review sheet: three reviewers, each with their key's fingerprint.
  await reviewPanel(page).getByRole('button', { name: s.sheet.open }).click();
  const sheet = page.getByRole('dialog', { name: s.sheet.title });
  const rows = sheet.getByRole('table', { name: s.sheet.reviewers }).getByRole('row');
  await expect(rows).toHaveCount(4);
  const prints = new Set<string>();
  for (const [i, name] of [[1, 'Wang Li'], [2, 'Zhao Min'], [3, 'Chen Jie']] as const) {
    await expect(rows.nth(i)).toContainText(name);
    const print = (await rows.nth(i).locator('code.fingerprint').textContent())!.trim();
    expect(print).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    prints.add(print);
  }
  expect(prints.size).toBe(3);
  expect(prints.has(adminPrint)).toBe(false);
  await page.screenshot({ path: test.info().outputPath('review-sheet.png') });
  const download = page.waitForEvent('download');
  await sheet.getByRole('button', { name: s.sheet.saveHtml }).click();
  const html = await readFile((await (await download).path())!, 'utf8');
  for (const print of prints) expect(html).toContain(print);
  await sheet.getByRole('button', { name: s.sheet.close }).click();

  // Lock: nobody is named as the actor and nothing can be done until someone signs in.
  await page.getByRole('button', { name: s.desk.lock, exact: true }).click();
  await expect(page.getByRole('region', { name: s.desk.signInTitle })).toBeVisible();
  await expect(page.getByRole('status', { name: /Signed in as/ })).toHaveCount(0);

  // No passphrase and no plaintext key anywhere in the workspace or this desk's data folder.
  for (const dir of [preview.workspaceDir, preview.dataDir]) {
    for (const file of await filesUnder(dir)) {
      const bytes = await readFile(file);
      for (const name of ['Lin Xiaolan', 'Wang Li', 'Zhao Min', 'Chen Jie']) expect(bytes.includes(Buffer.from(passphraseFor(name))), file).toBe(false);
      expect(bytes.includes(Buffer.from('e2e passphrase')), file).toBe(false);
    }
  }
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

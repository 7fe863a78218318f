import { en } from '../src/renderer/i18n/en';
import { addPerson, switchUser } from './desk';
import { expect, openApp, signIn, test, waitForSaved } from './fixtures';

const s = en;
test.use({ locale: 'en-US' });

const signedInAs = (page: import('@playwright/test').Page, name: string) => page.getByRole('status', { name: s.desk.signedInAs.replace('{{name}}', name) });

async function newArticle(page: import('@playwright/test').Page, headline: string): Promise<void> {
  await page.getByRole('button', { name: s.library.newArticle }).click();
  await page.getByLabel(s.editor.headline, { exact: true }).fill(headline);
  await waitForSaved(page);
}

test('two tabs, two people at once: each action is recorded under its own tab’s person', async ({ page, preview }) => {
  await openApp(page, preview);
  await addPerson(page, 'Zhao Min', [s.roles.reporter]);
  await switchUser(page, 'Zhao Min');

  // A new tab starts locked, whoever is signed in elsewhere; Lin signs in there with her passphrase.
  const other = await page.context().newPage();
  await other.goto(preview.url);
  await expect(other.getByRole('region', { name: s.desk.signInTitle })).toBeVisible();
  await signIn(other, 'Lin Xiaolan');

  // Lin's sign-in in the second tab changes nothing in the first.
  await expect(signedInAs(page, 'Zhao Min')).toBeVisible();
  await newArticle(page, 'Written in the first tab');
  await newArticle(other, 'Written in the second tab');

  const { articles } = await preview.workspace.articles.list();
  const byHeadline = (headline: string) => articles.find((a) => a.headline === headline);
  expect(byHeadline('Written in the first tab')).toMatchObject({ createdBy: 'Zhao Min', updatedBy: 'Zhao Min' });
  expect(byHeadline('Written in the second tab')).toMatchObject({ createdBy: 'Lin Xiaolan', updatedBy: 'Lin Xiaolan' });
  const library = page.getByRole('list', { name: s.library.articles });
  await page.reload();
  await expect(library.getByRole('listitem').filter({ hasText: 'Written in the first tab' })).toContainText('by Zhao Min');

  // A reload keeps the tab's person; the other tab keeps its own.
  await expect(signedInAs(page, 'Zhao Min')).toBeVisible();
  await expect(signedInAs(other, 'Lin Xiaolan')).toBeVisible();
});

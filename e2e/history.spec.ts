import { en } from '../src/renderer/i18n/en';
import { openArticle, reviewPanel, submitOverWarning, typeAtEndOfFirstParagraph } from './desk';
import { expect, test, openApp } from './fixtures';

const s = en;
const SAMPLE = /^千年茶山/;
test.use({ locale: 'en-US' });

test('three saved edits, a comparison of the first and last, and a restore', async ({ page, preview }) => {
  await openApp(page, preview);
  await openArticle(page, SAMPLE);
  const history = page.getByRole('region', { name: s.history.panel });
  const revisions = history.getByRole('listitem');
  await page.getByRole('tab', { name: s.history.panel }).click();
  await expect(history.getByText(s.history.none)).toBeVisible();

  const body = page.getByRole('textbox', { name: s.editor.body });
  await body.locator('p').first().click();
  await page.keyboard.press('Control+s');
  await expect(revisions).toHaveCount(1);

  await body.locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Added sentence for the record.');
  await page.keyboard.press('Control+s');
  await expect(revisions).toHaveCount(2);

  const caption = page.getByRole('figure', { name: s.figure.image }).nth(1).getByLabel(s.figure.caption);
  await caption.click();
  await caption.press('End');
  await caption.pressSequentially(' Updated caption.');
  await page.keyboard.press('Control+s');
  await expect(revisions).toHaveCount(3);

  await history.getByLabel(s.history.pick.replace('{{n}}', '1')).check();
  await history.getByLabel(s.history.pick.replace('{{n}}', '3')).check();
  await history.getByRole('button', { name: s.history.compareSelected }).click();
  const diff = page.getByRole('dialog', { name: /Changes from Revision 1 to Revision 3/ });
  await expect(diff.locator('ins', { hasText: 'Added sentence for the record.' })).toBeVisible();
  await expect(diff.locator('.diff-figure ins', { hasText: 'Updated caption.' })).toBeVisible();
  await diff.getByLabel(s.history.sideBySide).check();
  await expect(diff.locator('.diff-after ins', { hasText: 'Added sentence for the record.' })).toBeVisible();
  await diff.getByRole('button', { name: s.history.close }).click();

  await history.getByRole('listitem', { name: 'Revision 1' }).getByRole('button', { name: s.history.restore }).click();
  await expect(page.getByRole('textbox', { name: s.editor.body }).locator('p').first()).not.toContainText('Added sentence');
  await page.getByRole('tab', { name: s.history.panel }).click();
  await expect(revisions).toHaveCount(4);
  await expect(revisions.first()).toHaveAccessibleName('Revision 4');
  await expect(revisions.first()).toContainText('restored revision 1');

  await page.reload();
  await openArticle(page, SAMPLE);
  await expect(page.getByRole('textbox', { name: s.editor.body }).locator('p').first()).not.toContainText('Added sentence');
  await expect(page.getByRole('figure', { name: s.figure.image }).nth(1).getByLabel(s.figure.caption)).not.toHaveValue(/Updated caption/);
  await page.getByRole('tab', { name: s.history.panel }).click();
  await expect(revisions).toHaveCount(4);
  await expect(revisions.first()).toHaveAccessibleName('Revision 4');
});

test('review actions recorded in the history while the article is open leave its copy saving', async ({ page, preview }) => {
  await openApp(page, preview);
  await openArticle(page, SAMPLE);
  await submitOverWarning(page);
  await reviewPanel(page).getByRole('button', { name: s.review.withdraw }).click();
  await expect(reviewPanel(page).getByRole('button', { name: s.review.submit })).toBeVisible();

  await typeAtEndOfFirstParagraph(page, ' Written after withdrawing.');
  const { articles } = await preview.workspace.articles.list();
  const id = articles.find((a) => SAMPLE.test(a.headline))!.id;
  await expect.poll(async () => JSON.stringify((await preview.workspace.get(id)).body.root.children?.[0])).toContain('Written after withdrawing.');
  await expect(page.getByRole('status', { name: s.status.saveState })).toHaveText(new RegExp(`^${s.status.saved.split('{{')[0]}`));
  await page.getByRole('tab', { name: s.history.panel }).click();
  const revisions = page.getByRole('region', { name: s.history.panel }).getByRole('listitem');
  await expect(revisions.filter({ hasText: 'withdrew' })).toHaveCount(1);

  await page.reload();
  await openArticle(page, SAMPLE);
  await expect(page.getByRole('textbox', { name: s.editor.body }).locator('p').first()).toContainText('Written after withdrawing.');
});

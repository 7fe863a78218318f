import { en } from '../src/renderer/i18n/en';
import { addPerson, approve, openArticle, reviewPanel, submitOverWarning, switchUser, typeAtEndOfFirstParagraph } from './desk';
import { expect, test, waitForSaved, openApp } from './fixtures';

const s = en;
const SAMPLE = /^千年茶山/;
test.use({ locale: 'en-US' });

test('a Required check blocks approval, fixing the text unblocks it, and a quick fix removes its finding', async ({ page, preview }) => {
  await openApp(page, preview);
  await addPerson(page, 'Wang Li', [s.roles.editor]);
  await openArticle(page, SAMPLE);

  // A quick fix: a half-width comma between Chinese characters becomes a full-width one.
  const body = page.getByRole('textbox', { name: s.editor.body });
  await typeAtEndOfFirstParagraph(page, '茶农说,今年好');
  await page.getByRole('tab', { name: /^Checks/ }).click();
  const checks = page.getByRole('region', { name: s.checks.panel });
  const halfWidth = checks.getByRole('listitem').filter({ hasText: 'half-width' });
  await expect(halfWidth).toHaveCount(1);
  await halfWidth.getByRole('button', { name: /^Fix/ }).click();
  await expect(body.locator('p').first()).toContainText('茶农说，今年好');
  await expect(halfWidth).toHaveCount(0);
  await waitForSaved(page);

  await page.getByRole('tab', { name: s.review.panel }).click();
  await submitOverWarning(page);
  await switchUser(page, 'Wang Li');
  await openArticle(page, SAMPLE);
  await approve(page, 'Checked.');
  await expect(page.getByRole('alert')).toContainText('Proofreading found 1 problem(s) this workspace requires fixed before approval: Image captions');
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.first })).toHaveAttribute('aria-current', 'step');

  await page.getByRole('tab', { name: /^Checks/ }).click();
  await checks.getByRole('button', { name: /Figure 1 caption/ }).click();
  await expect(page.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.figure.caption)).toBeFocused();
  await page.keyboard.type('Morning mist over the terraces of Gaofeng village.');
  await expect(checks.getByRole('listitem')).toHaveCount(0);
  await waitForSaved(page);
  await page.getByRole('tab', { name: s.review.panel }).click();
  await approve(page, 'Checked.');
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.second })).toHaveAttribute('aria-current', 'step');
});

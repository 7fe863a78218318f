import { en } from '../src/renderer/i18n/en';
import { addPerson, approve, chain, openArticle, reviewPanel, switchUser, typeAtEndOfFirstParagraph } from './desk';
import { expect, test, waitForSaved, openApp } from './fixtures';

const s = en;
const SAMPLE = /^千年茶山/;
test.use({ locale: 'en-US' });

test('the author is warned before submitting; a reviewer approves over recommended findings with one confirmation', async ({ page, preview }) => {
  test.setTimeout(90_000);
  await openApp(page, preview);
  await addPerson(page, 'Wang Li', [s.roles.editor]);
  await openArticle(page, SAMPLE);

  // A vague time word: a Recommended finding.
  await typeAtEndOfFirstParagraph(page, '近日，茶园开采。');
  await waitForSaved(page);

  // Submitting lists what the first review will be refused on: the figure without a caption.
  await reviewPanel(page).getByRole('button', { name: s.review.submit }).click();
  const ahead = page.getByRole('dialog', { name: s.review.confirmAheadTitle });
  await expect(ahead.getByRole('list', { name: s.review.findingsAhead }).getByRole('listitem')).toHaveText(['Figure 1 caption Image 1 has no caption.']);
  await ahead.getByRole('button', { name: s.review.submitAnyway }).click();
  await expect(reviewPanel(page).getByRole('button', { name: s.review.withdraw })).toBeVisible();

  // The editor sees the same finding holding the approval; trying twice shows it once.
  await switchUser(page, 'Wang Li');
  await openArticle(page, SAMPLE);
  const notice = reviewPanel(page).getByRole('alert');
  await expect(notice.getByRole('list', { name: s.review.findingsBlocking }).getByRole('listitem')).toHaveText(['Figure 1 caption Image 1 has no caption.']);
  await approve(page, 'Checked.');
  await reviewPanel(page).getByRole('button', { name: s.review.approve, exact: true }).click();
  await expect(notice).toHaveCount(1);
  await expect(page.locator('.error-stack')).toHaveCount(0);

  // Fixed in the checks: the notice goes.
  await notice.getByRole('button', { name: s.review.showChecks }).click();
  await page.getByRole('region', { name: s.checks.panel }).getByRole('button', { name: /Figure 1 caption/ }).click();
  await page.keyboard.type('Morning mist over the terraces of Gaofeng village.');
  await waitForSaved(page);
  await page.getByRole('tab', { name: s.review.panel }).click();
  await expect(reviewPanel(page).getByRole('alert')).toHaveCount(0);

  // Approving asks once, listing the recommended finding, and the approval says it was given over it.
  await reviewPanel(page).getByRole('button', { name: s.review.approve, exact: true }).click();
  const confirm = page.getByRole('dialog', { name: s.review.confirmRecommendedTitle });
  await expect(confirm.getByRole('list', { name: s.review.findingsRecommended }).getByRole('listitem')).toHaveCount(1);
  await expect(confirm.getByRole('listitem')).toContainText('近日');
  await confirm.getByRole('button', { name: 'Approve over 1 recommended finding' }).click();
  await expect(chain(page).getByRole('listitem').filter({ hasText: s.stages.first })).toContainText('approved over 1 recommended finding');
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.second })).toHaveAttribute('aria-current', 'step');

  const [sample] = (await preview.workspace.articles.list()).articles;
  const { records } = await preview.workspace.review(sample!.id);
  expect(records.at(-1)).toMatchObject({ action: 'approve', actorName: 'Wang Li', overRecommended: 1, opinion: 'Checked.' });
});

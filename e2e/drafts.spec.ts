import { en } from '../src/renderer/i18n/en';
import { addPerson, openArticle, reviewPanel, selectInBody, submitOverWarning, switchUser } from './desk';
import { expect, test, openApp } from './fixtures';

const s = en;
const SAMPLE = /^千年茶山/;
test.use({ locale: 'en-US' });

test('half-written opinions, reasons, comments and replies survive switching tabs and articles until sent', async ({ page, preview }) => {
  test.setTimeout(90_000);
  await preview.draft('en', { headline: 'Second story' });
  await openApp(page, preview);
  await addPerson(page, 'Wang Li', [s.roles.editor]);
  await openArticle(page, SAMPLE);
  await submitOverWarning(page);

  await switchUser(page, 'Wang Li');
  await openArticle(page, SAMPLE);
  const panel = reviewPanel(page);
  await panel.getByLabel(s.review.opinion).fill('Facts checked; the lead is');
  await panel.getByLabel(s.review.reason).fill('The second section needs');

  // The refusal sends people to the checks and back.
  await page.getByRole('tab', { name: /^Checks/ }).click();
  await page.getByRole('tab', { name: s.review.panel }).click();
  await expect(panel.getByLabel(s.review.opinion)).toHaveValue('Facts checked; the lead is');
  await expect(panel.getByLabel(s.review.reason)).toHaveValue('The second section needs');

  // Another article and back.
  await openArticle(page, 'Second story');
  await expect(panel.getByLabel(s.review.opinion)).toHaveCount(0);
  await openArticle(page, SAMPLE);
  await expect(panel.getByLabel(s.review.opinion)).toHaveValue('Facts checked; the lead is');

  // A comment being written, and a reply.
  await selectInBody(page, '层层叠叠的茶园');
  await page.getByRole('toolbar', { name: s.toolbar.label }).getByRole('button', { name: s.annotations.comment }).click();
  const annotations = page.getByRole('region', { name: s.annotations.panel });
  await annotations.getByLabel(s.annotations.commentText).fill('Name the');
  await page.getByRole('tab', { name: s.review.panel }).click();
  await page.getByRole('tab', { name: new RegExp(`^${s.annotations.panel}`) }).click();
  await annotations.getByLabel(s.annotations.commentText).pressSequentially(' village.');
  await annotations.getByRole('button', { name: s.annotations.addComment }).click();
  // Sent: the comment is in the thread and the draft box is empty again.
  await expect(annotations.getByRole('listitem').getByText('Name the village.')).toBeVisible();
  await expect(annotations.getByLabel(s.annotations.commentText)).toHaveCount(0);
  await annotations.getByLabel('Reply to Wang Li').fill('Half a reply');
  await page.getByRole('tab', { name: /^Checks/ }).click();
  await page.getByRole('tab', { name: new RegExp(`^${s.annotations.panel}`) }).click();
  await expect(annotations.getByLabel('Reply to Wang Li')).toHaveValue('Half a reply');

  // Sent: the reason's draft is gone; the opinion, not sent, is kept.
  await page.getByRole('tab', { name: s.review.panel }).click();
  await panel.getByLabel(s.review.reason).pressSequentially(' a source.');
  await panel.getByRole('button', { name: s.review.return, exact: true }).click();
  await expect(panel.getByText('Sent back by Wang Li: The second section needs a source.')).toBeVisible();
  const drafts = await page.evaluate(() => Object.values(JSON.parse(sessionStorage.getItem('newsroom.drafts') ?? '{}') as Record<string, string>));
  expect(drafts).toContain('Facts checked; the lead is');
  expect(drafts).not.toContain('The second section needs a source.');
  expect(drafts).not.toContain('Name the village.');
});

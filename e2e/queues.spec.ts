import { bodyOf, paragraphNode } from '../src/shared/article/body';
import { en } from '../src/renderer/i18n/en';
import { addPerson, approve, openArticle, reviewPanel, selectInBody, sendBack, showQueue, switchUser } from './desk';
import { expect, test, openApp } from './fixtures';

const s = en;
test.use({ locale: 'en-US' });

const queueCount = (page: import('@playwright/test').Page, queue: string) =>
  page.getByRole('group', { name: s.queues.label }).getByRole('button', { name: new RegExp(`^${queue}`) }).locator('.queue-count');

test('queues agree on returned articles, counts are right from the start, and history labels the stage of each action', async ({ page, preview }) => {
  test.setTimeout(90_000);
  await preview.draft('en', { headline: 'Mountain railway opens', channel: ['Home', 'News'], byline: 'Staff reporter Lin Xiaolan', body: bodyOf([paragraphNode('The line opened on Monday morning.')]) });
  await openApp(page, preview);
  await addPerson(page, 'Wang Li', [s.roles.editor]);
  await addPerson(page, 'Zhao Min', [s.roles.second]);
  await openArticle(page, 'Mountain railway opens');
  await reviewPanel(page).getByRole('button', { name: s.review.submit }).click();

  await switchUser(page, 'Wang Li');
  await openArticle(page, 'Mountain railway opens');
  await selectInBody(page, 'Monday morning');
  await page.getByRole('toolbar', { name: s.toolbar.label }).getByRole('button', { name: s.annotations.comment }).click();
  await page.getByLabel(s.annotations.commentText).fill('Which station?');
  await page.getByRole('button', { name: s.annotations.addComment }).click();
  await page.getByRole('tab', { name: s.review.panel }).click();
  await approve(page, 'Fine.');
  await page.getByRole('dialog', { name: s.review.confirmOpen }).getByRole('button', { name: s.review.confirm }).click();
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.second })).toHaveAttribute('aria-current', 'step');

  // The open annotation is counted as soon as the page loads.
  await page.reload();
  await expect(queueCount(page, s.queues.annotations)).toHaveText('1');

  // Sent back from the second review to the first: returned to the editor, and waiting for them.
  await switchUser(page, 'Zhao Min');
  await openArticle(page, 'Mountain railway opens');
  await sendBack(page, s.stages.first, 'Name the station.');
  await switchUser(page, 'Wang Li');
  await expect(queueCount(page, s.queues.returned)).toHaveText('1');
  await expect(queueCount(page, s.queues.waiting)).toHaveText('1');
  await showQueue(page, s.queues.returned);
  const list = page.getByRole('list', { name: s.library.articles });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('sent back by Zhao Min');

  // Resolving the only annotation does not pretend there never was one.
  await openArticle(page, 'Mountain railway opens');
  await page.getByRole('tab', { name: new RegExp(`^${s.annotations.panel}`) }).click();
  const annotations = page.getByRole('region', { name: s.annotations.panel });
  await annotations.getByRole('button', { name: s.annotations.resolve }).click();
  await expect(annotations).toContainText('The annotation is resolved.');
  await expect(annotations).not.toContainText('No annotations yet');
  await expect(queueCount(page, s.queues.annotations)).toHaveText('0');

  // History: each action under the stage where it was taken.
  await page.getByRole('tab', { name: s.history.panel }).click();
  const history = page.getByRole('region', { name: s.history.panel });
  const groupOf = (action: string) => history.locator('.history-group').filter({ has: page.getByText(action, { exact: true }) });
  await expect(groupOf(s.review.actions.approve).getByRole('heading')).toContainText(s.stages.first);
  await expect(groupOf(s.review.actions.return).getByRole('heading')).toContainText(s.stages.second);
  await expect(groupOf(s.review.actions.submit).getByRole('heading')).toContainText(s.stages.draft);
});

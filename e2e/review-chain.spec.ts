import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { en } from '../src/renderer/i18n/en';
import { addPerson, approve, chain, openArticle, reviewPanel, selectInBody, sendBack, showQueue, submitOverWarning, switchUser } from './desk';
import { expect, test, waitForSaved, openApp } from './fixtures';

const s = en;
const SAMPLE = /千年茶山/;
const QUOTED = '层层叠叠的茶园';

test.use({ locale: 'en-US' });

test('four people take the sample article from draft to sign-off', async ({ page, preview }) => {
  test.setTimeout(120_000);
  await openApp(page, preview);
  await addPerson(page, 'Wang Li', [s.roles.editor, s.roles.third]);
  await addPerson(page, 'Zhao Min', [s.roles.second]);
  await addPerson(page, 'Chen Gang', [s.roles.third]);

  // The reporter submits the sample article, told that its first figure has no caption.
  await openArticle(page, SAMPLE);
  await submitOverWarning(page);
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.first })).toHaveAttribute('aria-current', 'step');

  // The responsible editor annotates the text; the annotation survives a reload.
  await switchUser(page, 'Wang Li');
  await showQueue(page, s.queues.waiting);
  await openArticle(page, SAMPLE);
  await selectInBody(page, QUOTED);
  await page.getByRole('toolbar', { name: s.toolbar.label }).getByRole('button', { name: s.annotations.comment }).click();
  await page.getByLabel(s.annotations.commentText).fill('Name the village here.');
  await page.getByRole('button', { name: s.annotations.addComment }).click();
  const annotations = page.getByRole('region', { name: s.annotations.panel });
  await expect(annotations.getByRole('listitem', { name: `On “${QUOTED}”` })).toContainText('Name the village here.');
  await expect(page.getByRole('textbox', { name: s.editor.body }).locator('mark', { hasText: QUOTED })).toHaveCount(1);
  await waitForSaved(page);
  await page.reload();
  await openArticle(page, SAMPLE);
  await page.getByRole('tab', { name: new RegExp(s.annotations.panel) }).click();
  await expect(annotations.getByText('Name the village here.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: s.editor.body }).locator('mark', { hasText: QUOTED })).toHaveCount(1);

  // The first figure has no caption: a Required check. The editor writes one.
  await page.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.figure.caption).fill('Terraced tea rows above the village at dawn.');
  await waitForSaved(page);

  // Approving with the annotation open asks first.
  await page.getByRole('tab', { name: s.review.panel }).click();
  await approve(page, 'Facts checked; tidy the lead.');
  await page.getByRole('dialog', { name: s.review.confirmOpen }).getByRole('button', { name: s.review.confirm }).click();
  await expect(chain(page).getByText('Facts checked; tidy the lead.')).toBeVisible();

  // The second reviewer sends it back to the reporter, who finds it under "Returned to me".
  await switchUser(page, 'Zhao Min');
  await openArticle(page, SAMPLE);
  await sendBack(page, s.review.toAuthor, 'The second section needs a source for the output figure.');
  await switchUser(page, 'Lin Xiaolan');
  await showQueue(page, s.queues.returned);
  await openArticle(page, SAMPLE);
  await expect(reviewPanel(page).getByText('Sent back by Zhao Min: The second section needs a source for the output figure.')).toBeVisible();
  await page.getByRole('tab', { name: new RegExp(s.annotations.panel) }).click();
  await annotations.getByRole('button', { name: s.annotations.resolve }).click();
  await expect(annotations.getByText('Name the village here.')).toHaveCount(0);
  await page.getByRole('tab', { name: s.review.panel }).click();
  await reviewPanel(page).getByRole('button', { name: s.review.submit }).click();

  await switchUser(page, 'Wang Li');
  await openArticle(page, SAMPLE);
  await approve(page, 'Sources added. Approved.');
  await switchUser(page, 'Zhao Min');
  await openArticle(page, SAMPLE);
  await approve(page, 'Second review passed.');

  // The third reviewer sends it back to the first review; the editor's edit makes the second approval stale.
  await switchUser(page, 'Chen Gang');
  await openArticle(page, SAMPLE);
  await sendBack(page, s.stages.first, 'Tighten the headline.');
  await switchUser(page, 'Wang Li');
  await openArticle(page, SAMPLE);
  const headline = page.getByLabel(s.editor.headline, { exact: true });
  await headline.fill('千年茶山“种”出数字新动能');
  await waitForSaved(page);
  const second = reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.second });
  await expect(second.getByText(s.review.stale)).toBeVisible();
  await approve(page, 'Headline tightened.');
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.second })).toHaveAttribute('aria-current', 'step');

  await switchUser(page, 'Zhao Min');
  await openArticle(page, SAMPLE);
  await approve(page, 'Still good.');
  await expect(second.getByText(s.review.stale)).toHaveCount(0);

  // The person who did the first review is refused as its third reviewer.
  await switchUser(page, 'Wang Li');
  await openArticle(page, SAMPLE);
  await expect(reviewPanel(page).getByText('Wang Li did the first review of this article; the same person may not also do its third review.')).toBeVisible();
  await expect(reviewPanel(page).getByRole('button', { name: s.review.signOff })).toHaveCount(0);
  await expect(page.getByText(s.review.readOnly)).toBeVisible();

  await switchUser(page, 'Chen Gang');
  await showQueue(page, s.queues.waiting);
  await openArticle(page, SAMPLE);
  await approve(page, 'Signed for publication.', s.review.signOff);
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.signed })).toBeVisible();
  await showQueue(page, s.queues.signed);
  await expect(page.getByRole('list', { name: s.library.articles }).getByRole('listitem')).toHaveCount(1);

  // The finished copy: no annotations, and the footer from the sign-offs.
  await reviewPanel(page).getByRole('button', { name: s.review.finishedCopy }).click();
  const copy = page.getByRole('dialog', { name: s.copy.title });
  await expect(copy.locator('footer')).toHaveText('责任编辑：Wang Li\u3000二审：Zhao Min\u3000三审：Chen Gang');
  await expect(copy.getByRole('heading', { level: 1 })).toHaveText('千年茶山“种”出数字新动能');
  await expect(copy).toContainText(QUOTED);
  await expect(copy.locator('mark')).toHaveCount(0);
  await expect(copy).not.toContainText('Name the village here.');
  await expect(copy.getByRole('figure')).toHaveCount(5);
});

test('a review record altered on disk without its signer\'s key is reported as forged and the app keeps working', async ({ page, preview }) => {
  const { workspace } = preview;
  const [sample] = (await workspace.articles.list()).articles;
  await openApp(page, preview);
  await openArticle(page, SAMPLE);
  await submitOverWarning(page);

  // Someone with the folder but not the key rewrites the submission's opinion and keeps the old signature.
  const dir = join(workspace.layout.articleDir(sample!.id), 'log');
  const [file] = await readdir(dir);
  const log = join(dir, file!);
  const lines = (await readFile(log, 'utf8')).split('\n');
  const at = lines.findIndex((line) => decoded(line).includes('"action":"submit"'));
  expect(at).toBeGreaterThanOrEqual(0);
  const envelope = JSON.parse(lines[at]!) as { payload: string };
  envelope.payload = Buffer.from(decoded(lines[at]!).replace('"action":"submit"', '"action":"submit","opinion":"forged"')).toString('base64');
  lines[at] = JSON.stringify(envelope);
  const tampered = lines.join('\n');
  await writeFile(log, tampered);
  await preview.draft('en', { headline: 'An untouched story' });

  await page.reload();
  await openArticle(page, SAMPLE);
  await expect(reviewPanel(page).getByRole('alert')).toContainText(file!);
  await expect(reviewPanel(page).getByText(s.records.forged)).toBeVisible();
  await expect(reviewPanel(page).getByRole('button', { name: s.review.withdraw })).toHaveCount(0);
  await openArticle(page, 'An untouched story');
  await expect(reviewPanel(page).getByRole('button', { name: s.review.submit })).toBeVisible();
  expect(await readFile(log, 'utf8')).toBe(tampered);
});

function decoded(line: string): string {
  try {
    return Buffer.from((JSON.parse(line) as { payload: string }).payload, 'base64').toString('utf8');
  } catch {
    return '';
  }
}

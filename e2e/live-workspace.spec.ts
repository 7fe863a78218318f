import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { en } from '../src/renderer/i18n/en';
import { addPerson, approve, openArticle, reviewPanel, submitOverWarning, typeAtEndOfFirstParagraph } from './desk';
import { expect, signIn, test, waitForSaved } from './fixtures';
import { deskPage, signInAtDesk, startDesk, type DeskPreview } from './live-desks';

const s = en;
const SAMPLE = /千年茶山/;
const headline = (page: Page) => page.getByLabel(s.editor.headline, { exact: true });
/** Work done at the other desk shows here without a reload (well within this, on a busy machine). */
const ACROSS = { timeout: 20_000 };

test.use({ locale: 'en-US' });

let base: string;
let desks: DeskPreview[] = [];
let pages: Page[] = [];

test.beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'nr-e2e-live-'));
});

test.afterEach(async () => {
  await Promise.all(pages.map((page) => page.context().close()));
  pages = [];
  await Promise.all(desks.map((desk) => desk.close()));
  desks = [];
  await rm(base, { recursive: true, force: true });
});

/** Desks A and B on one folder both reach (a network share), each with its own data folder and page; Lin Xiaolan set up the workspace at A. */
async function twoDesks(browser: Browser) {
  const folder = join(base, 'shared-workspace');
  const a = await startDesk({ label: 'A', workspaceDir: folder, dataDir: join(base, 'data-a'), firstPerson: 'Lin Xiaolan' });
  const b = await startDesk({ label: 'B', workspaceDir: folder, dataDir: join(base, 'data-b') });
  desks = [a, b];
  const pageA = await deskPage(browser, a);
  const pageB = await deskPage(browser, b);
  pages = [pageA, pageB];
  return { a, b, pageA, pageB };
}

test('two desks on one shared folder see each other’s work as it happens, without a reload', async ({ browser }) => {
  test.setTimeout(180_000);
  const { pageA, pageB } = await twoDesks(browser);
  await signInAtDesk(pageA, 'Lin Xiaolan');
  await expect(pageB.getByRole('region', { name: s.desk.signInTitle }).getByRole('radio')).toHaveCount(1);

  // The administrator adds a colleague at desk A; desk B's sign-in lists her as soon as the roster changes.
  const code = await addPerson(pageA, 'Wang Li', [s.roles.editor]);
  await signInAtDesk(pageB, 'Wang Li', code);

  // The reporter submits at A: at B it lands in "Waiting for me", with a notice that opens it.
  await openArticle(pageA, SAMPLE);
  await submitOverWarning(pageA);
  const notices = pageB.getByRole('region', { name: s.live.notices });
  const waiting = notices.getByRole('status').filter({ hasText: 'is waiting for your review' });
  await expect(waiting).toContainText('千年茶山', ACROSS);
  await expect(pageB.getByRole('group', { name: s.queues.label }).getByRole('button', { name: new RegExp(`^${s.queues.waiting}`) })).toContainText('1');
  await waiting.getByRole('button', { name: s.live.open }).click();
  await expect(reviewPanel(pageB)).toBeVisible();
  await expect(notices).toHaveCount(0);

  // The editor at B changes the headline; the reporter's open copy at A follows in place.
  await headline(pageB).fill('千年茶山：数字新动能');
  await waitForSaved(pageB);
  await expect(headline(pageA)).toHaveValue('千年茶山：数字新动能', ACROSS);
  await expect(pageA.getByRole('list', { name: s.library.articles })).toContainText('千年茶山：数字新动能');

  // The same editor at desk A now edits the copy that B is also editing: B is told a newer version arrived.
  await pageA.getByRole('button', { name: s.desk.switchPerson, exact: true }).click();
  await signIn(pageA, 'Wang Li', pageA.getByRole('dialog', { name: s.desk.switchTitle }));
  await openArticle(pageA, SAMPLE);
  await pageA.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.figure.caption).fill('Terraced tea rows above the village at dawn.');
  await headline(pageA).fill('千年茶山“种”出数字新动能');
  await waitForSaved(pageA);
  const newer = pageB.getByRole('alert').filter({ hasText: s.live.newerTitle });
  await expect(newer).toContainText('Wang Li', ACROSS);
  await expect(headline(pageB)).toHaveValue('千年茶山：数字新动能');
  await newer.getByRole('button', { name: s.live.showNewer }).click();
  await expect(headline(pageB)).toHaveValue('千年茶山“种”出数字新动能');
  await expect(newer).toHaveCount(0);

  // B approves the first review: A's open article shows the second review as current, with no notice.
  await approve(pageB, 'Facts checked.');
  const secondAtA = reviewPanel(pageA).getByRole('listitem').filter({ hasText: s.stages.second });
  await expect(secondAtA).toHaveAttribute('aria-current', 'step', ACROSS);
  await expect(pageA.getByRole('alert').filter({ hasText: s.live.newerTitle })).toHaveCount(0);
});

test('a review action at another desk leaves the copy being edited here savable', async ({ browser }) => {
  test.setTimeout(120_000);
  const { pageA, pageB } = await twoDesks(browser);
  // The reporter works on her draft at desk A, and has it open at desk B too.
  await signInAtDesk(pageA, 'Lin Xiaolan');
  await signInAtDesk(pageB, 'Lin Xiaolan');
  await openArticle(pageA, SAMPLE);
  await typeAtEndOfFirstParagraph(pageA, '（一）');
  await waitForSaved(pageA);
  await openArticle(pageB, SAMPLE);
  await expect(pageB.getByRole('textbox', { name: s.editor.body })).toContainText('（一）');

  // At B she submits it and takes it back: two review actions, each recording the same copy as a new revision.
  await submitOverWarning(pageB);
  await reviewPanel(pageB).getByRole('button', { name: s.review.withdraw }).click();
  await expect(reviewPanel(pageB).getByRole('button', { name: s.review.submit })).toBeVisible();
  // A's review history lists both, read from the logs B wrote.
  await expect(reviewPanel(pageA).locator('.review-history li')).toHaveCount(2, ACROSS);
  await expect(reviewPanel(pageA).locator('.review-history li').first()).toContainText(`Lin Xiaolan ${s.review.actions.withdraw}`);

  // At A the copy she is editing is still the newest: her next words are saved, and nothing says otherwise.
  await typeAtEndOfFirstParagraph(pageA, '（二）');
  await waitForSaved(pageA);
  await expect(pageA.getByRole('alert').filter({ hasText: s.live.newerTitle })).toHaveCount(0);
  await expect(pageB.getByRole('textbox', { name: s.editor.body })).toContainText('（二）', ACROSS);
});


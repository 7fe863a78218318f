/**
 * The same person edits one article at two desks whose folders are out of touch (a laptop off
 * the network): when the files cross, neither copy is lost; what does not collide is merged,
 * and what does is shown side by side for her to pick.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { en } from '../src/renderer/i18n/en';
import { syncFolder } from '../test/helpers/sync-folder';
import { openArticle, typeAtEndOfFirstParagraph } from './desk';
import { expect, test, waitForSaved } from './fixtures';
import { deskPage, signInAtDesk, startDesk, type DeskPreview } from './live-desks';

const s = en;
const SAMPLE = /千年茶山/;
const ACROSS = { timeout: 20_000 };
const body = (page: Page) => page.getByRole('textbox', { name: s.editor.body });
const headline = (page: Page) => page.getByLabel(s.editor.headline, { exact: true });

let base: string;
let desks: DeskPreview[] = [];
let pages: Page[] = [];

test.beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'nr-e2e-crossed-'));
});

test.afterEach(async () => {
  await Promise.all(pages.map((page) => page.context().close()));
  pages = [];
  await Promise.all(desks.map((desk) => desk.close()));
  desks = [];
  await rm(base, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test('copies saved at the same time at two desks are merged, and where they collide she picks', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const folderA = join(base, 'desk-a');
  const folderB = join(base, 'desk-b');
  const a = await startDesk({ label: 'A', workspaceDir: folderA, dataDir: join(base, 'data-a'), firstPerson: 'Lin Xiaolan' });
  desks.push(a);
  await cp(folderA, folderB, { recursive: true });
  const b = await startDesk({ label: 'B', workspaceDir: folderB, dataDir: join(base, 'data-b') });
  desks.push(b);
  const [pageA, pageB] = [await deskPage(browser, a), await deskPage(browser, b)];
  pages.push(pageA, pageB);
  await signInAtDesk(pageA, 'Lin Xiaolan');
  await signInAtDesk(pageB, 'Lin Xiaolan');
  await openArticle(pageA, SAMPLE);
  await openArticle(pageB, SAMPLE);

  // Out of touch, she ends the first paragraph differently at each desk, and changes the headline at B only.
  await typeAtEndOfFirstParagraph(pageA, '（甲）');
  await waitForSaved(pageA);
  await typeAtEndOfFirstParagraph(pageB, '（乙）');
  await headline(pageB).fill('千年茶山“种”出数字新动能');
  await waitForSaved(pageB);

  // The folders meet. Each desk is told a newer version arrived, and showing it keeps what was typed there.
  await syncFolder(folderA, folderB);
  await syncFolder(folderB, folderA);
  const newer = pageA.getByRole('alert').filter({ hasText: s.live.newerTitle });
  await newer.getByRole('button', { name: s.live.showNewer }).click(ACROSS);
  const crossed = pageA.getByRole('region', { name: s.crossed.title });
  await expect(crossed).toBeVisible(ACROSS);
  // What does not collide is merged already: B's headline. The collision shows both endings.
  await expect(headline(pageA)).toHaveValue('千年茶山“种”出数字新动能');
  const place = crossed.getByRole('group', { name: /^Place 1/ });
  await expect(place).toContainText('（甲）');
  await expect(place).toContainText('（乙）');
  await expect(place).toContainText('Lin Xiaolan');
  // Nothing can be typed into a copy that is not settled.
  await expect(body(pageA)).toHaveAttribute('contenteditable', 'false');
  await pageA.screenshot({ path: testInfo.outputPath('crossed-copies.png') });

  // She keeps the ending typed at B.
  const sides = place.locator('.collision-side');
  const bIndex = (await sides.nth(0).textContent())!.includes('（乙）') ? 0 : 1;
  await place.getByRole('radio', { name: bIndex === 0 ? s.crossed.keep.a : s.crossed.keep.b }).check();
  await crossed.getByRole('button', { name: /^Merge/ }).click();
  await expect(crossed).toHaveCount(0, ACROSS);
  await expect(body(pageA)).toContainText('（乙）');
  await expect(body(pageA)).not.toContainText('（甲）');
  await expect(body(pageA)).toHaveAttribute('contenteditable', 'true');

  // The merge reaches desk B: the same copy there, and the history names it.
  await syncFolder(folderA, folderB);
  await pageB.getByRole('alert').filter({ hasText: s.live.newerTitle }).or(pageB.locator('.article-page')).first().waitFor();
  await expect(async () => {
    const notice = pageB.getByRole('alert').filter({ hasText: s.live.newerTitle });
    if (await notice.isVisible()) await notice.getByRole('button', { name: s.live.showNewer }).click();
    await expect(body(pageB)).toContainText('（乙）', { timeout: 2_000 });
    await expect(body(pageB)).not.toContainText('（甲）', { timeout: 2_000 });
  }).toPass(ACROSS);
  await expect(headline(pageB)).toHaveValue('千年茶山“种”出数字新动能');
  await pageA.getByRole('tab', { name: s.history.panel }).click();
  await expect(pageA.getByText(s.history.merged).first()).toBeVisible();
});

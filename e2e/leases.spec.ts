import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { en } from '../src/renderer/i18n/en';
import { openArticle, typeAtEndOfFirstParagraph } from './desk';
import { expect, test } from './fixtures';
import { deskPage, signInAtDesk, startDesk, useDeskRoom, type DeskPreview } from './live-desks';

const s = en;
const SAMPLE = /千年茶山/;
/** What one desk does shows at the other within the change feed's couple of seconds (generous: a busy machine). */
const ACROSS = { timeout: 20_000 };
const body = (page: Page) => page.getByRole('textbox', { name: s.editor.body });
const banner = (page: Page) => page.getByRole('status', { name: s.leases.bannerLabel });

test.use({ locale: 'en-US' });

const room = useDeskRoom('nr-e2e-leases-');

/** A desk whose name, as its data folder says, is `name`. */
async function namedDesk(label: string, name: string, firstPerson?: string): Promise<DeskPreview> {
  const dataDir = join(room.base, `data-${label}`);
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'desk-name.json'), JSON.stringify({ name }));
  return startDesk({ label, workspaceDir: join(room.base, 'shared-workspace'), dataDir, ...(firstPerson ? { firstPerson } : {}) });
}

test('check-out: desk B sees who edits at desk A and reads; taking over turns A read-only and keeps what A typed', async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await namedDesk('a', 'DESK-A', 'Lin Xiaolan');
  const b = await namedDesk('b', 'DESK-B');
  room.desks.push(a, b);
  const pageA = await deskPage(browser, a);
  const pageB = await deskPage(browser, b);
  room.pages.push(pageA, pageB);

  // At desk A the reporter opens her draft to edit: the lease is hers, and nothing stands in her way.
  await signInAtDesk(pageA, 'Lin Xiaolan');
  await openArticle(pageA, SAMPLE);
  await typeAtEndOfFirstParagraph(pageA, '（甲）');
  await expect(banner(pageA)).toHaveCount(0);

  // At desk B (the same reporter, at another computer) the library marks the article, and it opens read-only with the banner.
  await signInAtDesk(pageB, 'Lin Xiaolan');
  const row = pageB.getByRole('list', { name: s.library.articles }).getByRole('listitem').filter({ hasText: SAMPLE });
  await expect(row).toContainText('editing: Lin Xiaolan', ACROSS);
  await openArticle(pageB, SAMPLE);
  await expect(banner(pageB)).toContainText(/Being edited by Lin Xiaolan on DESK-A since \d{2}:\d{2}/);
  await expect(body(pageB)).toHaveAttribute('contenteditable', 'false');
  await expect(pageB.getByLabel(s.editor.headline, { exact: true })).toHaveAttribute('readonly', '');
  await body(pageB).locator('p').first().click();
  await pageB.keyboard.type('（乙不该出现）');
  await expect(body(pageB)).not.toContainText('乙不该出现');
  await banner(pageB).screenshot({ path: test.info().outputPath('lease-banner.png') });
  await pageB.screenshot({ path: test.info().outputPath('lease-desk-b.png') });

  // A types on; B takes over (after confirming) while that typing may not be saved yet.
  await typeAtEndOfFirstParagraph(pageA, '（丙）');
  await banner(pageB).getByRole('button', { name: s.leases.takeOver }).click();
  const confirm = pageB.getByRole('dialog', { name: s.leases.confirmTitle });
  await expect(confirm).toContainText('Lin Xiaolan is editing this article on DESK-A');
  await confirm.getByRole('button', { name: s.leases.confirmTakeOver }).click();
  await expect(banner(pageB)).toHaveCount(0);
  await expect(body(pageB)).toHaveAttribute('contenteditable', 'true');

  // A's editor turns read-only, saying who took over where; what A typed was saved as a revision and reaches B.
  await expect(banner(pageA)).toContainText(/Lin Xiaolan took over editing on DESK-B at \d{2}:\d{2}/, ACROSS);
  await expect(body(pageA)).toHaveAttribute('contenteditable', 'false');
  await expect(body(pageB)).toContainText('（甲）', ACROSS);
  await expect(body(pageB)).toContainText('（丙）', ACROSS);
  await pageB.getByRole('tab', { name: s.history.panel }).click();
  const revisions = pageB.getByRole('region', { name: s.history.panel }).getByRole('listitem');
  await expect(revisions.first()).toBeVisible(ACROSS);

  // B edits now, and A follows read-only.
  await typeAtEndOfFirstParagraph(pageB, '（丁）');
  await expect(body(pageA)).toContainText('（丁）', ACROSS);
  await banner(pageA).screenshot({ path: test.info().outputPath('lease-taken-over.png') });
});

import { en } from '../src/renderer/i18n/en';
import { zhCN } from '../src/renderer/i18n/zh-CN';
import { approve, openArticle, selectInBody, switchUser } from './desk';
import { expect, startPreview, test, waitForSaved } from './fixtures';
import { caretAfter, paragraphWith, SAMPLE, sampleAtFirstReview } from './suggestions';

const s = en;
const DELETED = '银灰色的';
const INSERTED = '高山';
const CAPTION = '雾溪县高峰村的茶园，茶垄间立着监测立杆。';
test.use({ locale: 'en-US' });

test('the second reviewer sees the first reviewer’s edits marked in place, by person and stage, since the chosen copy', async ({ page }) => {
  test.setTimeout(240_000);
  const preview = await startPreview({ userName: '林晓岚' });
  try {
    // 王丽 edits at the first review (not suggesting): a phrase deleted, a word typed, a caption rewritten.
    await sampleAtFirstReview(page, preview, [
      ['王丽', s.roles.editor],
      ['赵敏', s.roles.second],
    ]);
    await selectInBody(page, DELETED);
    await page.keyboard.press('Backspace');
    await caretAfter(page, '高峰村');
    await page.keyboard.type(INSERTED);
    const caption = page.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.figure.caption);
    await caption.fill(CAPTION);
    await waitForSaved(page);
    // Her own changes are marked as soon as they are saved.
    await expect(page.getByRole('note', { name: new RegExp(`^Inserted by 王丽 · First review · .*“${INSERTED}”`) })).toHaveCount(1);

    // 赵敏 reads ahead at the first review: since the copy as the first review received it, 王丽's changes are marked.
    await switchUser(page, '赵敏');
    await openArticle(page, SAMPLE);
    const since = page.getByLabel(s.changes.since);
    await expect(since).toHaveValue('stage-received');
    const inserted = page.getByRole('note', { name: new RegExp(`^Inserted by 王丽 · First review · .*“${INSERTED}”`) });
    const deleted = page.getByRole('note', { name: new RegExp(`^Deleted by 王丽 · First review · .*“${DELETED}”`) });
    await expect(inserted).toHaveCount(1);
    await expect(deleted).toHaveCount(1);
    await expect(inserted).toHaveAttribute('title', /王丽 · First review/);
    const captionChanges = page.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.changes.field);
    await expect(captionChanges.locator('ins').first()).toHaveAttribute('title', /^Inserted by 王丽 · First review/);
    // The inserted words are tinted in 王丽's colour, over the copy and not in it: one box over two characters.
    const box = page.locator('.change-inserted');
    await expect(box).toHaveCount(1);
    await expect(async () => {
      const word = await page.evaluate((text) => {
        const p = [...document.querySelectorAll('[contenteditable] p')].find((e) => e.textContent!.includes(text))!;
        const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!;
        const at = node.textContent!.indexOf(text);
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width };
      }, `高峰村${INSERTED}`);
      const tinted = (await box.boundingBox())!;
      expect(Math.abs(tinted.x + tinted.width - (word.x + word.width))).toBeLessThan(2);
      expect(Math.abs(tinted.y - word.y)).toBeLessThan(4);
      expect(Math.abs(tinted.width - (word.width * 2) / 5)).toBeLessThan(3);
    }).toPass();
    await expect(paragraphWith(page, '初夏时节').locator('ins, del')).toHaveCount(0);
    await expect(paragraphWith(page, '初夏时节')).toContainText(`高峰村${INSERTED}`);
    await paragraphWith(page, '初夏时节').screenshot({ path: test.info().outputPath('paragraph.png') });
    await inserted.focus();
    await expect(inserted).toBeFocused();
    await page.screenshot({ path: test.info().outputPath('changes-since.png'), fullPage: false });
    await captionChanges.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('changes-since-caption.png'), fullPage: false });

    // The final copy shows no marks; the original copy is the copy as the first review received it.
    const views = page.getByRole('group', { name: s.suggestions.view });
    await views.getByRole('radio', { name: s.suggestions.views.final }).check();
    await expect(page.getByRole('note')).toHaveCount(0);
    await views.getByRole('radio', { name: s.suggestions.views.original }).check();
    const original = page.getByRole('region', { name: s.changes.original });
    await expect(original).toContainText(`高峰村，层层叠叠`);
    await expect(original).toContainText(`一根根${DELETED}监测立杆`);
    await expect(original).not.toContainText(CAPTION);
    await expect(page.getByRole('textbox', { name: s.editor.body })).toBeHidden();
    await page.screenshot({ path: test.info().outputPath('changes-since-original.png'), fullPage: false });
    await views.getByRole('radio', { name: s.suggestions.views.changes }).check();
    await expect(inserted).toHaveCount(1);

    // 王丽 approves; at the second review, the copy as it was received has no changes yet, and since submitted has hers.
    await switchUser(page, '王丽');
    await openArticle(page, SAMPLE);
    await approve(page, 'First review passed.');
    await switchUser(page, '赵敏');
    await openArticle(page, SAMPLE);
    await expect(page.getByLabel(s.changes.since)).toHaveValue('stage-received');
    await expect(page.getByText(/Compared with the copy saved by 王丽 \(First review/)).toBeVisible();
    await expect(page.getByRole('note')).toHaveCount(0);
    await page.getByLabel(s.changes.since).selectOption('submitted');
    await expect(inserted).toHaveCount(1);
    await expect(deleted).toHaveCount(1);
    await expect(captionChanges).toBeVisible();
    // A later revision — 王丽's approval — as the base: nothing she did before it is marked.
    const later = page.getByLabel(s.changes.since).locator('option', { hasText: /王丽/ }).last();
    await page.getByLabel(s.changes.since).selectOption((await later.getAttribute('value'))!);
    await expect(page.getByRole('note')).toHaveCount(0);
    await expect(captionChanges).toHaveCount(0);

    // In Chinese, the marks say the same.
    await page.getByLabel(s.changes.since).selectOption('submitted');
    await page.getByLabel(s.app.language).selectOption('zh-CN');
    await expect(page.getByLabel(zhCN.changes.since)).toHaveValue('submitted');
    await expect(page.getByRole('note', { name: new RegExp(`^王丽 · 一审 · .* 插入：“${INSERTED}”`) })).toHaveCount(1);
    await expect(page.getByRole('note', { name: new RegExp(`^王丽 · 一审 · .* 删除：“${DELETED}”`) })).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('changes-since-zh.png'), fullPage: false });
  } finally {
    await preview.server.close();
  }
});

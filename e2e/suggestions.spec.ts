import { en } from '../src/renderer/i18n/en';
import { openArticle, reviewPanel, selectInBody, sendBack, switchUser, approve } from './desk';
import { expect, startPreview, test, typeWithIme, waitForSaved } from './fixtures';
import { caretAfter, paragraphWith, SAMPLE, sampleAtFirstReview, showSuggestions, suggestingMode, suggestionsPanel } from './suggestions';

const s = en;
const DELETED = '银灰色的';
const CAPTION = '雾溪县高峰村的茶园，茶垄间立着监测立杆。';
test.use({ locale: 'en-US' });

test('a reviewer suggests, the author accepts two and rejects one, and the sign-off waits for pending suggestions', async ({ page }) => {
  test.setTimeout(240_000);
  const preview = await startPreview({ userName: '林晓岚' });
  try {
    // 王丽, at the first review, suggests: a phrase deleted, words typed through the input method, a caption.
    await sampleAtFirstReview(page, preview, [
      ['王丽', s.roles.editor],
      ['赵敏', s.roles.second],
      ['陈杰', s.roles.third],
    ]);
    await suggestingMode(page);
    await selectInBody(page, DELETED);
    await page.keyboard.press('Backspace');
    await caretAfter(page, '高峰村');
    await typeWithIme(page, ['g', 'gao', 'gaoshan'], '高山');
    const firstCaption = page.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.figure.caption);
    await firstCaption.click();
    await typeWithIme(page, ['w', 'wu', 'wuxi'], CAPTION);
    await expect(firstCaption).toHaveValue(CAPTION);
    const body = page.getByRole('textbox', { name: s.editor.body });
    await expect(body.locator('del.suggestion')).toHaveText([DELETED]);
    await expect(body.locator('ins.suggestion')).toHaveText(['高山']);
    await expect(body.locator('ins.suggestion')).toHaveAttribute('title', /王丽 · First review/);
    await waitForSaved(page);
    await showSuggestions(page);
    await expect(suggestionsPanel(page).getByRole('listitem', { name: /by 王丽/ })).toHaveCount(3);
    await page.getByRole('tab', { name: s.review.panel }).click();
    await sendBack(page, s.review.toAuthor, 'Please look at my suggestions.');

    // 林晓岚 sees three suggestions by 王丽, accepts two and rejects one.
    await switchUser(page, '林晓岚');
    await openArticle(page, SAMPLE);
    await showSuggestions(page);
    const panel = suggestionsPanel(page);
    const byWang = panel.getByRole('region', { name: 'Suggestions by 王丽' });
    await expect(byWang.getByRole('listitem')).toHaveCount(3);
    await byWang.getByRole('listitem', { name: 'Deletion by 王丽, paragraph 1' }).getByRole('button', { name: s.suggestions.accept }).click();
    await byWang.getByRole('listitem', { name: 'Insertion by 王丽, paragraph 1' }).getByRole('button', { name: s.suggestions.reject }).click();
    // One is still pending: the panel says so, naming it, as a statement (the question comes with submitting).
    await expect(panel.getByRole('status')).toHaveText('1 suggested change is still pending (王丽 (1)): it is not part of the copy you submit.');
    await byWang.getByRole('listitem', { name: 'Change by 王丽, caption of figure 1' }).getByRole('button', { name: s.suggestions.accept }).click();
    await expect(panel.getByText(s.suggestions.none)).toBeVisible();

    const expectedParagraph = '初夏时节，走进云岭市雾溪县高峰村，层层叠叠的茶园沿着山势铺展开来，云雾在山腰间缓缓流动。与往年不同的是，茶垄之间多了一根根监测立杆';
    await expect(paragraphWith(page, '初夏时节')).toContainText(expectedParagraph);
    await expect(body.locator('.suggestion')).toHaveCount(0);
    await expect(firstCaption).toHaveValue(CAPTION);
    await waitForSaved(page);
    await page.reload();
    await openArticle(page, SAMPLE);
    await expect(paragraphWith(page, '初夏时节')).toContainText(expectedParagraph);
    await expect(page.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.figure.caption)).toHaveValue(CAPTION);
    const [summary] = (await preview.workspace.articles.list()).articles;
    const stored = await preview.workspace.get(summary!.id);
    expect(JSON.stringify(stored.body)).not.toContain('"suggestion"');
    expect(stored.body.root.children!.find((n) => n.type === 'figure')!.caption).toBe(CAPTION);

    // The history names who did what.
    await page.getByRole('tab', { name: s.history.panel }).click();
    const revisions = page.getByRole('region', { name: s.history.panel }).getByRole('listitem');
    await expect(revisions.filter({ hasText: 'Accepted a suggestion by 王丽' }).filter({ hasText: '林晓岚' })).toHaveCount(2);
    await expect(revisions.filter({ hasText: 'Rejected a suggestion by 王丽' }).filter({ hasText: '林晓岚' })).toHaveCount(1);
    await expect(revisions.filter({ hasText: '王丽' }).filter({ hasText: s.review.actions.return })).toHaveCount(1);

    // Through the reviews to the third, where 陈杰 suggests one change: sign-off is refused while it is pending.
    await page.getByRole('tab', { name: s.review.panel }).click();
    await reviewPanel(page).getByRole('button', { name: s.review.submit }).click();
    await switchUser(page, '王丽');
    await openArticle(page, SAMPLE);
    await approve(page, 'Suggestions settled.');
    await switchUser(page, '赵敏');
    await openArticle(page, SAMPLE);
    await approve(page, 'Second review passed.');
    await switchUser(page, '陈杰');
    await openArticle(page, SAMPLE);
    await suggestingMode(page);
    await caretAfter(page, '茶垄之间');
    await page.keyboard.type('新');
    await waitForSaved(page);
    await showSuggestions(page);
    await expect(suggestionsPanel(page).getByRole('status')).toHaveText(
      '1 suggested change is still pending (陈杰 (1)). The copy can be signed off only once every suggestion has been accepted or rejected.',
    );
    await suggestionsPanel(page).getByRole('button', { name: s.suggestions.reject }).click();
    await expect(suggestionsPanel(page).getByRole('status')).toHaveCount(0);
  } finally {
    await preview.server.close();
  }
});

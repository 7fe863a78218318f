import { en } from '../src/renderer/i18n/en';
import { paragraphOf, textNode, type BodyNode } from '../src/shared/article/body';
import { suggestionNode } from '../src/shared/suggestions/build';
import { openArticle, selectInBody } from './desk';
import { expect, openApp, test, typeWithIme, waitForSaved } from './fixtures';
import { signRevisionAsIs } from './format2-helpers';
import { caretAfter, paragraphWith, suggestingMode } from './suggestions';

const s = en;
const SAMPLE = /千年茶山/;
const WANG = { by: 'u-wangli0001', byName: '王丽', at: '2026-05-06T08:00:00.000Z', stage: 'first' as const };
test.use({ locale: 'en-US' });

test('composing Chinese inside, before and after suggestions and in a caption neither duplicates nor loses a character', async ({ page, preview }) => {
  test.setTimeout(120_000);
  // The copy already holds an insertion by 王丽 in its second paragraph, as her desk would have saved it.
  const [summary] = (await preview.workspace.articles.list()).articles;
  const article = await preview.workspace.get(summary!.id);
  const children = article.body.root.children!.slice();
  children[1] = paragraphOf([textNode('雾溪县种茶历史'), suggestionNode({ ...WANG, kind: 'insert', id: 's-wang00001' }, '悠久，'), textNode('超过一千年。')]);
  const { channel, headline, deck, byline, language } = article;
  await signRevisionAsIs(preview, article.id, { channel, headline, deck, byline, language, body: { root: { ...article.body.root, children: children as BodyNode[] } } });

  await openApp(page, preview);
  await openArticle(page, SAMPLE);
  await suggestingMode(page);
  const body = page.getByRole('textbox', { name: s.editor.body });
  const first = paragraphWith(page, '初夏时节');

  // In plain text: a new insertion. Inside one's own insertion: it grows.
  await caretAfter(page, '高峰村');
  await typeWithIme(page, ['g', 'gao', 'gaoshan'], '高山');
  await caretAfter(page, '高山');
  await page.keyboard.press('ArrowLeft');
  await typeWithIme(page, ['d', 'da'], '大');
  // Before and after a deletion.
  await selectInBody(page, '银灰色的');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(150);
  await typeWithIme(page, ['z', 'zhi', 'zhineng'], '智能');
  await caretAfter(page, '银灰色的');
  await typeWithIme(page, ['x', 'xin'], '新型');
  // Over a selection: one replacement.
  await selectInBody(page, '云雾');
  await typeWithIme(page, ['b', 'bo', 'bowu'], '薄雾');
  // Inside and right after someone else's insertion.
  await caretAfter(page, '悠久');
  await typeWithIme(page, ['f', 'fei', 'feichang'], '非常');
  await page.locator(`ins.suggestion[data-by="${WANG.by}"]`).last().evaluate((element) => {
    const text = element.querySelector('[data-lexical-text]')!.firstChild!;
    (element.closest('[contenteditable]') as HTMLElement).focus();
    const range = document.createRange();
    range.setStart(text, text.textContent!.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await typeWithIme(page, ['c', 'cha'], '茶');

  await expect(first).toContainText('走进云岭市雾溪县高峰村高大山，层层叠叠的茶园沿着山势铺展开来，云雾薄雾在山腰间缓缓流动。与往年不同的是，茶垄之间多了一根根智能银灰色的新型监测立杆');
  await expect(first.locator('ins.suggestion')).toHaveText(['高大山', '薄雾', '智能', '新型']);
  await expect(first.locator('del.suggestion')).toHaveText(['云雾', '银灰色的']);
  const second = paragraphWith(page, '雾溪县种茶历史');
  await expect(second).toHaveText('雾溪县种茶历史悠久非常，茶超过一千年。');
  await expect(second.locator('ins.suggestion')).toHaveText(['悠久', '非常', '，', '茶']);
  await expect(second.locator(`ins.suggestion[data-by="${WANG.by}"]`)).toHaveText(['悠久', '，']);

  // A caption: composed twice, the second time in the middle of the first.
  const caption = page.getByRole('figure', { name: s.figure.image }).first().getByLabel(s.figure.caption);
  await caption.click();
  await typeWithIme(page, ['c', 'cha'], '茶园清晨');
  await caption.press('ArrowLeft');
  await caption.press('ArrowLeft');
  await typeWithIme(page, ['d', 'de'], '的');
  await expect(caption).toHaveValue('茶园的清晨');
  await waitForSaved(page);

  // What was stored is exactly that, and reads back the same.
  await page.reload();
  await openArticle(page, SAMPLE);
  await expect(paragraphWith(page, '初夏时节')).toContainText('高峰村高大山，层层叠叠的茶园沿着山势铺展开来，云雾薄雾在山腰间缓缓流动。与往年不同的是，茶垄之间多了一根根智能银灰色的新型监测立杆');
  await expect(paragraphWith(page, '雾溪县种茶历史')).toHaveText('雾溪县种茶历史悠久非常，茶超过一千年。');
  const stored = await preview.workspace.get(article.id);
  const figure = stored.body.root.children!.find((node) => node.type === 'figure')!;
  expect(figure.caption).toBe('');
  expect(figure.proposals).toMatchObject([{ field: 'caption', base: '', proposed: '茶园的清晨', byName: 'Lin Xiaolan' }]);
  await expect(body.locator(`ins.suggestion:not([data-by="${WANG.by}"])`)).toHaveText(['高大山', '薄雾', '智能', '新型', '非常', '茶']);
});

import { en } from '../src/renderer/i18n/en';
import { expect, test, typeWithIme, waitForSaved, openApp } from './fixtures';

const s = en;
test.use({ locale: 'en-US' });

test('a new article written in Chinese with the English interface is stored as Chinese; the language can be set by hand', async ({ page, preview }) => {
  await openApp(page, preview);
  await page.getByRole('button', { name: s.library.newArticle }).click();
  const language = page.getByLabel(s.editor.language);
  await expect(language).toHaveValue('en');

  await typeWithIme(page, ['ch', 'cha', 'chashan'], '茶山');
  await page.getByLabel(s.editor.headline, { exact: true }).pressSequentially('种出数字新动能');
  await page.getByRole('textbox', { name: s.editor.body }).click();
  await typeWithIme(page, ['w', 'wu', 'wuxi'], '雾溪县推动茶产业全链条数字化转型，去年全县茶叶综合产值达46.8亿元。');
  await expect(language).toHaveValue('zh-CN');
  await expect(page.locator('article.article-page')).toHaveAttribute('lang', 'zh-CN');
  await waitForSaved(page);
  const [created] = (await preview.workspace.articles.list()).articles.filter((a) => a.headline === '茶山种出数字新动能');
  expect((await preview.workspace.get(created!.id)).language).toBe('zh-CN');

  // Chosen by hand, the language stays as chosen whatever the text.
  await language.selectOption('en');
  await page.getByRole('textbox', { name: s.editor.body }).click();
  await page.keyboard.press('End');
  await typeWithIme(page, ['c', 'ch'], '茶农人均收入增长超过三成。');
  await page.waitForTimeout(600);
  await expect(language).toHaveValue('en');
  await waitForSaved(page);
  expect((await preview.workspace.get(created!.id)).language).toBe('en');
});

test('an imported Chinese document is stored as Chinese with the English interface', async ({ page, preview }) => {
  await openApp(page, preview);
  const markdown = '# 山区铁路今日通车\n\n第一趟列车早上七点从山谷车站出发，沿线群众早早赶来观看。\n';
  await page.getByLabel(s.library.importFile).setInputFiles({ name: 'railway.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
  await expect(page.getByLabel(s.editor.headline, { exact: true })).toHaveValue('山区铁路今日通车');
  await expect(page.getByLabel(s.editor.language)).toHaveValue('zh-CN');
  const [imported] = (await preview.workspace.articles.list()).articles.filter((a) => a.headline === '山区铁路今日通车');
  expect((await preview.workspace.get(imported!.id)).language).toBe('zh-CN');
});

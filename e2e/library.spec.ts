import { en } from '../src/renderer/i18n/en';
import { zhCN } from '../src/renderer/i18n/zh-CN';
import { expect, test, openApp } from './fixtures';

test.use({ locale: 'en-US' });

test('switching articles right after typing keeps every keystroke', async ({ page, preview }) => {
  const other = await preview.draft('en', { headline: 'Second story' });
  await openApp(page, preview);
  await page.getByRole('button', { name: 'Second story', exact: true }).click();
  const body = page.getByRole('textbox', { name: en.editor.body });
  await body.click();
  await page.keyboard.type('Typed just before switching');
  await page.getByRole('button', { name: /千年茶山/ }).first().click();
  await expect(page.getByLabel(en.editor.headline, { exact: true })).toHaveValue(/千年茶山/);
  await page.getByRole('button', { name: 'Second story', exact: true }).click();
  await expect(page.getByRole('textbox', { name: en.editor.body })).toHaveText('Typed just before switching');
  const stored = await preview.workspace.get(other.id);
  expect(JSON.stringify(stored.body)).toContain('Typed just before switching');
});

test('the filter narrows the library and the language control switches the interface', async ({ page, preview }) => {
  await preview.draft('en', { headline: 'Mountain railway opens', channel: ['Home', 'News', 'Text'] });
  await openApp(page, preview);
  const list = page.getByRole('list', { name: en.library.articles });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByLabel(en.library.filter).fill('railway');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('button', { name: 'Mountain railway opens', exact: true })).toBeVisible();
  await page.getByLabel(en.library.filter).fill('nothing like this');
  await expect(list).toContainText('No article matches');

  await page.getByLabel(en.app.language).selectOption('zh-CN');
  await expect(page.getByRole('navigation', { name: zhCN.library.title })).toBeVisible();
  await expect(page.getByRole('button', { name: zhCN.library.newArticle })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByRole('button', { name: zhCN.library.newArticle })).toBeVisible();
});

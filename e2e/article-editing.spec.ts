import { join } from 'node:path';
import { en } from '../src/renderer/i18n/en';
import { zhCN } from '../src/renderer/i18n/zh-CN';
import { expect, openApp, SAMPLE_DIR, test, typeWithIme, waitForSaved } from './fixtures';

const LANGUAGES = [
  { locale: 'en-US', strings: en },
  { locale: 'zh-CN', strings: zhCN },
] as const;

for (const { locale, strings: s } of LANGUAGES) {
  test.describe(`writing an article (${locale})`, () => {
    test.use({ locale });

    test('create, write every part, reload, trash and restore', async ({ page, preview }) => {
      await openApp(page, preview, preview.userName, s);
      await expect(page.getByRole('navigation', { name: s.library.title })).toBeVisible();
      await page.getByRole('button', { name: s.library.newArticle }).click();

      const headline = page.getByLabel(s.editor.headline, { exact: true });
      await expect(headline).toBeFocused();
      await typeWithIme(page, ['g', 'gu', 'gui', '贵'], '贵山');
      await headline.pressSequentially(' tea hills go digital');
      await page.getByLabel(s.editor.channel).fill('首页 > 贵山 > 正文');
      await page.getByLabel(s.editor.deck).fill('A county brings sensors to its tea terraces.');
      await page.getByLabel(s.editor.byline).fill('Staff reporter Lin Xiaolan');

      const body = page.getByRole('textbox', { name: s.editor.body });
      await body.click();
      await page.keyboard.type('First paragraph about the terraces.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Second paragraph with a farmer quoted.');
      await page.keyboard.press('Enter');
      await page.getByLabel(s.toolbar.blockType).selectOption('h2');
      await page.keyboard.type('Sensors in the fields');
      await page.keyboard.press('Enter');

      await page.getByLabel(s.toolbar.insertFigure, { exact: true }).setInputFiles(join(SAMPLE_DIR, 'figure-3.png'));
      const figure = page.getByRole('figure', { name: s.figure.image });
      await expect(figure).toHaveCount(1);
      await figure.getByLabel(s.figure.caption).click();
      await typeWithIme(page, ['c', 'ch', 'cha'], '茶园');
      await figure.getByLabel(s.figure.caption).pressSequentially(' at dawn');
      await figure.getByLabel(s.figure.credit).fill('Zhou Mingyuan');
      await figure.getByLabel(s.figure.alt).fill('Terraced tea rows under mist');
      await expect(page.getByRole('status', { name: s.status.saveState })).toHaveText(new RegExp(s.status.saved.split('{{')[0]!), { timeout: 30_000 });
      await waitForSaved(page);

      await page.reload();
      await page.getByRole('button', { name: '贵山 tea hills go digital', exact: true }).click();
      await expect(page.getByLabel(s.editor.headline, { exact: true })).toHaveValue('贵山 tea hills go digital');
      await expect(page.getByLabel(s.editor.channel)).toHaveValue('首页 > 贵山 > 正文');
      await expect(page.getByLabel(s.editor.deck)).toHaveValue('A county brings sensors to its tea terraces.');
      await expect(page.getByLabel(s.editor.byline)).toHaveValue('Staff reporter Lin Xiaolan');
      const reloadedBody = page.getByRole('textbox', { name: s.editor.body });
      await expect(reloadedBody.locator('p').first()).toHaveText('First paragraph about the terraces.');
      await expect(reloadedBody.locator('p').nth(1)).toHaveText('Second paragraph with a farmer quoted.');
      await expect(reloadedBody.locator('h2')).toHaveText('Sensors in the fields');
      const reloadedFigure = page.getByRole('figure', { name: s.figure.image });
      await expect(reloadedFigure.getByLabel(s.figure.caption)).toHaveValue('茶园 at dawn');
      await expect(reloadedFigure.getByLabel(s.figure.credit)).toHaveValue('Zhou Mingyuan');
      await expect(reloadedFigure.getByLabel(s.figure.alt)).toHaveValue('Terraced tea rows under mist');
      const image = reloadedFigure.getByRole('img', { name: 'Terraced tea rows under mist' });
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      const statusBar = page.getByRole('region', { name: s.status.label });
      await expect(statusBar.getByText(s.status.figures, { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText('1');

      const library = page.getByRole('list', { name: s.library.articles });
      await page.getByRole('button', { name: s.library.moveToTrashNamed.replace('{{headline}}', '贵山 tea hills go digital') }).click();
      await page.getByRole('dialog', { name: s.library.trashTitle }).getByRole('button', { name: s.library.moveToTrash }).click();
      await expect(library.getByRole('button', { name: '贵山 tea hills go digital', exact: true })).toHaveCount(0);
      await expect(page.getByText(s.app.nothingOpen)).toBeVisible();
      await page.getByRole('button', { name: s.library.showTrash }).click();
      await page.getByRole('button', { name: s.library.restoreNamed.replace('{{headline}}', '贵山 tea hills go digital') }).click();
      await page.getByRole('button', { name: s.library.showArticles }).click();
      await library.getByRole('button', { name: '贵山 tea hills go digital', exact: true }).click();
      await expect(page.getByRole('figure', { name: s.figure.image }).getByLabel(s.figure.caption)).toHaveValue('茶园 at dawn');
    });
  });
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { en } from '../src/renderer/i18n/en';
import { expect, SAMPLE_DIR, test, waitForSaved, openApp } from './fixtures';

const s = en;
test.use({ locale: 'en-US' });

async function sendImage(page: Page, kind: 'drop' | 'paste', file: string): Promise<void> {
  const base64 = (await readFile(join(SAMPLE_DIR, file))).toString('base64');
  await page.evaluate(
    ({ base64, kind, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'image/png' }));
      const body = document.querySelector('[contenteditable="true"]')!;
      const target = body.querySelector('p') ?? body;
      const event =
        kind === 'drop'
          ? new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true })
          : new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
    },
    { base64, kind, name: file },
  );
}

test('images arrive by drop and by paste, and can be replaced and removed', async ({ page, preview }) => {
  await openApp(page, preview);
  await page.getByRole('button', { name: s.library.newArticle }).click();
  await page.getByLabel(s.editor.headline, { exact: true }).fill('Figures by every route');
  const body = page.getByRole('textbox', { name: s.editor.body });
  await body.click();
  await page.keyboard.type('Opening paragraph.');

  await sendImage(page, 'drop', 'figure-2.png');
  const figures = page.getByRole('figure', { name: s.figure.image });
  await expect(figures).toHaveCount(1);
  await body.locator('p').first().click();
  await sendImage(page, 'paste', 'figure-4.png');
  await expect(figures).toHaveCount(2);

  const firstImage = figures.first().locator('img');
  const before = await firstImage.getAttribute('src');
  await figures.first().hover();
  await figures.first().getByLabel(s.figure.replace, { exact: true }).and(page.locator('input')).setInputFiles(join(SAMPLE_DIR, 'figure-5.png'));
  await expect(firstImage).not.toHaveAttribute('src', before!);

  await figures.nth(1).hover();
  await figures.nth(1).getByRole('button', { name: s.figure.remove }).click();
  await expect(figures).toHaveCount(1);
  await waitForSaved(page);

  const [summary] = (await preview.workspace.articles.list()).articles.filter((a) => a.headline === 'Figures by every route');
  const stored = await preview.workspace.get(summary!.id);
  const storedFigures = stored.body.root.children!.filter((node) => node.type === 'figure');
  expect(storedFigures).toHaveLength(1);
  const expectedAsset = (await import('node:crypto')).createHash('sha256').update(await readFile(join(SAMPLE_DIR, 'figure-5.png'))).digest('hex');
  expect(storedFigures[0]!.asset).toBe(expectedAsset);
});

test('a file that is not an image is refused in plain words and nothing is inserted', async ({ page, preview }) => {
  await openApp(page, preview);
  await page.getByRole('button', { name: s.library.newArticle }).click();
  await page.getByLabel(s.toolbar.insertFigure, { exact: true }).setInputFiles({
    name: 'notes.png',
    mimeType: 'image/png',
    buffer: Buffer.from('this is not really a picture'),
  });
  await expect(page.getByRole('alert')).toContainText('Not supported');
  await expect(page.getByRole('figure', { name: s.figure.image })).toHaveCount(0);
});

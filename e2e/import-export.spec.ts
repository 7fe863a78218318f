import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { en } from '../src/renderer/i18n/en';
import { addPerson, approve, openArticle, reviewPanel, switchUser } from './desk';
import { expect, SAMPLE_DIR, test, waitForSaved, openApp } from './fixtures';

const s = en;
test.use({ locale: 'en-US' });

async function wordFile(): Promise<Buffer> {
  const picture = await readFile(join(SAMPLE_DIR, 'figure-2.png'));
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Mountain railway opens to passengers')] }),
          new Paragraph({ children: [new TextRun('The first train left the valley station at seven in the morning.')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('A line decades in the making')] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: picture, transformation: { width: 320, height: 200 } })] }),
          new Paragraph({ children: [new TextRun('Passengers board the first train at the valley station.')] }),
          new Paragraph({ children: [new TextRun('Engineers spent eleven years on the bridges and tunnels.')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function dropFile(page: import('@playwright/test').Page, name: string, bytes: Buffer, type: string): Promise<void> {
  await page.evaluate(
    ({ name, base64, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
      document.querySelector('main')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, base64: bytes.toString('base64'), type },
  );
}

test('a dropped Word file becomes an article, passes the chain and exports as HTML with the footer', async ({ page, preview }) => {
  test.setTimeout(90_000);
  await openApp(page, preview);
  await addPerson(page, 'Wang Li', [s.roles.editor]);
  await addPerson(page, 'Zhao Min', [s.roles.second]);
  await addPerson(page, 'Chen Jie', [s.roles.third]);

  await dropFile(page, 'railway.docx', await wordFile(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await expect(page.getByLabel(s.editor.headline, { exact: true })).toHaveValue('Mountain railway opens to passengers');
  const body = page.getByRole('textbox', { name: s.editor.body });
  await expect(body.locator('h2')).toHaveText('A line decades in the making');
  const figure = page.getByRole('figure', { name: s.figure.image });
  await expect(figure.getByLabel(s.figure.caption)).toHaveValue('Passengers board the first train at the valley station.');
  await expect(body).toContainText('Engineers spent eleven years');

  await page.getByLabel(s.editor.channel).fill('Home > News > Text');
  await page.getByLabel(s.editor.byline).fill('Staff reporter Lin Xiaolan');
  await figure.getByLabel(s.figure.alt).fill('A train at a mountain station');
  await waitForSaved(page);
  await reviewPanel(page).getByRole('button', { name: s.review.submit }).click();
  for (const [person, button] of [
    ['Wang Li', s.review.approve],
    ['Zhao Min', s.review.approve],
    ['Chen Jie', s.review.signOff],
  ] as const) {
    await switchUser(page, person);
    await openArticle(page, 'Mountain railway opens to passengers');
    await approve(page, 'Approved.', button);
  }
  await expect(reviewPanel(page).getByRole('listitem').filter({ hasText: s.stages.signed })).toBeVisible();

  await reviewPanel(page).getByRole('button', { name: s.export.open }).click();
  const dialog = page.getByRole('dialog', { name: s.export.title });
  await expect(dialog.getByText(s.export.final)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: s.export.export }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/Mountain.*\.html$/);
  const html = await readFile((await download.path())!, 'utf8');
  expect(html).toContain('The first train left the valley station at seven in the morning.');
  expect(html).toContain('Passengers board the first train at the valley station.');
  expect(html).toContain('Edited by Wang Li / Second review Zhao Min / Third review Chen Jie');
  expect(html).not.toContain('DRAFT');
});

test('a damaged or unsupported file gives a clear error and creates nothing', async ({ page, preview }) => {
  await openApp(page, preview);
  await expect(page.getByRole('navigation', { name: s.library.title })).toBeVisible();
  const before = (await preview.workspace.articles.list()).articles.length;
  await dropFile(page, 'broken.docx', Buffer.from('PK\u0003\u0004 this is not really a zip'), 'application/octet-stream');
  await expect(page.getByRole('alert')).toContainText('not a readable Word document');
  await page.getByLabel(s.library.importFile).setInputFiles({ name: 'notes.rtf', mimeType: 'application/rtf', buffer: Buffer.from('{\\rtf1 hi}') });
  await expect(page.getByRole('alert')).toContainText('notes.rtf');
  expect((await preview.workspace.articles.list()).articles).toHaveLength(before);
});

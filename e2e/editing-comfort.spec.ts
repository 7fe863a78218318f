import { en } from '../src/renderer/i18n/en';
import { addPerson, reviewPanel, switchUser } from './desk';
import { expect, test, openApp } from './fixtures';

const s = en;
test.use({ locale: 'en-US' });

test('Markdown starts of lines and heading shortcuts shape the body; tooltips name them', async ({ page, preview }) => {
  await openApp(page, preview);
  await page.getByRole('button', { name: s.library.newArticle }).click();
  const body = page.getByRole('textbox', { name: s.editor.body });
  await body.click();
  for (const line of ['## Sensors in the fields', '### Where the data goes', '> A farmer said so.', '- first point', '']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. numbered');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Plain paragraph');
  await expect(body.locator('h2')).toHaveText('Sensors in the fields');
  await expect(body.locator('h3')).toHaveText('Where the data goes');
  await expect(body.locator('blockquote')).toHaveText('A farmer said so.');
  await expect(body.locator('ul > li')).toHaveText(['first point']);
  await expect(body.locator('ol > li')).toHaveText(['numbered']);

  // Ctrl+Alt+2 makes the paragraph a subheading, Ctrl+Alt+3 a minor one, Ctrl+Alt+0 a paragraph again.
  await page.keyboard.press('Control+Alt+2');
  await expect(body.locator('h2')).toHaveText(['Sensors in the fields', 'Plain paragraph']);
  await page.keyboard.press('Control+Alt+3');
  await expect(body.locator('h3')).toHaveText(['Where the data goes', 'Plain paragraph']);
  await page.keyboard.press('Control+Alt+0');
  await expect(body.locator('p').last()).toHaveText('Plain paragraph');

  const toolbar = page.getByRole('toolbar', { name: s.toolbar.label });
  await expect(toolbar.getByRole('button', { name: s.toolbar.bold })).toHaveAttribute('title', 'Bold (Ctrl+B)');
  await expect(toolbar.getByRole('button', { name: s.toolbar.heading })).toHaveAttribute("title", /Ctrl\+Alt\+2.*“##”/);
  await expect(toolbar.getByRole('button', { name: s.toolbar.quote })).toHaveAttribute('title', /“>”/);

  // A long caption grows its field instead of scrolling inside it.
  await page.getByLabel(s.toolbar.insertFigure, { exact: true }).setInputFiles('resources/sample/figure-3.png');
  const caption = page.getByRole('figure', { name: s.figure.image }).getByLabel(s.figure.caption);
  const before = await caption.evaluate((el) => el.getBoundingClientRect().height);
  await caption.fill('Terraced tea rows above the village at dawn, where the sensors were installed last spring by the county. '.repeat(4));
  await expect.poll(() => caption.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(before * 2);
  expect(await caption.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
});

test('the keyboard reaches the body at once, and focus never falls to the page body', async ({ page, preview }) => {
  await openApp(page, preview);
  await expect(page.getByRole('button', { name: /^千年茶山/ })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: /^Skip to the article text/ });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^千年茶山/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: s.editor.body })).toBeVisible();
  await page.keyboard.press('Control+Alt+B');
  await expect(page.getByRole('textbox', { name: s.editor.body })).toBeFocused();

  // Switching person gives the focus back to the control that opened the picker.
  await addPerson(page, 'Wang Li', [s.roles.editor]);
  await switchUser(page, 'Wang Li');
  await expect(page.getByRole('button', { name: s.desk.switchPerson, exact: true })).toBeFocused();
  await switchUser(page, 'Lin Xiaolan');
  await expect(page.getByRole('button', { name: s.desk.switchPerson, exact: true })).toBeFocused();
  // The top bar names every role, the administrator's too.
  await expect(page.getByRole('status', { name: s.desk.signedInAs.replace('{{name}}', 'Lin Xiaolan') })).toContainText(`${s.roles.reporter} · ${s.roles.admin}`);

  // After submitting, the focus stays in the review panel.
  await reviewPanel(page).getByRole('button', { name: s.review.submit }).click();
  await page.getByRole('dialog', { name: s.review.confirmAheadTitle }).getByRole('button', { name: s.review.submitAnyway }).click();
  await expect(reviewPanel(page).getByRole('button', { name: s.review.withdraw })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.review-panel, dialog') !== null)).toBe(true);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
});

test('the people dialog shows its errors inside and keeps what was typed; the roles reset after Add', async ({ page, preview }) => {
  await openApp(page, preview);
  await page.getByRole('button', { name: s.people.manage }).click();
  const dialog = page.getByRole('dialog', { name: s.people.dialogTitle });
  const roles = dialog.getByRole('group', { name: s.people.roles });
  await dialog.getByLabel(s.people.newName).fill('Wang Li');
  await roles.getByLabel(s.roles.editor, { exact: true }).check();
  await dialog.getByRole('button', { name: s.people.add, exact: true }).click();
  await expect(dialog.getByRole('rowheader', { name: 'Wang Li' })).toBeVisible();
  await expect(roles.getByLabel(s.roles.editor, { exact: true })).not.toBeChecked();
  await expect(roles.getByLabel(s.roles.reporter, { exact: true })).toBeChecked();

  await dialog.getByLabel(s.people.newName).fill('wang li');
  await dialog.getByRole('button', { name: s.people.add, exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“wang li” looks like “Wang Li”, who is already on the list. Use a name that tells them apart.');
  await expect(dialog.getByLabel(s.people.newName)).toHaveValue('wang li');
  await expect(page.locator('.error-stack')).toHaveCount(0);
});

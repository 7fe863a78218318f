import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { en } from '../src/renderer/i18n/en';

const s = en;

/** Admin adds a colleague with the given role labels through the People & roles dialog. */
export async function addPerson(page: Page, name: string, roles: string[]): Promise<void> {
  await page.getByRole('button', { name: s.people.manage }).click();
  const dialog = page.getByRole('dialog', { name: s.people.dialogTitle });
  await dialog.getByLabel(s.people.newName).fill(name);
  const choices = dialog.getByRole('group', { name: s.people.roles });
  for (const role of Object.values(s.roles)) {
    const box = choices.getByLabel(role, { exact: true });
    if (roles.includes(role)) await box.check();
    else await box.uncheck();
  }
  await dialog.getByRole('button', { name: s.people.add, exact: true }).click();
  await expect(dialog.getByRole('rowheader', { name })).toBeVisible();
  await dialog.getByRole('button', { name: s.people.close }).click();
}

export async function switchUser(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${s.people.switchUser}`) }).click();
  const dialog = page.getByRole('dialog', { name: s.people.whoIsWorking });
  await dialog.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(`${s.app.user}: ${name}\\)$`) })).toBeVisible();
}

export function reviewPanel(page: Page) {
  return page.getByRole('region', { name: s.review.panel });
}

export function chain(page: Page) {
  return reviewPanel(page).getByRole('list', { name: s.review.chain });
}

export async function openArticle(page: Page, headline: RegExp | string): Promise<void> {
  await page.getByRole('list', { name: s.library.articles }).getByRole('button', { name: headline }).first().click();
  await expect(reviewPanel(page)).toBeVisible();
}

export async function approve(page: Page, opinion: string, button = s.review.approve): Promise<void> {
  const panel = reviewPanel(page);
  await panel.getByLabel(s.review.opinion).fill(opinion);
  await panel.getByRole('button', { name: button, exact: true }).click();
}

export async function sendBack(page: Page, to: string, reason: string): Promise<void> {
  const panel = reviewPanel(page);
  await panel.getByLabel(s.review.returnTo).selectOption({ label: to });
  await panel.getByLabel(s.review.reason).fill(reason);
  await panel.getByRole('button', { name: s.review.return, exact: true }).click();
}

export async function showQueue(page: Page, queue: string): Promise<void> {
  await page.getByRole('group', { name: s.queues.label }).getByRole('button', { name: new RegExp(`^${queue}`) }).click();
}

/** Selects `text` inside the body's paragraphs, as a person dragging over it would. */
export async function selectInBody(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector('[contenteditable="true"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      (root as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${needle}" is not in the body`);
  }, text);
  await page.waitForTimeout(100);
}

/** Submits the open article; when the checks warn of what the first review will refuse, submits anyway. */
export async function submitOverWarning(page: Page): Promise<void> {
  await reviewPanel(page).getByRole('button', { name: s.review.submit }).click();
  await page.getByRole('dialog', { name: s.review.confirmAheadTitle }).getByRole('button', { name: s.review.submitAnyway }).click();
  await expect(reviewPanel(page).getByRole('button', { name: s.review.withdraw })).toBeVisible();
}

/** Types `text` at the end of the body's first paragraph (through the keyboard, not an input method). */
export async function typeAtEndOfFirstParagraph(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: s.editor.body }).locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

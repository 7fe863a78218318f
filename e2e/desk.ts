import type { Page } from '@playwright/test';
import { escapeRegExp, expect, passphraseFor, signIn } from './fixtures';
import { en, type Strings } from '../src/renderer/i18n/en';

const s = en;

/** Enrolment codes the administrator was shown on each page, by name, until that person's first sign-in. */
const codes = new WeakMap<Page, Map<string, string>>();

/** Admin adds a colleague with the given role labels through the People & roles dialog, and keeps the enrolment code shown once. */
export async function addPerson(page: Page, name: string, roles: string[], s: Strings = en): Promise<string> {
  await page.getByRole('button', { name: s.people.manage }).click();
  const dialog = page.getByRole('dialog', { name: s.people.dialogTitle });
  await dialog.getByLabel(s.people.newName).fill(name);
  const choices = dialog.getByRole('group', { name: s.people.roles });
  for (const role of Object.values(s.roles) as string[]) {
    const box = choices.getByLabel(role, { exact: true });
    if (roles.includes(role)) await box.check();
    else await box.uncheck();
  }
  await dialog.getByRole('button', { name: s.people.add, exact: true }).click();
  await expect(dialog.getByRole('rowheader', { name })).toBeVisible();
  const notice = dialog.getByRole('status', { name: s.people.codeFor.replace('{{name}}', name) });
  const code = (await notice.getByLabel(s.people.code).textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/);
  const kept = codes.get(page) ?? new Map<string, string>();
  kept.set(name, code);
  codes.set(page, kept);
  await notice.getByRole('button', { name: s.people.codeHandedOver }).click();
  await dialog.getByRole('button', { name: s.people.close }).click();
  return code;
}

/**
 * The next person takes the desk: Switch person, then their passphrase — or, at their first
 * sign-in, the enrolment code they were given and the passphrase they choose.
 */
export async function switchUser(page: Page, name: string, s: Strings = en): Promise<void> {
  await page.getByRole('button', { name: s.desk.switchPerson, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: s.desk.switchTitle });
  const code = codes.get(page)?.get(name);
  if (code) {
    await dialog.getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}`) }).check();
    await dialog.getByLabel(s.desk.enrolmentCode).fill(code);
    await dialog.getByLabel(s.desk.newPassphrase, { exact: true }).fill(passphraseFor(name));
    await dialog.getByLabel(s.desk.repeatPassphrase).fill(passphraseFor(name));
    await dialog.getByRole('button', { name: s.desk.signIn, exact: true }).click();
    await expect(page.getByRole('status', { name: s.desk.signedInAs.replace('{{name}}', name) })).toBeVisible({ timeout: 15_000 });
    codes.get(page)!.delete(name);
  } else {
    await signIn(page, name, dialog, s);
  }
  await expect(dialog).toHaveCount(0);
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

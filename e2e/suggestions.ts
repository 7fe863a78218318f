import type { Page } from '@playwright/test';
import { en } from '../src/renderer/i18n/en';
import { addPerson, openArticle, submitOverWarning, switchUser } from './desk';
import { expect, openApp, type Preview } from './fixtures';

const s = en;

/** The bundled sample article, by its headline. */
export const SAMPLE = /千年茶山/;

/** Switches the open article between editing and suggesting. */
export async function suggestingMode(page: Page, on = true): Promise<void> {
  await page.getByRole('group', { name: s.suggestions.mode }).getByRole('radio', { name: on ? s.suggestions.modes.suggesting : s.suggestions.modes.editing }).check();
}

export function suggestionsPanel(page: Page) {
  return page.getByRole('region', { name: s.suggestions.panel, exact: true });
}

export async function showSuggestions(page: Page): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${s.suggestions.panel}`) }).click();
  await expect(suggestionsPanel(page)).toBeVisible();
}

/** Puts the caret right after `text` in the body (the first place it occurs). */
export async function caretAfter(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector<HTMLElement>('[contenteditable="true"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      root.focus();
      const range = document.createRange();
      range.setStart(node, at + needle.length);
      range.collapse(true);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${needle}" is not in the body`);
  }, text);
  await page.waitForTimeout(100);
}

/** The body's paragraph that contains `text`, as a locator. */
export function paragraphWith(page: Page, text: string) {
  return page.getByRole('textbox', { name: s.editor.body }).locator('p', { hasText: text }).first();
}

/**
 * The sample article submitted by 林晓岚, who first adds `people` (name, role), and
 * open at the first review in the window of the first of them.
 */
export async function sampleAtFirstReview(page: Page, preview: Preview, people: ReadonlyArray<[string, string]>): Promise<void> {
  await openApp(page, preview);
  for (const [name, role] of people) await addPerson(page, name, [role]);
  await openArticle(page, SAMPLE);
  await submitOverWarning(page);
  await switchUser(page, people[0]![0]);
  await openArticle(page, SAMPLE);
}

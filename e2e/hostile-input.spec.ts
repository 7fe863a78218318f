import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { storedState } from '../src/main/services/revisions/revision-content';
import { bodyOf, linkNode, paragraphOf, textNode } from '../src/shared/article/body';
import { normaliseBody } from '../src/shared/article/body-safety';
import { en } from '../src/renderer/i18n/en';
import { expect, test, waitForSaved, openApp } from './fixtures';
import { signRevisionAsIs } from './format2-helpers';

const s = en;
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '<script>window.__pwned=(window.__pwned||0)+1</script>',
  '"><svg onload="window.__pwned=(window.__pwned||0)+1">',
];
const PAYLOAD = PAYLOADS.join(' ');

test.use({ locale: 'en-US' });

test('script payloads in a headline, a caption and pasted HTML never run', async ({ page, preview }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await openApp(page, preview);
  await page.getByRole('button', { name: /千年茶山/ }).first().click();

  const headline = page.getByLabel(s.editor.headline, { exact: true });
  await headline.fill(PAYLOAD);
  const caption = page.getByRole('figure', { name: s.figure.image }).nth(1).getByLabel(s.figure.caption);
  await caption.fill(PAYLOAD);

  const body = page.getByRole('textbox', { name: s.editor.body });
  await body.locator('p').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback');
    const target = document.querySelector('[contenteditable="true"]')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `<h2 onclick="window.__pwned=1">Pasted heading</h2><ul><li>one <b>bold</b></li><li>two</li></ul>
      <p>Before <a href="javascript:window.__pwned=1">bad link</a> and <a href="https://example.org/">good link</a></p>
      ${PAYLOAD}<iframe src="javascript:window.__pwned=1"></iframe>`);

  await expect(body.locator('h2', { hasText: 'Pasted heading' })).toHaveCount(1);
  await expect(body.locator('ul li')).toHaveCount(2);
  await expect(body.locator('ul li strong, ul li b, ul li .text-bold').first()).toHaveText('bold');
  await expect(body.locator('a[href="https://example.org/"]')).toHaveText('good link');
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(page.locator('iframe, script:not([src]), [onerror], [onload], [onclick]')).toHaveCount(0);
  await waitForSaved(page);

  // Sanitizing parses the pasted HTML in an inert document, and Chromium still reports the
  // handlers it blocked there; what matters is that reloading the stored copy triggers nothing.
  violations.length = 0;
  await page.reload();
  await page.getByRole('button', { name: PAYLOAD, exact: true }).click();
  await expect(page.getByLabel(s.editor.headline, { exact: true })).toHaveValue(PAYLOAD);
  await expect(page.getByRole('figure', { name: s.figure.image }).nth(1).getByLabel(s.figure.caption)).toHaveValue(PAYLOAD);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(violations).toEqual([]);
});

test('a damaged line in an article\'s signed log is reported for that article only and left untouched', async ({ page, preview }) => {
  await preview.draft('en', { headline: 'A healthy article' });
  const listed = await preview.workspace.articles.list();
  const sample = listed.articles.find((a) => a.headline.startsWith('千年茶山'))!;
  const logDir = join(preview.workspace.layout.articleDir(sample.id), 'log');
  const [logName] = await readdir(logDir);
  const damagedFile = join(logDir, logName!);
  // The first record (the article's creation) is cut short in the middle of the file; the copy's records follow it.
  const lines = (await readFile(damagedFile, 'utf8')).split('\n');
  expect(lines.length).toBeGreaterThan(2);
  lines[0] = lines[0]!.slice(0, 40);
  const damaged = lines.join('\n');
  await writeFile(damagedFile, damaged);

  await openApp(page, preview);
  // Named with its file and line, not shown as an empty article anyone could start writing in.
  const report = page.getByRole('alert', { name: s.library.damaged });
  await expect(report).toContainText(`articles/${sample.id}/log/${logName} line 1 is damaged`);
  const library = page.getByRole('list', { name: s.library.articles });
  await expect(library.getByRole('button', { name: 'A healthy article', exact: true })).toBeVisible();
  await expect(library.getByRole('listitem')).toHaveCount(1);
  await library.getByRole('button', { name: 'A healthy article', exact: true }).click();
  await expect(page.getByLabel(s.editor.headline, { exact: true })).toHaveValue('A healthy article');
  expect(await readFile(damagedFile, 'utf8')).toBe(damaged);
});

const OVERLAY = 'position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647;background:#fff;font-size:40px';
const REFUSED_TARGETS = ['data:text/html,<script>window.__pwned=1</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'];

function hostileBody(text: string) {
  const links = REFUSED_TARGETS.map((url, i) => linkNode(url, `refused link ${i}`));
  return bodyOf([paragraphOf([{ ...textNode(text), style: OVERLAY }]), paragraphOf([...links, linkNode('https://example.org/', 'web link')])]);
}

/** Nothing the article holds covers the app: at the window's corners and over the library the pointer reaches the app's own parts, not the copy's text. */
async function expectNothingCovers(page: import('@playwright/test').Page, phrase: string): Promise<void> {
  const reached = await page.evaluate(
    (text) =>
      [
        [10, 10],
        [150, 300],
        [window.innerWidth - 10, 10],
        [window.innerWidth - 10, window.innerHeight - 10],
      ].map(([x, y]) => document.elementFromPoint(x!, y!)?.textContent?.includes(text) === true && document.elementFromPoint(x!, y!)?.closest('p') !== null),
    phrase,
  );
  expect(reached).toEqual([false, false, false, false]);
  const fixed = await page.evaluate(() => Array.from(document.querySelectorAll('.body-content *, .finished-copy *')).filter((el) => getComputedStyle(el).position === 'fixed').length);
  expect(fixed).toBe(0);
}

test('an article stored with a full-window style and data:, vbscript: and file: links opens without either', async ({ page, preview }) => {
  const created = await preview.draft('en', { headline: 'Overlay attempt' });
  // The body comes in a signed revision written by other software: the app never stores such a body itself.
  const { channel, headline, deck, byline, language } = created;
  const hostile = { channel, headline, deck, byline, language, body: hostileBody('COVERS THE WHOLE APP') };
  const revision = await signRevisionAsIs(preview, created.id, hostile);
  // It is the current copy, stored as written: its state hash covers the stored lines, which differ from the cleaned ones.
  const head = (await preview.workspace.articles.state(created.id)).verdict.head!;
  expect(head.id).toBe(revision);
  expect(head.event.state).toBe(storedState(hostile));
  expect(head.event.state).not.toBe(storedState({ ...hostile, body: normaliseBody(hostile.body) }));

  await openApp(page, preview);
  await page.getByRole('button', { name: 'Overlay attempt', exact: true }).click();
  const body = page.getByRole('textbox', { name: s.editor.body });
  await expect(body).toContainText('COVERS THE WHOLE APP');
  await expect(body).toContainText('refused link 2');
  await expectNothingCovers(page, 'COVERS THE WHOLE APP');
  const editorLinks = await body.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(editorLinks).toEqual(['https://example.org/']);

  await page.getByRole('button', { name: s.review.finishedCopy }).click();
  const copy = page.getByRole('dialog', { name: s.copy.title });
  await expect(copy).toContainText('refused link 0');
  await expectNothingCovers(page, 'COVERS THE WHOLE APP');
  expect(await copy.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['https://example.org/']);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a pasted Lexical payload with a full-window style or a refused link is cleaned before it is shown or saved', async ({ page, preview }) => {
  const created = await preview.draft('en', { headline: 'Paste target' });
  await openApp(page, preview);
  await page.getByRole('button', { name: 'Paste target', exact: true }).click();
  const body = page.getByRole('textbox', { name: s.editor.body });
  await body.click();
  await page.evaluate(
    ({ nodes, namespace }) => {
      const data = new DataTransfer();
      data.setData('application/x-lexical-editor', JSON.stringify({ namespace, nodes }));
      document.querySelector('[contenteditable="true"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { nodes: hostileBody('PASTED OVER EVERYTHING').root.children, namespace: `article-${created.id}` },
  );
  await expect(body).toContainText('PASTED OVER EVERYTHING');
  await expectNothingCovers(page, 'PASTED OVER EVERYTHING');
  expect(await body.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['https://example.org/']);
  await waitForSaved(page);
  const saved = JSON.stringify((await preview.workspace.get(created.id)).body);
  expect(saved).toContain('PASTED OVER EVERYTHING');
  expect(saved).not.toMatch(/position:fixed|data:text|vbscript:|file:/);
});

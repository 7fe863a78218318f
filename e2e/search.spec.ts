import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createHandlers } from '../src/main/handlers';
import { startPreviewServer, type PreviewServer } from '../src/main/preview/server';
import { systemClock } from '../src/main/services/clock';
import { DataFolder } from '../src/main/services/data-folder';
import { openWorkspace } from '../src/main/services/open-workspace';
import { LIBRARY_CACHE } from '../src/main/services/search/library';
import { MemorySettingsStore } from '../src/main/services/settings-store';
import { WindowSessions } from '../src/main/services/window-sessions';
import { bodyOf, figureNode, paragraphNode } from '../src/shared/article/body';
import { ed25519 } from '../src/shared/identity/ed25519';
import { en } from '../src/renderer/i18n/en';
import { zhCN } from '../src/renderer/i18n/zh-CN';
import { expect, openApp, SAMPLE_DIR, signIn, test, type Preview } from './fixtures';

const CAPTION = '黔东南苗寨的梯田在云海中若隐若现';
const OPINION = 'Please verify the tonnage figures against the port authority annual report.';

/** An article whose figure's caption is the only place CAPTION occurs, after paragraphs enough to scroll. */
async function captionedArticle(preview: Preview) {
  const png = await readFile(join(SAMPLE_DIR, 'figure-1.png'));
  const asset = await preview.workspace.assets.put(png);
  const paragraphs = Array.from({ length: 14 }, (_, i) => paragraphNode(`贵州的茶农今年迎来丰收，第${i + 1}段记录了山乡的变化与新的种植方式。`));
  const figure = figureNode({ asset: asset.asset, mime: asset.mime, width: asset.width, height: asset.height, caption: CAPTION, credit: '新华社', alt: '' });
  return preview.draft('zh-CN', { headline: '山乡茶事', channel: ['要闻'], body: bodyOf([...paragraphs, figure, paragraphNode('完。')]) });
}

/** A call through the page's own bridge (its token and window session), as the page makes it. */
async function callAsPage(page: Page, name: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([call, body]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="bridge-token"]')!.content;
      const response = await fetch(`/api/${call}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': token, 'X-Window-Session': sessionStorage.getItem('newsroom.window-session')! },
        body: JSON.stringify(body),
      });
      return response.json();
    },
    [name, input] as const,
  );
}

const search = (page: Page, label: string) => page.getByRole('searchbox', { name: label });

test.describe('Chinese interface', () => {
  test.use({ locale: 'zh-CN' });

  test('a Chinese phrase only in a caption finds its article, which opens at the figure', async ({ page, preview }) => {
    const article = await captionedArticle(preview);
    await preview.draft('zh-CN', { headline: '梯田旁的小学开学了', channel: ['要闻'] });
    await openApp(page, preview, preview.userName, zhCN);
    await search(page, zhCN.library.filter).fill('苗寨的梯田在云海');
    const list = page.getByRole('list', { name: zhCN.library.articles });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    const hit = list.getByRole('button', { name: '山乡茶事', exact: true });
    await expect(hit.locator('mark')).toHaveText('苗寨的梯田在云海');
    await expect(hit).toContainText(zhCN.search.places.caption.replace('{{n}}', '1'));
    await hit.click();

    await expect(page.getByLabel(zhCN.editor.headline, { exact: true })).toHaveValue('山乡茶事');
    const caption = page.locator('figure.figure .figure-caption').first();
    await expect(caption).toBeFocused();
    await expect(caption).toBeInViewport();
    expect(await caption.evaluate((input: HTMLInputElement | HTMLTextAreaElement) => input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0))).toBe('苗寨的梯田在云海');
    expect(article.id).toMatch(/./);
  });
});

test.describe('English interface', () => {
  test.use({ locale: 'en-US' });

  test('an English phrase in a review opinion finds its article', async ({ page, preview }) => {
    const article = await preview.draft('en', { headline: 'Port traffic rises', channel: ['Home', 'News', 'Text'], byline: 'By Lin Xiaolan', body: bodyOf([paragraphNode('Traffic through the port rose again.')]) });
    await preview.draft('en', { headline: 'Tonnage of the old ferry', channel: ['Home', 'News', 'Text'] });
    await openApp(page, preview);
    const submitted = (await callAsPage(page, 'reviewAction', { id: article.id, request: { action: 'submit', note: OPINION }, acknowledgeRequiredChecks: true })) as { ok: boolean };
    expect(submitted.ok).toBe(true);

    await search(page, en.library.filter).fill('"tonnage figures" annual');
    const list = page.getByRole('list', { name: en.library.articles });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    const hit = list.getByRole('button', { name: 'Port traffic rises', exact: true });
    await expect(hit).toContainText(en.search.places.opinion);
    await expect(hit.locator('mark').first()).toHaveText('tonnage figures');
    await expect(page.locator('.library-count')).toHaveText('1 match');
    await hit.click();
    await expect(page.getByLabel(en.editor.headline, { exact: true })).toHaveValue('Port traffic rises');
  });

  test('deleting the index folder and restarting rebuilds it, with a progress indicator, to the same results', async ({ page, preview }) => {
    await captionedArticle(preview);
    for (let i = 0; i < 12; i++) await preview.draft('en', { headline: `Harbour report ${i + 1}`, channel: ['Home', 'News', 'Text'], body: bodyOf([paragraphNode(`Cargo volumes in week ${i + 1} were steady.`)]) });
    // Enough articles that reading them all again takes a moment a person can see.
    for (let i = 0; i < FILLER; i++) await preview.draft('en', { headline: `Weather note ${i + 1}`, body: bodyOf([paragraphNode(`Light winds on day ${i + 1}.`)]) });
    await openApp(page, preview);
    await search(page, en.library.filter).fill('梯田在云海');
    const list = page.getByRole('list', { name: en.library.articles });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await search(page, en.library.filter).fill('cargo volumes');
    await expect(page.locator('.library-count')).toHaveText('12 matches');

    await preview.server.close();
    await rm(join(preview.dataDir, 'cache', preview.workspace.manifest!.workspaceId, LIBRARY_CACHE), { recursive: true, force: true });
    const restarted = await restart(preview);
    try {
      // Whether the progress indicator was ever shown, however briefly.
      await page.addInitScript(() => {
        const seen = () => document.querySelector('.index-progress progress') !== null && ((window as unknown as { progressSeen: boolean }).progressSeen = true);
        new MutationObserver(seen).observe(document, { childList: true, subtree: true });
      });
      await page.goto(restarted.url);
      await signIn(page, preview.userName);
      await expect.poll(() => page.evaluate(() => (window as unknown as { progressSeen?: boolean }).progressSeen === true)).toBe(true);
      await expect(page.getByRole('status', { name: en.search.indexing })).toHaveCount(0, { timeout: 60_000 });
      await expect(page.locator('.library-count')).toHaveText(`${14 + FILLER} articles`);
      await search(page, en.library.filter).fill('梯田在云海');
      await expect(list.getByRole('listitem')).toHaveCount(1);
      await expect(list.getByRole('button', { name: '山乡茶事', exact: true })).toBeVisible();
      await search(page, en.library.filter).fill('cargo volumes');
      await expect(page.locator('.library-count')).toHaveText('12 matches');
    } finally {
      await restarted.close();
    }
  });
});

const FILLER = 300;

/** The same workspace and data folder served again, as after the app was restarted. */
async function restart(preview: Preview): Promise<PreviewServer> {
  const data = new DataFolder(preview.dataDir);
  const workspace = await openWorkspace({ root: preview.workspaceDir, clock: systemClock, data, ed: await ed25519() });
  const settings = new MemorySettingsStore({ language: null, currentUserId: null });
  return startPreviewServer({
    rendererDir: join(import.meta.dirname, '..', 'out', 'renderer'),
    handlers: createHandlers({ workspace: () => workspace, settings, clock: systemClock, data, sampleDir: null }),
    sessions: new WindowSessions(() => settings.get().currentUserId),
    assets: () => workspace.assets,
  });
}

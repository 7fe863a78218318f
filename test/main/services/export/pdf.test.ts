import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronPdfOptions, pdfPrintSpec, playwrightPdfOptions, PDF_MARGINS_MM } from '../../../../src/main/services/export/pdf-options';
import { preparePrint } from '../../../../src/main/services/export/write-export';
import { sampleWorkspace } from '../../../helpers/export-workspace';
import { foldPdfText, pdfPageTexts } from '../../../helpers/pdf-text';
import { SAMPLE_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp-dir';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const tempDir = useTempDirs('export-pdf-');

describe('PDF print settings', () => {
  it('give Electron and Playwright the same page, margins and templates', () => {
    const article = { headline: '千年茶山' };
    const electron = electronPdfOptions(article, { draft: true });
    const playwright = playwrightPdfOptions(article, { draft: true });
    expect(electron.pageSize).toBe('A4');
    expect(playwright.format).toBe('A4');
    for (const side of ['top', 'bottom', 'left', 'right'] as const) {
      expect(electron.margins[side]).toBeCloseTo(PDF_MARGINS_MM[side] / 25.4, 3);
      expect(playwright.margin[side]).toBe(`${PDF_MARGINS_MM[side]}mm`);
    }
    expect(electron.headerTemplate).toBe(playwright.headerTemplate);
    expect(electron.footerTemplate).toBe(playwright.footerTemplate);
    expect(electron.footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(electron.footerTemplate).toContain('<span class="totalPages"></span>');
    expect(electron.headerTemplate).toContain('DRAFT / 草稿');
    expect(electronPdfOptions(article, { draft: false }).headerTemplate).not.toContain('DRAFT');
  });

  it('escape the headline in the running header, and shorten a long one', () => {
    const spec = pdfPrintSpec({ headline: '<span class="pageNumber"></span><img src=x onerror=alert(1)>' }, { draft: false });
    expect(spec.headerTemplate).not.toContain('<img');
    expect(spec.headerTemplate.match(/class="pageNumber"/g)).toBeNull();
    expect(pdfPrintSpec({ headline: '长'.repeat(100) }, { draft: false }).headerTemplate).toContain(`${'长'.repeat(59)}…`);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the HTML export printed in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function print(html: string, options: Parameters<import('playwright-core').Page['pdf']>[0]): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await pdfPageTexts(await page.pdf(options));
    } finally {
      await page.close();
    }
  }

  it('reads back with the Chinese text, every caption, the reviewers’ footer and page numbers', async () => {
    const sample = await sampleWorkspace(join(await tempDir(), 'ws'));
    await sample.signOff();
    const job = await preparePrint(sample.workspace, sample.article.id);
    const raw = await print(job.html, job.playwright);
    const pages = raw.map(foldPdfText);
    const all = pages.join('\n');
    const source = JSON.parse(await readFile(join(SAMPLE_DIR, 'article.json'), 'utf8')) as { headline: string; deck: string; blocks: { type: string; text?: string; caption?: string; credit?: string }[] };

    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain(source.headline);
    expect(pages[0]).toContain(source.deck);
    for (const block of source.blocks) {
      if (block.type === 'heading') expect(all).toContain(block.text);
      if (block.type === 'figure' && block.caption) expect(all).toContain(`${block.caption} ${block.credit}`);
    }
    // The footer's ideographic spaces are written as plain spaces in the PDF text.
    expect(pages.at(-1)).toContain('责任编辑：王丽 二审：赵敏 三审：陈杰');
    pages.forEach((text, index) => {
      expect(text.endsWith(`${index + 1} / ${pages.length}`)).toBe(true);
      expect(text).toContain('千年茶山“种”出数字新动能');
    });
    expect(all).not.toContain('DRAFT');
    // Most Chinese reads back as it is; only glyphs Noto CJK shares with radicals need folding.
    expect(raw.join('')).toContain('雾溪县');
  });

  it('marks every page of a draft', async () => {
    const sample = await sampleWorkspace(join(await tempDir(), 'ws'));
    const job = await preparePrint(sample.workspace, sample.article.id, { allowDraft: true });
    const pages = (await print(job.html, job.playwright)).map(foldPdfText);
    for (const text of pages) expect(text.match(/DRAFT \/ 草稿/g)?.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain('未签发稿件，不得刊发。');
    expect(pages.at(-1)).toContain('尚未签发，暂无审稿署名。');
  });
});

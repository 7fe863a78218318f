// @vitest-environment jsdom
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/shared/article/article';
import type { FigureFields } from '../../../src/shared/article/body';
import { SampleArticleSchema, type SampleArticle } from '../../../src/shared/article/sample';
import { exportHtml } from '../../../src/shared/export/html';
import { exportMarkdown } from '../../../src/shared/export/markdown';
import { exportNinjs, ninjsJson } from '../../../src/shared/export/ninjs';
import { exportText } from '../../../src/shared/export/text';
import { reviewFooter } from '../../../src/shared/review/footer';
import type { ReviewState } from '../../../src/shared/review/review-state';
import { sampleWorkspace } from '../../helpers/export-workspace';
import { expectGolden } from '../../helpers/golden';
import { SAMPLE_DIR } from '../../helpers/paths';
import { dataFolderOf } from '../../helpers/temp-dir';

const imagePath = (figure: FigureFields) => `images/${figure.asset}.png`;
const FOOTER = '责任编辑：王丽\u3000二审：赵敏\u3000三审：陈杰';

let root: string;
let article: Article;
let state: ReviewState;
let footer: string;
let sample: SampleArticle;
let figures: SampleArticle['blocks'][number][];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'export-golden-'));
  const workspace = await sampleWorkspace(root);
  state = (await workspace.signOff()).state;
  article = await workspace.workspace.get(workspace.article.id);
  footer = reviewFooter(state, article.language)!;
  sample = SampleArticleSchema.parse(JSON.parse(await readFile(join(SAMPLE_DIR, 'article.json'), 'utf8')));
  figures = sample.blocks.filter((block) => block.type === 'figure');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(dataFolderOf(root), { recursive: true, force: true });
});

function parseErrors(html: string): string[] {
  const errors: string[] = [];
  parse(html, { onParseError: (error) => errors.push(`${error.code} at line ${error.startLine}`) });
  return errors;
}

describe('the signed-off sample article', () => {
  it('has the footer of its three reviews', () => {
    expect(state.signedOff).toBe(true);
    expect(footer).toBe(FOOTER);
  });

  it('exports to HTML that matches the golden file and parses without a single error', async () => {
    const html = exportHtml(article, { footer, images: imagePath, draft: false });
    await expectGolden('sample.html', html);
    expect(parseErrors(html)).toEqual([]);
  });

  it('exports to semantic HTML with every caption, credit and alt text, and the footer', () => {
    const html = exportHtml(article, { footer, images: imagePath, draft: false });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.title).toBe(sample.headline);
    const nav = doc.querySelector('article > header > nav');
    expect(nav?.getAttribute('aria-label')).toBe('栏目');
    expect(Array.from(nav!.querySelectorAll('li'), (li) => li.textContent)).toEqual(sample.channel);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('h1')?.textContent).toBe(sample.headline);
    expect(doc.querySelector('header .deck')?.textContent).toBe(sample.deck);
    expect(doc.querySelector('header .byline')?.textContent).toBe(sample.byline);
    expect(Array.from(doc.querySelectorAll('article > h2'), (h) => h.textContent)).toEqual(sample.blocks.filter((b) => b.type === 'heading').map((b) => b.text));
    expect(doc.querySelectorAll('article > p')).toHaveLength(sample.blocks.filter((b) => b.type === 'paragraph').length);

    const shown = Array.from(doc.querySelectorAll('figure'));
    expect(shown).toHaveLength(figures.length);
    shown.forEach((figure, index) => {
      const expected = figures[index] as Extract<SampleArticle['blocks'][number], { type: 'figure' }>;
      const img = figure.querySelector('img')!;
      expect(img.getAttribute('alt')).toBe(expected.alt);
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
      expect(img.getAttribute('src')).toMatch(/^images\/[0-9a-f]{64}\.png$/);
      const caption = figure.querySelector('figcaption');
      if (!expected.caption && !expected.credit) expect(caption).toBeNull();
      else {
        expect(caption?.textContent).toBe(`${expected.caption} ${expected.credit}`);
        expect(caption?.querySelector('.credit')?.textContent).toBe(expected.credit);
      }
    });

    const foot = doc.querySelector('article > footer');
    expect(foot?.textContent?.trim()).toBe(FOOTER);
    for (const name of ['王丽', '赵敏', '陈杰']) expect(foot?.textContent).toContain(name);
    expect(doc.querySelector('.watermark, .draft-banner')).toBeNull();
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/^default-src 'none'/);
  });

  it('as a draft, carries a visible DRAFT / 草稿 watermark and banner, and says the footer is missing', () => {
    const html = exportHtml(article, { footer: null, images: imagePath, draft: true });
    expect(parseErrors(html)).toEqual([]);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('.watermark')?.textContent).toBe('DRAFT / 草稿');
    expect(doc.querySelector('.draft-banner')?.textContent).toContain('DRAFT / 草稿');
    expect(doc.title).toBe(`[DRAFT / 草稿] ${sample.headline}`);
    expect(doc.querySelector('article > footer')?.textContent?.trim()).toBe('尚未签发，暂无审稿署名。');
  });

  it('exports to Markdown that matches the golden file', async () => {
    const markdown = exportMarkdown(article, { footer, imagePath, draft: false });
    await expectGolden('sample.md', markdown);
    expect(markdown.startsWith('首页 › 贵山 › 正文\n\n# 千年茶山')).toBe(true);
    expect(markdown.match(/^!\[[^\]]*\]\(images\/[0-9a-f]{64}\.png\)$/gm)).toHaveLength(figures.length);
    for (const figure of figures) if (figure.type === 'figure' && figure.caption) expect(markdown).toContain(`*${figure.caption}* — ${figure.credit}`);
    expect(markdown.trimEnd().endsWith(`---\n\n${FOOTER}`)).toBe(true);
  });

  it('exports to plain text that matches the golden file', async () => {
    const text = exportText(article, { footer, draft: false });
    await expectGolden('sample.txt', text);
    expect(text.match(/^\[Figure \d+: .*\]$/gm)).toEqual(
      figures.map((figure, index) => (figure.type === 'figure' ? `[Figure ${index + 1}: ${figure.caption || figure.alt}${figure.credit ? ` — ${figure.credit}` : ''}]` : '')),
    );
    expect(text.trimEnd().endsWith(FOOTER)).toBe(true);
  });

  it('exports a draft to plain text with the draft mark first', async () => {
    const text = exportText(article, { footer: null, draft: true });
    await expectGolden('sample-draft.txt', text);
    expect(text.split('\n')[0]).toBe('[DRAFT / 草稿] 未签发稿件，不得刊发。');
  });

  it('exports to ninjs that matches the golden file', async () => {
    const item = exportNinjs(article, { footer, state, images: imagePath });
    // The article id is random; everything else is fixed by the sample and the test's clock.
    await expectGolden('sample.ninjs.json', ninjsJson(item).replaceAll(article.id, 'ARTICLE-ID'));
    expect(item.pubstatus).toBe('usable');
    expect(item.associations).toHaveLength(figures.length);
    expect(item['x-review'].reviewers.map((r) => [r.stage, r.name, r.current])).toEqual([
      ['first', '王丽', true],
      ['second', '赵敏', true],
      ['third', '陈杰', true],
    ]);
    const body = new DOMParser().parseFromString(item.bodies[0]!.value, 'text/html');
    expect(body.querySelectorAll('figure')).toHaveLength(figures.length);
    expect(body.querySelector('footer')?.textContent?.trim()).toBe(FOOTER);
  });
});

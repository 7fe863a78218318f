// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildDocx, fittedSize } from '../../../../src/main/services/export/docx';
import { writeExport } from '../../../../src/main/services/export/write-export';
import type { Article } from '../../../../src/shared/article/article';
import { figureNode, headingNode, textNode, type BodyNode } from '../../../../src/shared/article/body';
import { sampleWorkspace } from '../../../helpers/export-workspace';
import { readSamplePng, SAMPLE_DIR } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('export-docx-');
const FOOTER = '责任编辑：王丽\u3000二审：赵敏\u3000三审：陈杰';

async function readBack(bytes: Uint8Array) {
  const { value, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const zip = unzipSync(bytes);
  return { html: new DOMParser().parseFromString(value, 'text/html'), messages, zip, xml: (name: string) => (zip[name] ? strFromU8(zip[name]) : '') };
}

describe('DOCX export of the signed-off sample', () => {
  it('reads back with its headline, headings, captions, pictures and footer', async () => {
    const sample = await sampleWorkspace(join(await tempDir(), 'ws'));
    await sample.signOff();
    const target = join(await tempDir(), 'copy.docx');
    await writeExport(sample.workspace, sample.article.id, 'docx', target);
    const { html, zip, xml } = await readBack(await readFile(target));
    const source = JSON.parse(await readFile(join(SAMPLE_DIR, 'article.json'), 'utf8')) as { headline: string; blocks: { type: string; text?: string; caption?: string; credit?: string; alt?: string }[] };

    expect(html.querySelector('h1')?.textContent).toBe(source.headline);
    expect(Array.from(html.querySelectorAll('h2'), (h) => h.textContent)).toEqual(source.blocks.filter((b) => b.type === 'heading').map((b) => b.text));
    const text = html.body.textContent ?? '';
    const figures = source.blocks.filter((b) => b.type === 'figure');
    for (const figure of figures) if (figure.caption) expect(text).toContain(`${figure.caption} ${figure.credit}`);
    const images = Array.from(html.querySelectorAll('img'));
    expect(images).toHaveLength(figures.length);
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(figures.map((f) => f.alt));
    for (const img of images) expect(img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(Array.from(html.querySelectorAll('p')).at(-1)?.textContent).toBe(FOOTER);

    expect(Object.keys(zip).filter((name) => name.startsWith('word/media/'))).toHaveLength(figures.length);
    const document = xml('word/document.xml');
    expect(document.match(/<w:pStyle w:val="Caption"\/>/g)).toHaveLength(figures.filter((f) => f.caption || f.credit).length);
    expect(document).toContain('<w:pStyle w:val="Deck"/>');
    expect(document).toContain('<w:pStyle w:val="ReviewFooter"/>');
    expect(Object.keys(zip).filter((name) => /^word\/header\d*\.xml$/.test(name))).toEqual([]);
    const footers = Object.keys(zip).filter((name) => /^word\/footer\d*\.xml$/.test(name)).map(xml).join('');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(xml('docProps/core.xml')).toContain(`<dc:title>${source.headline}</dc:title>`);
  });

  it('marks a draft with a DRAFT 草稿 watermark and header, and no reviewers’ footer', async () => {
    const sample = await sampleWorkspace(join(await tempDir(), 'ws'));
    const target = join(await tempDir(), 'copy.docx');
    await writeExport(sample.workspace, sample.article.id, 'docx', target, { allowDraft: true });
    const { html, xml, zip } = await readBack(await readFile(target));
    const headers = Object.keys(zip).filter((name) => /^word\/header\d*\.xml$/.test(name)).map(xml).join('');
    expect(headers).toContain('string="DRAFT 草稿"');
    expect(headers).toContain('DRAFT 草稿 — 未签发稿件，不得刊发。');
    expect(Array.from(html.querySelectorAll('p')).at(-1)?.textContent).toBe('尚未签发，暂无审稿署名。');
  });
});

const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 8;
const block = (type: string, children: BodyNode[], extra: Record<string, unknown> = {}): BodyNode => ({ type, version: 1, children, ...extra });
const item = (text: string) => block('listitem', [textNode(text)]);

describe('DOCX body', () => {
  it('keeps emphasis, links, lists, quotes, breaks and sub-headings, and drops unsafe links', async () => {
    const png = await readSamplePng();
    const asset = createHash('sha256').update(png).digest('hex');
    const children: BodyNode[] = [
      block('paragraph', [textNode('bold', BOLD), textNode(' '), textNode('italic', ITALIC), textNode(' '), textNode('under', UNDERLINE), { type: 'linebreak', version: 1 }, textNode('next line')]),
      block('paragraph', [block('link', [textNode('the report')], { url: 'https://example.org/r' }), textNode(' '), block('link', [textNode('bad')], { url: 'javascript:alert(1)' })]),
      block('list', [item('one'), item('two')], { listType: 'number' }),
      block('list', [item('dot')], { listType: 'bullet' }),
      block('quote', [textNode('A quotation.')]),
      headingNode('Smaller', 'h3'),
      figureNode({ asset, mime: 'image/png', width: 4000, height: 3000, caption: 'Big picture', credit: 'AP', alt: 'Wide view' }),
      figureNode({ asset: 'c'.repeat(64), mime: 'image/webp', width: 100, height: 100, caption: 'WebP picture', credit: '', alt: 'A webp' }),
    ];
    const article: Pick<Article, 'channel' | 'headline' | 'deck' | 'byline' | 'language' | 'body'> = {
      channel: ['Home', 'News'],
      headline: 'Tea <hills>',
      deck: 'Deck',
      byline: 'By Lin',
      language: 'en',
      body: { root: { type: 'root', version: 1, children } },
    };
    const bytes = await buildDocx(article, {
      footer: 'Edited by A / Second review B / Third review C',
      draft: false,
      images: new Map([
        [asset, { bytes: png, mime: 'image/png' as const }],
        ['c'.repeat(64), { bytes: new Uint8Array([1, 2, 3]), mime: 'image/webp' as const }],
      ]),
    });
    const { html, xml } = await readBack(bytes);
    expect(html.querySelector('h1')?.textContent).toBe('Tea <hills>');
    expect(html.querySelector('h3')?.textContent).toBe('Smaller');
    expect(html.querySelector('strong')?.textContent).toBe('bold');
    expect(html.querySelector('em')?.textContent).toBe('italic');
    expect(Array.from(html.querySelectorAll('a'), (a) => [a.getAttribute('href'), a.textContent])).toEqual([['https://example.org/r', 'the report']]);
    expect(html.body.textContent).toContain('the report bad');
    expect(html.querySelector('br')).not.toBeNull();
    expect(Array.from(html.querySelectorAll('ol > li'), (li) => li.textContent)).toEqual(['one', 'two']);
    expect(Array.from(html.querySelectorAll('ul > li'), (li) => li.textContent)).toEqual(['dot']);
    expect(html.querySelectorAll('img')).toHaveLength(1);
    expect(html.body.textContent).toContain('[Figure 2: A webp]');
    expect(html.body.textContent).toContain('WebP picture');

    const document = xml('word/document.xml');
    expect(document).toContain('<w:u w:val="single"/>');
    expect(document).toContain('<w:pStyle w:val="Quote"/>');
    expect(document).toContain('Tea &lt;hills&gt;');
    // 600 × 450 px at 9525 EMU per pixel: the 4000 × 3000 picture fitted to the text block.
    expect(document).toContain('<wp:extent cx="5715000" cy="4286250"/>');
    expect(document).toContain('descr="Wide view"');
  });

  it('never scales a picture up, and keeps its proportions when scaling down', () => {
    expect(fittedSize(480, 300)).toEqual({ width: 480, height: 300 });
    expect(fittedSize(640, 400)).toEqual({ width: 600, height: 375 });
    expect(fittedSize(4000, 3000)).toEqual({ width: 600, height: 450 });
    expect(fittedSize(500, 2000)).toEqual({ width: 205, height: 820 });
    expect(fittedSize(100_000, 1)).toEqual({ width: 600, height: 1 });
  });
});

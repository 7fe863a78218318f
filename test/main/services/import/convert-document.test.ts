import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertDocument, MAX_IMPORT_BYTES } from '../../../../src/main/services/import/convert-document';
import { AppFailure } from '../../../../src/shared/contract/errors';

const SAMPLE = join(import.meta.dirname, '../../../../resources/sample');

async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    return error as AppFailure;
  }
  throw new Error('expected the conversion to fail');
}

async function wordDocument(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('山区铁路今日通车')] }),
          new Paragraph({ children: [new TextRun({ text: 'Bold start', bold: true }), new TextRun(' and the rest.')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('沿线风光')] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: await readFile(join(SAMPLE, 'figure-5.png')), transformation: { width: 320, height: 200 } })] }),
          new Paragraph({ children: [new TextRun('列车驶过高架桥。')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('convertDocument', () => {
  it('reads a .docx made by the docx library: headings, emphasis and an inline picture', async () => {
    const { html, title } = await convertDocument('铁路.docx', await wordDocument());
    expect(title).toBe('铁路');
    expect(html).toContain('<h1>山区铁路今日通车</h1>');
    expect(html).toContain('<h2>沿线风光</h2>');
    expect(html).toContain('<strong>Bold start</strong>');
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    expect(html).toContain('列车驶过高架桥。');
  });

  it('reads Markdown, plain text and HTML', async () => {
    const md = await convertDocument('story.md', new TextEncoder().encode('# Title\n\nA *quiet* start.\n\n- one\n- two\n'));
    expect(md.html).toContain('<h1>Title</h1>');
    expect(md.html).toContain('<em>quiet</em>');
    expect(md.html).toContain('<li>one</li>');
    const txt = await convertDocument('notes.txt', new TextEncoder().encode('First <b>line</b>\nsame paragraph\n\nSecond paragraph'));
    expect(txt.html).toBe('<p>First &lt;b&gt;line&lt;/b&gt;<br>same paragraph</p><p>Second paragraph</p>');
    const html = await convertDocument('page.html', new TextEncoder().encode('<p>Hello</p>'));
    expect(html.html).toBe('<p>Hello</p>');
  });

  it('refuses damaged, hostile and unsupported files with a clear reason', async () => {
    const docx = await wordDocument();
    expect((await failure(convertDocument('cut.docx', docx.slice(0, docx.length / 2)))).code).toBe('unsupported');
    expect((await failure(convertDocument('noise.docx', new Uint8Array(4096).map((_, i) => (i * 7919) % 251))))).toMatchObject({ code: 'unsupported' });
    expect((await failure(convertDocument('empty.docx', new Uint8Array()))).message).toBe('the file is empty');
    expect((await failure(convertDocument('a.zip.docx', zipSync({ 'readme.txt': new TextEncoder().encode('hi') })))).message).toContain('not a Word document');
    expect((await failure(convertDocument('story.rtf', new TextEncoder().encode('{\\rtf1}')))).code).toBe('unsupported');
    expect((await failure(convertDocument('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])))).message).toContain('UTF-8');
    expect((await failure(convertDocument('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1)))).code).toBe('too-large');
  });

  it('refuses a zip bomb without unpacking it', async () => {
    // 300 MB of zeros compress to a few hundred kilobytes.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(300 * 1024 * 1024) }, { level: 1 });
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    expect((await failure(convertDocument('bomb.docx', bomb))).code).toBe('too-large');
  });

  it('never throws anything but a clear AppFailure on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2048 }), fc.constantFrom('x.docx', 'x.md', 'x.txt', 'x.html'), async (bytes, name) => {
        try {
          await convertDocument(name, bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(AppFailure);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('convertDocument on a file saved by a word processor', () => {
  it('reads the LibreOffice fixture: headings, list, quote, link, picture and the caption after it', async () => {
    const bytes = new Uint8Array(await readFile(join(import.meta.dirname, '../../../fixtures/import/libreoffice-news.docx')));
    const { html, title } = await convertDocument('libreoffice-news.docx', bytes);
    expect(title).toBe('libreoffice-news');
    expect(html).toContain('县城茶企直播带货 首月销售额破百万');
    expect(html).toContain('主播多为返乡青年');
    expect(html).toMatch(/<li>每天直播四小时<\/li>/);
    expect(html).toContain('直播让更多人知道了我们的茶');
    expect(html).toContain('href="https://example.org/tea"');
    expect(html).toMatch(/<img src="data:image\/png;base64,/);
    expect(html).toContain('主播在直播间介绍当季新茶。');
  });
});

import { describe, expect, it } from 'vitest';
import { ArticleContentSchema } from '../../../src/shared/article/article';
import { isEditorBody, isEditorStyle, normaliseBody } from '../../../src/shared/article/body-safety';
import { bodyOf, linkNode, paragraphNode, paragraphOf, textNode, type BodyNode } from '../../../src/shared/article/body';
import { copyBlocks } from '../../../src/shared/article/copy-blocks';

/** A style that covers the whole window with the article's text, above everything else. */
const OVERLAY_STYLE = 'position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647;background:#fff';

const link = (url: string, text: string, type = 'link'): BodyNode => ({ ...linkNode(url, text), type });
const paragraph = (...children: BodyNode[]): BodyNode => paragraphOf(children);

describe('the styles the editor makes', () => {
  it('is none', () => {
    expect(isEditorStyle('')).toBe(true);
    expect(isEditorStyle(undefined)).toBe(true);
    for (const style of [OVERLAY_STYLE, 'color: red', ' ', 0, null]) expect(isEditorStyle(style)).toBe(false);
  });
});

describe('normaliseBody', () => {
  it('clears a style the editor does not make, keeping the text and its emphasis', () => {
    const body = bodyOf([paragraph({ ...textNode('全文覆盖', 1), style: OVERLAY_STYLE }), { ...paragraphNode('正文'), textStyle: 'font-size:900px' }]);
    const clean = normaliseBody(body);
    expect(clean.root.children![0]!.children![0]).toEqual({ ...textNode('全文覆盖', 1), style: '' });
    expect(clean.root.children![1]!.textStyle).toBe('');
    expect(isEditorBody(clean)).toBe(true);
  });

  it.each(['data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'javascript:alert(1)', 'tel:110'])(
    'keeps a %s link as its text',
    (url) => {
      const body = bodyOf([paragraph(textNode('before '), link(url, 'the link'), textNode(' after'))]);
      const clean = normaliseBody(body);
      expect(clean.root.children![0]!.children).toEqual([textNode('before '), textNode('the link'), textNode(' after')]);
      expect(JSON.stringify(clean)).not.toContain(url.slice(0, 5));
    },
  );

  it('refuses autolinks and links nested in other inline nodes by the same rule', () => {
    const mark: BodyNode = { type: 'mark', version: 1, ids: ['m-1'], direction: null, format: '', indent: 0, children: [link('data:,x', 'marked', 'autolink')] };
    const clean = normaliseBody(bodyOf([paragraph(mark)]));
    expect(clean.root.children![0]!.children![0]!.children).toEqual([textNode('marked')]);
  });

  it('leaves web and mail links exactly as stored, and a body that needs nothing is the same object', () => {
    const body = bodyOf([paragraph(link('https://example.org', 'web'), link('mailto:desk@example.org', 'mail'))]);
    expect(normaliseBody(body)).toBe(body);
  });

  it('is what the stored format accepts: parsing content clears styles and refused links', () => {
    const content = {
      channel: [],
      headline: 'h',
      deck: '',
      byline: '',
      language: 'en',
      body: bodyOf([paragraph({ ...textNode('x'), style: OVERLAY_STYLE }, link('data:text/html,hi', 'y'))]),
    };
    const parsed = ArticleContentSchema.parse(content);
    expect(isEditorBody(parsed.body)).toBe(true);
    expect(JSON.stringify(parsed.body)).not.toMatch(/position:fixed|data:/);
  });
});

describe('the copy as rendered and exported follows the link rule', () => {
  it('gives no target for a refused link and a normalized one for a web link', () => {
    const body = bodyOf([paragraph(link('vbscript:x', 'a'), link('file:///c:/x', 'b'), link('data:,x', 'c'), link('HTTPS://Example.org', 'd'))]);
    const [block] = copyBlocks(body);
    expect(block).toEqual({
      kind: 'paragraph',
      runs: [
        { text: 'abc', bold: false, italic: false, underline: false, href: null },
        { text: 'd', bold: false, italic: false, underline: false, href: 'https://example.org/' },
      ],
    });
  });
});

// @vitest-environment jsdom
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/shared/article/article';
import { figureNode, paragraphNode, textNode, type BodyNode } from '../../../src/shared/article/body';
import { exportHtml } from '../../../src/shared/export/html';
import { exportMarkdown } from '../../../src/shared/export/markdown';
import { exportNinjs } from '../../../src/shared/export/ninjs';
import { exportText } from '../../../src/shared/export/text';
import { reviewFooter } from '../../../src/shared/review/footer';
import { AUTHOR, Desk, person } from '../review/desk';

/** Closes an attribute and a tag, then opens a script and an image with a handler. */
const PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
const tagged = (field: string) => `${field}${PAYLOAD}`;

const link = (url: string, text: string): BodyNode => ({ type: 'link', version: 1, url, rel: null, target: null, title: null, children: [textNode(text)] });
const paragraph = (...children: BodyNode[]): BodyNode => ({ ...paragraphNode(''), children });

function hostileArticle(): Article {
  return {
    format: 1,
    id: '20250501-abcdef0123',
    authorId: AUTHOR.id,
    channel: ['首页', tagged('channel')],
    headline: tagged('headline'),
    deck: tagged('deck'),
    byline: tagged('byline'),
    language: 'zh-CN',
    body: {
      root: {
        type: 'root',
        version: 1,
        children: [
          paragraph(textNode(tagged('text'))),
          paragraph(link('https://example.org/', tagged('linktext')), textNode(' '), link('javascript:alert(3)', 'script link'), textNode(' '), link('data:text/html,<script>alert(4)</script>', 'data link')),
          paragraph({ type: 'mark', version: 1, ids: ['m-1'], children: [textNode(tagged('marked'))] }),
          figureNode({ asset: 'a'.repeat(64), mime: 'image/png', width: 640, height: 400, caption: tagged('caption'), credit: tagged('credit'), alt: tagged('alt') }),
        ],
      },
    },
    createdBy: 'x',
    createdAt: '2025-05-01T08:00:00.000Z',
    updatedBy: 'x',
    updatedAt: '2025-05-01T08:00:00.000Z',
    revision: 3,
    head: '',
  };
}

/** A signed-off state whose three reviewers' names carry the payload. */
function hostileState() {
  const editor = person('u-editor0001', tagged('editor'), ['editor']);
  const second = person('u-second0001', tagged('second'), ['second']);
  const third = person('u-third00001', tagged('third'), ['third']);
  return new Desk().submit().approve(editor).approve(second).approve(third).state;
}

const FIELDS = ['channel', 'headline', 'deck', 'byline', 'text', 'linktext', 'marked', 'caption', 'credit', 'alt', 'editor', 'second', 'third'];

/** Every attribute name in the document, to look for event handlers anywhere. */
function attributeNames(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes, (a) => a.name.toLowerCase()));
}

describe('every field is escaped in every export', () => {
  const article = hostileArticle();
  const state = hostileState();
  const footer = reviewFooter(state, 'zh-CN');

  it('has the payload in the footer, as the reviewers are named', () => {
    expect(state.signedOff).toBe(true);
    expect(footer).toContain(tagged('third'));
  });

  it('HTML: no script, no handler, no extra image; every field reads back as the text it was', () => {
    for (const draft of [false, true]) {
      const html = exportHtml(article, { footer, images: () => 'images/a.png', draft });
      const errors: string[] = [];
      parse(html, { onParseError: (error) => errors.push(error.code) });
      expect(errors).toEqual([]);
      const doc = new DOMParser().parseFromString(html, 'text/html');
      expect(doc.querySelectorAll('script')).toHaveLength(0);
      expect(attributeNames(doc).filter((name) => name.startsWith('on'))).toEqual([]);
      expect(Array.from(doc.querySelectorAll('img'), (img) => img.getAttribute('src'))).toEqual(['images/a.png']);
      expect(Array.from(doc.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual(['https://example.org/']);

      expect(doc.title).toBe(`${draft ? '[DRAFT / 草稿] ' : ''}${tagged('headline')}`);
      expect(doc.querySelector('h1')?.textContent).toBe(tagged('headline'));
      expect(doc.querySelector('.deck')?.textContent).toBe(tagged('deck'));
      expect(doc.querySelector('.byline')?.textContent).toBe(tagged('byline'));
      expect(doc.querySelector('meta[name=author]')?.getAttribute('content')).toBe(tagged('byline'));
      expect(doc.querySelector('meta[name=description]')?.getAttribute('content')).toBe(tagged('deck'));
      expect(doc.querySelector('nav li:last-child')?.textContent).toBe(tagged('channel'));
      expect(doc.querySelector('a')?.textContent).toBe(tagged('linktext'));
      expect(doc.querySelector('img')?.getAttribute('alt')).toBe(tagged('alt'));
      expect(doc.querySelector('figcaption')?.textContent).toBe(`${tagged('caption')} ${tagged('credit')}`);
      expect(doc.querySelector('.credit')?.textContent).toBe(tagged('credit'));
      expect(doc.body.textContent).toContain('script link');
      expect(doc.body.textContent).toContain(tagged('marked'));
      expect(doc.querySelector('mark, [data-lexical-mark], .mark')).toBeNull();
      if (!draft) expect(doc.querySelector('footer')?.textContent?.trim()).toBe(footer);
    }
  });

  it('Markdown: every < and [ of the payload is escaped, and unsafe links are plain text', () => {
    const markdown = exportMarkdown(article, { footer, imagePath: () => 'images/a.png', draft: false });
    // Without the escaped characters, no HTML tag is left but the ones emphasis may use.
    const unescaped = markdown.replace(/\\[\\`*_[\]<>|~#&]/g, '');
    expect(unescaped.match(/<\/?[a-z][^>]*>/gi) ?? []).toEqual([]);
    expect(markdown).not.toMatch(/javascript:|data:text/);
    for (const field of FIELDS) expect(markdown).toContain(`${field}"\\>\\<img src=x onerror=alert(1)\\>\\<script\\>alert(2)\\</script\\>`);
    expect(markdown).toContain('[linktext"\\>\\<img src=x onerror=alert(1)\\>\\<script\\>alert(2)\\</script\\>](https://example.org/)');
    expect(markdown.match(/!\[/g)).toHaveLength(1);
  });

  it('plain text keeps the payload as text, and ninjs keeps it inert in its body HTML', () => {
    const text = exportText(article, { footer, draft: false });
    for (const field of FIELDS.filter((f) => f !== 'alt')) expect(text).toContain(tagged(field));
    const item = exportNinjs(article, { footer, state, images: () => 'images/a.png' });
    expect(item.headlines[0]!.value).toBe(tagged('headline'));
    const body = new DOMParser().parseFromString(item.bodies[0]!.value, 'text/html');
    expect(body.querySelectorAll('script')).toHaveLength(0);
    expect(attributeNames(body).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(body.querySelector('footer')?.textContent?.trim()).toBe(footer);
    expect(item['x-review'].reviewers.map((r) => r.name)).toEqual([tagged('editor'), tagged('second'), tagged('third')]);
  });
});

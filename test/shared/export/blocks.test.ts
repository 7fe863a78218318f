import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/shared/article/article';
import { figureNode, headingNode, textNode, type BodyNode } from '../../../src/shared/article/body';
import { bodyHtml, exportHtml } from '../../../src/shared/export/html';
import { exportMarkdown } from '../../../src/shared/export/markdown';
import { exportNinjs } from '../../../src/shared/export/ninjs';
import { exportText } from '../../../src/shared/export/text';
import { Desk, EDITOR, H2, SECOND } from '../review/desk';

const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 8;
const block = (type: string, children: BodyNode[], extra: Record<string, unknown> = {}): BodyNode => ({ type, version: 1, children, ...extra });
const p = (...children: BodyNode[]) => block('paragraph', children);
const t = textNode;
const link = (url: string, ...children: BodyNode[]) => block('link', children, { url });
const item = (...children: BodyNode[]) => block('listitem', children);
const br: BodyNode = { type: 'linebreak', version: 1 };
const FIGURE = { asset: 'b'.repeat(64), mime: 'image/jpeg' as const, width: 1200, height: 800, caption: '', credit: '', alt: '' };

function article(children: BodyNode[], fields: Partial<Article> = {}): Article {
  return {
    format: 1,
    id: '20250501-abcdef0123',
    authorId: 'u-linxiaolan',
    channel: [],
    headline: 'Headline',
    deck: '',
    byline: '',
    language: 'en',
    body: { root: { type: 'root', version: 1, children } },
    createdBy: 'Lin',
    createdAt: '2025-05-01T08:00:00.000Z',
    updatedBy: 'Lin',
    updatedAt: '2025-05-02T08:00:00.000Z',
    revision: 7,
    head: '',
    ...fields,
  };
}

/** The body part of the Markdown export: between the headline and the footer rule. */
function mdBody(children: BodyNode[]): string {
  const out = exportMarkdown(article(children), { footer: 'F', imagePath: (_f, i) => `images/${i}.jpg`, draft: false });
  return out.slice(out.indexOf('# Headline\n\n') + 12, out.lastIndexOf('\n\n---\n\n'));
}

const html = (children: BodyNode[]) => bodyHtml(article(children).body, (_f, i) => `images/${i}.jpg`);

describe('HTML blocks', () => {
  it('writes headings, quotes, lists, emphasis, line breaks and links, and no annotations', () => {
    const body = [
      headingNode('Sub', 'h2'),
      headingNode('Subsub', 'h3'),
      block('quote', [t('Said'), br, t('so')]),
      block('list', [item(t('one')), item(t('two', BOLD))], { listType: 'number' }),
      block('list', [item(t('dot'))], { listType: 'bullet' }),
      p(t('b', BOLD), t('i', ITALIC), t('u', UNDERLINE), t('all', BOLD | ITALIC | UNDERLINE)),
      p(link('https://example.org/x', t('the '), t('report', BOLD)), t(' and '), link('mailto:desk@example.org', t('mail'))),
      p(block('mark', [t('annotated')], { ids: ['m-1'] }), t(' text')),
      headingNode(''),
      block('quote', [t('  ')]),
    ];
    expect(html(body)).toBe(
      [
        '<h2>Sub</h2>',
        '<h3>Subsub</h3>',
        '<blockquote>\n<p>Said<br>so</p>\n</blockquote>',
        '<ol>\n<li>one</li>\n<li><strong>two</strong></li>\n</ol>',
        '<ul>\n<li>dot</li>\n</ul>',
        '<p><strong>b</strong><em>i</em><u>u</u><strong><em><u>all</u></em></strong></p>',
        '<p><a href="https://example.org/x">the <strong>report</strong></a> and <a href="mailto:desk@example.org">mail</a></p>',
        '<p>annotated text</p>',
      ].join('\n'),
    );
  });

  it('leaves out a figcaption when there is neither caption nor credit, and takes the image source it is given', () => {
    expect(html([figureNode(FIGURE)])).toBe('<figure>\n<img src="images/0.jpg" alt="" width="1200" height="800">\n</figure>');
    expect(html([figureNode({ ...FIGURE, credit: 'Photo: AP' })])).toContain('<figcaption><span class="credit">Photo: AP</span></figcaption>');
  });

  it('labels the breadcrumb and the notes in the language asked for', () => {
    const doc = exportHtml(article([], { channel: ['Home', 'News'] }), { footer: null, images: () => '', draft: true, language: 'zh-CN' });
    expect(doc).toContain('<html lang="en">');
    expect(doc).toContain('<nav aria-label="栏目">');
    expect(doc).toContain('尚未签发，暂无审稿署名。');
  });
});

describe('Markdown blocks', () => {
  it('writes emphasis with delimiters, moving spaces outside them', () => {
    expect(mdBody([p(t('a '), t(' bold ', BOLD), t('then '), t('it', ITALIC), t(' and '), t('both', BOLD | ITALIC), t('.'))])).toBe('a  **bold** then *it* and ***both***.');
  });

  it('falls back to HTML tags where CommonMark would not read the delimiters as emphasis', () => {
    // "**“" after a letter is not left-flanking, so it would stay literal asterisks.
    expect(mdBody([p(t('文字'), t('“引语”', BOLD), t('文字'))])).toBe('文字<strong>“引语”</strong>文字');
    // At the start of a line or after a space it works.
    expect(mdBody([p(t('“引语”', BOLD), t('文字'))])).toBe('<strong>“引语”</strong>文字');
    expect(mdBody([p(t('“引语”', BOLD), t(' 文字'))])).toBe('**“引语”** 文字');
    // Two emphasized runs that touch would merge their delimiters.
    expect(mdBody([p(t('bold', BOLD), t('italic', ITALIC))])).toBe('<strong>bold</strong><em>italic</em>');
  });

  it('leaves out underline, which Markdown has no form for', () => {
    expect(mdBody([p(t('under', UNDERLINE))])).toBe('under');
  });

  it('escapes characters that would turn text into markup, and line starts that would open a block', () => {
    expect(mdBody([p(t('*x* _y_ `z` [a](b) <b> #h a|b ~~s~~ &amp; 5 > 3 \\'))])).toBe('\\*x\\* \\_y\\_ \\`z\\` \\[a\\](b) \\<b\\> \\#h a\\|b \\~\\~s\\~\\~ \\&amp; 5 \\> 3 \\\\');
    expect(mdBody([p(t('- not a list'))])).toBe('\\- not a list');
    expect(mdBody([p(t('+ not a list'))])).toBe('\\+ not a list');
    expect(mdBody([p(t('1. not a list'))])).toBe('1\\. not a list');
    expect(mdBody([p(t('2024) no'))])).toBe('2024\\) no');
    expect(mdBody([p(t('46.8亿元'))])).toBe('46.8亿元');
    expect(mdBody([p(t('---'))])).toBe('\\---');
    expect(mdBody([p(t('    not code'))])).toBe('not code');
  });

  it('turns line breaks into hard breaks, headings into one line, and indents list continuations', () => {
    expect(mdBody([p(t('one'), br, t('- two'))])).toBe('one\\\n\\- two');
    expect(mdBody([block('heading', [t('a'), br, t('b')], { tag: 'h3' })])).toBe('### a b');
    expect(mdBody([block('quote', [t('q1'), br, t('q2')])])).toBe('> q1\\\n> q2');
    expect(mdBody([block('list', [item(t('one'), br, t('more')), item(t('two'))], { listType: 'number' })])).toBe('1. one\\\n   more\n2. two');
    expect(mdBody([block('list', [item(t('dot'))], { listType: 'bullet' })])).toBe('- dot');
  });

  it('writes links with a destination CommonMark reads whole, and drops unsafe ones', () => {
    expect(mdBody([p(link('https://example.org/a (b)', t('x')))])).toBe('[x](https://example.org/a%20%28b%29)');
    expect(mdBody([p(link('javascript:alert(1)', t('x', BOLD)), t('y', ITALIC))])).toBe('<strong>x</strong><em>y</em>');
  });

  it('writes a figure as an image with its caption and credit on the line after', () => {
    expect(mdBody([figureNode({ ...FIGURE, alt: 'A [b]', caption: 'Cap', credit: 'AP' })])).toBe('![A \\[b\\]](images/0.jpg)\n*Cap* — AP');
    expect(mdBody([figureNode({ ...FIGURE, credit: 'AP' })])).toBe('![](images/0.jpg)\n— AP');
    expect(mdBody([figureNode(FIGURE)])).toBe('![](images/0.jpg)');
  });
});

describe('plain text blocks', () => {
  const text = (children: BodyNode[]) => exportText(article(children, { channel: ['Home', 'News'], deck: 'Deck', byline: 'By Lin' }), { footer: 'Footer', draft: false });

  it('writes channel, headline, deck, byline, body and footer as paragraphs', () => {
    expect(text([p(t('Body.'))])).toBe('Home > News\n\nHeadline\n\nDeck\n\nBy Lin\n\nBody.\n\nFooter\n');
  });

  it('indents quotes, numbers lists, and gives figures a line each', () => {
    expect(
      text([
        block('quote', [t('a'), br, t('b')]),
        block('list', [item(t('one'), br, t('more')), item(t('two'))], { listType: 'number' }),
        figureNode({ ...FIGURE, caption: 'Cap', credit: 'AP' }),
        figureNode({ ...FIGURE, alt: 'What it shows' }),
        figureNode(FIGURE),
      ]),
    ).toContain('    a\n    b\n\n1. one\n   more\n2. two\n\n[Figure 1: Cap — AP]\n\n[Figure 2: What it shows]\n\n[Figure 3]\n\nFooter');
  });
});

describe('ninjs', () => {
  it('withholds copy that is not final, and gives no footer', () => {
    const state = new Desk().submit().approve(EDITOR).approve(SECOND).state;
    const item = exportNinjs(article([p(t('x'))]), { footer: 'should not appear', state, images: () => '' });
    expect(item.pubstatus).toBe('withheld');
    expect(item['x-review']).toMatchObject({ final: false, gate: 'not-signed-off', stage: 'third', footer: null });
    expect(item['x-review'].reviewers.map((r) => [r.stage, r.name, r.current])).toEqual([
      ['first', 'Wang Li', true],
      ['second', 'Zhao Min', true],
    ]);
    expect(item.bodies[0]!.value).toBe('<p>x</p>');
  });

  it('marks approvals given for other copy as not current', () => {
    const state = new Desk().signOff().edit(H2).state;
    const item = exportNinjs(article([]), { footer: null, state, images: () => '' });
    expect(item['x-review'].reviewers.every((r) => !r.current)).toBe(true);
    expect(item['x-review'].gate).toBe('edited-after-sign-off');
  });

  it('leaves out empty optional fields, and maps the version and times', () => {
    const item = exportNinjs(article([]), { footer: null, state: new Desk().state, images: () => '' });
    expect(item).not.toHaveProperty('descriptions');
    expect(item).not.toHaveProperty('by');
    expect(item).not.toHaveProperty('associations');
    expect(item).not.toHaveProperty('x-channel');
    expect(item).toMatchObject({ uri: 'urn:newsroom-review:article:20250501-abcdef0123', version: '7', firstcreated: '2025-05-01T08:00:00.000Z', versioncreated: '2025-05-02T08:00:00.000Z', language: 'en' });
  });
});

import { describe, expect, it } from 'vitest';
import { figureNode, headingNode, paragraphNode, textNode, type BodyNode, type SerializedBody } from '../../../src/shared/article/body';
import { copyBlocks, type TextRun } from '../../../src/shared/article/copy-blocks';

const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 8;

const body = (...children: BodyNode[]): SerializedBody => ({ root: { type: 'root', version: 1, children } });
const block = (type: string, children: BodyNode[], extra: Record<string, unknown> = {}): BodyNode => ({ type, version: 1, children, ...extra });
const run = (text: string, extra: Partial<TextRun> = {}): TextRun => ({ text, bold: false, italic: false, underline: false, href: null, ...extra });

const FIGURE = { asset: 'a'.repeat(64), mime: 'image/png' as const, width: 640, height: 400, caption: '图为现场。', credit: '新华社', alt: '现场' };

describe('copyBlocks', () => {
  it('unwraps annotation marks, keeping their text and emphasis', () => {
    const marked = block('paragraph', [textNode('市政府'), block('mark', [textNode('昨日', BOLD)], { ids: ['m-thread01'] }), textNode('宣布。')]);
    expect(copyBlocks(body(marked))).toEqual([{ kind: 'paragraph', runs: [run('市政府'), run('昨日', { bold: true }), run('宣布。')] }]);
  });

  it('keeps links and bold, italic and underline, joining neighbouring runs that look alike', () => {
    const link = block('link', [textNode('the report'), textNode(' (PDF)', ITALIC)], { url: 'https://example.org/r.pdf' });
    const paragraph = block('paragraph', [textNode('Read ', BOLD), textNode('now: ', BOLD), link, textNode('.', UNDERLINE), { type: 'linebreak', version: 1 }, { type: 'tab', version: 1 }]);
    expect(copyBlocks(body(paragraph))).toEqual([
      {
        kind: 'paragraph',
        runs: [
          run('Read now: ', { bold: true }),
          run('the report', { href: 'https://example.org/r.pdf' }),
          run(' (PDF)', { italic: true, href: 'https://example.org/r.pdf' }),
          run('.', { underline: true }),
          run('\n\t'),
        ],
      },
    ]);
  });

  it('gives headings their level, quotes, and figures with their fields', () => {
    expect(copyBlocks(body(headingNode('小标题'), headingNode('更小', 'h3'), block('quote', [textNode('引语')]), figureNode(FIGURE)))).toEqual([
      { kind: 'heading', level: 2, runs: [run('小标题')] },
      { kind: 'heading', level: 3, runs: [run('更小')] },
      { kind: 'quote', runs: [run('引语')] },
      { kind: 'figure', figure: expect.objectContaining(FIGURE) },
    ]);
  });

  it('flattens lists, nested ones included, into ordered or bulleted items', () => {
    const item = (text: string) => block('listitem', [textNode(text)]);
    const nested = block('listitem', [block('list', [item('1.a'), item('1.b')], { listType: 'bullet' })]);
    expect(copyBlocks(body(block('list', [item('one'), nested, item('two')], { listType: 'number' }), block('list', [item('x')], { listType: 'bullet' })))).toEqual([
      { kind: 'list', ordered: true, items: [[run('one')], [run('1.a')], [run('1.b')], [run('two')]] },
      { kind: 'list', ordered: false, items: [[run('x')]] },
    ]);
  });

  it('drops empty and blank paragraphs, but keeps other blocks', () => {
    expect(copyBlocks(body(paragraphNode(''), paragraphNode('   '), paragraphNode('正文'), headingNode(''), paragraphNode('')))).toEqual([
      { kind: 'paragraph', runs: [run('正文')] },
      { kind: 'heading', level: 2, runs: [] },
    ]);
  });
});

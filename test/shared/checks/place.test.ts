import { describe, expect, it } from 'vitest';
import { createChecker, runChecks } from '../../../src/shared/checks/engine';
import { article, fig, findingsOf, h, list, p, quote } from './helpers';

describe('where a body finding is, as a reader counts', () => {
  const content = article({
    blocks: [h('茶园的的变化'), fig(), p(''), p('第一段。'), fig(), p('   '), quote('这是我们的的茶园。'), list('甲', '乙'), h('第二个的的小标题'), p('这是是第三段。')],
  });

  it('numbers text paragraphs from 1, skipping figures, headings and empty paragraphs, and headings apart', () => {
    expect(findingsOf('repeated-word', content).map((f) => [f.text, f.location.block, f.location.paragraph, f.location.heading])).toEqual([
      ['的的', 0, undefined, 1],
      ['的的', 6, 2, undefined],
      ['的的', 8, undefined, 2],
      ['是是', 9, 4, undefined],
    ]);
  });

  it('renumbers when an earlier paragraph gains text, in the incremental checker too', () => {
    const checker = createChecker();
    checker.check(content);
    const blocks = content.body.root.children!.slice();
    blocks[2] = p('新写的一段。');
    const edited = { ...content, body: { root: { ...content.body.root, children: blocks } } };
    const numbers = (found: ReturnType<typeof runChecks>) => found.filter((f) => f.rule === 'repeated-word').map((f) => f.location.paragraph ?? null);
    expect(numbers(checker.check(edited))).toEqual([null, 3, null, 5]);
    expect(checker.check(edited)).toEqual(runChecks(edited));
  });
});

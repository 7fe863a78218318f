import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, bodyProblem, figureNode, headingNode, textNode, type BodyNode } from '../../../src/shared/article/body';
import { createChecker, runChecks } from '../../../src/shared/checks/engine';
import type { Finding } from '../../../src/shared/checks/finding';
import { applyFix } from '../../../src/shared/checks/fix';
import { HouseListsSchema } from '../../../src/shared/checks/lists';
import { blockText } from '../../../src/shared/checks/segments';
import { settingsWith } from './helpers';

const LISTS = HouseListsSchema.parse({
  terms: [
    { avoid: '农民工', use: '进城务工人员' },
    { avoid: '新冠', use: '新冠肺炎' },
    { avoid: 'e-mail', use: 'email' },
  ],
  names: [
    { name: '张某', title: '县委书记' },
    { name: 'Zhang Wei', title: 'county party secretary' },
  ],
});
const SETTINGS = settingsWith({ paragraphMaxChars: 60 });

/** Pieces of copy, clean and faulty, Chinese and English, that the rules react to. */
const FRAGMENTS = [
  '茶园', '面积达', '茶农说', '。', '，', '、', '的的', '了了', '常常', '现在在', 'the the', 'The the', 'that that', ' ', '  ', ' ，', ' .', ',', '.', '中,文',
  '好.', '？？', '，，', '，。', '……', '...', '“', '”', '"', '‘', '’', '（', '）', '(', ')', '《茶经》', '28万亩', '二十八万亩', '1,000 people', '1000 people',
  '1,00,000', '10,00', '3.5%', '百分之三点五', '2024-06-01', '近日', '日前', '6月30日前', 'recently', 'in recent days', ', It is', ', The Guardian', 'Tea grows',
  'and then', 'exports rose', '张某', '县委书记', '书记', '副县长', 'Zhang Wei', ', county party secretary', '农民工', '新冠', '新冠肺炎', 'e-mail', 'IMG_1234.JPG', '\n',
  '"当家产业"', '“当家产业”', 'He said "yes"', 'He said “no”', '"', '" ', ' "', '“', '”', '的', '"a', 'b"',
];

const textArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 7 }).map((parts) => parts.join(''));

/** A paragraph whose text is split into one to three text nodes, some bold, some inside a mark. */
function paragraphFrom(text: string, cuts: number[], marked: boolean): BodyNode {
  const points = [...new Set(cuts.map((c) => Math.min(text.length, c)))].sort((a, b) => a - b);
  const children: BodyNode[] = [];
  let from = 0;
  points.forEach((point, i) => {
    if (point > from) children.push(textNode(text.slice(from, point), i % 2));
    from = Math.max(from, point);
  });
  if (from < text.length) children.push(textNode(text.slice(from), 0));
  const inner = marked && children.length > 1 ? [children[0]!, { type: 'mark', version: 1, ids: ['t1'], children: children.slice(1) }] : children;
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: inner };
}

const figureArb = fc.record({ caption: fc.oneof(textArb, fc.constant('')), credit: textArb, alt: fc.oneof(textArb, fc.constantFrom('', 'image.png')) }).map((f) =>
  figureNode({ asset: 'b'.repeat(64), mime: 'image/jpeg', width: 4, height: 3, ...f }),
);

const blockArb: fc.Arbitrary<BodyNode> = fc.oneof(
  { arbitrary: fc.tuple(textArb, fc.array(fc.nat({ max: 40 }), { maxLength: 2 }), fc.boolean()).map(([t, cuts, m]) => paragraphFrom(t, cuts, m)), weight: 6 },
  { arbitrary: textArb.map((t) => headingNode(t)), weight: 1 },
  { arbitrary: textArb.map((t) => ({ type: 'quote', version: 1, children: [textNode(t)] }) as BodyNode), weight: 1 },
  { arbitrary: fc.array(textArb, { minLength: 1, maxLength: 3 }).map((items) => ({ type: 'list', version: 1, listType: 'bullet', children: items.map((t) => ({ type: 'listitem', version: 1, children: [textNode(t)] })) }) as BodyNode), weight: 1 },
  { arbitrary: figureArb, weight: 2 },
);

const contentArb: fc.Arbitrary<ArticleContent> = fc.record({
  channel: fc.constantFrom<string[][]>([], ['首页'], ['首页', '贵山'], ['Home', 'World  News']).map((parts) => [...parts]),
  headline: textArb,
  deck: textArb,
  byline: fc.constantFrom('', '本报记者 林晓岚', 'By Lin'),
  language: fc.constantFrom('zh-CN' as const, 'en' as const),
  blocks: fc.array(blockArb, { maxLength: 8 }),
}).map(({ blocks, ...fields }) => ({ ...fields, body: bodyOf(blocks) }));

type Edit =
  | { kind: 'type'; target: number; at: number; text: string }
  | { kind: 'delete'; target: number; at: number; length: number }
  | { kind: 'insert-block'; at: number; block: BodyNode }
  | { kind: 'remove-block'; at: number }
  | { kind: 'field'; field: 'headline' | 'deck'; text: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('type' as const), target: fc.nat(), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 2 })) }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('insert-block' as const), at: fc.nat(), block: blockArb }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('remove-block' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('field' as const), field: fc.constantFrom('headline' as const, 'deck' as const), text: textArb }), weight: 1 },
);

function withBlocks(content: ArticleContent, blocks: BodyNode[]): ArticleContent {
  return { ...content, body: { root: { ...content.body.root, children: blocks } } };
}

/** Applies an edit the way the editor would: a new content object, untouched blocks shared. */
function applyEdit(content: ArticleContent, edit: Edit): ArticleContent {
  const blocks = content.body.root.children ?? [];
  switch (edit.kind) {
    case 'field':
      return { ...content, [edit.field]: edit.text };
    case 'insert-block':
      return withBlocks(content, [...blocks.slice(0, edit.at % (blocks.length + 1)), edit.block, ...blocks.slice(edit.at % (blocks.length + 1))]);
    case 'remove-block':
      return blocks.length === 0 ? content : withBlocks(content, blocks.filter((_, i) => i !== edit.at % blocks.length));
    default: {
      if (blocks.length === 0) return content;
      const index = edit.target % blocks.length;
      const block = blocks[index]!;
      const change = (text: string) => {
        const at = edit.at % (text.length + 1);
        return edit.kind === 'type' ? text.slice(0, at) + edit.text + text.slice(at) : text.slice(0, at) + text.slice(at + edit.length);
      };
      let next: BodyNode;
      if (block.type === 'figure') next = { ...block, caption: change(String(block.caption)) };
      else if (block.type === 'list') next = { ...block, children: (block.children ?? []).map((item, i) => (i === 0 ? { ...item, children: [textNode(change(blockText(item)))] } : item)) };
      else next = { ...block, children: [textNode(change(blockText(block)))] };
      return withBlocks(content, blocks.map((b, i) => (i === index ? next : b)));
    }
  }
}

describe('the incremental checker', () => {
  it('gives exactly the findings of a full check after any series of edits', () => {
    fc.assert(
      fc.property(contentArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const checker = createChecker(SETTINGS, LISTS);
        let content = start;
        expect(checker.check(content)).toEqual(runChecks(content, SETTINGS, LISTS));
        for (const edit of edits) {
          content = applyEdit(content, edit);
          expect(checker.check(content)).toEqual(runChecks(content, SETTINGS, LISTS));
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

/** How many findings of each rule each place has. */
function countsByRuleAndPlace(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const { field, block, figure } = finding.location;
    const key = `${finding.rule} ${field} ${block ?? figure ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('applyFix', () => {
  it('removes the finding it fixes, creates none, keeps the body valid and leaves other blocks alone', () => {
    let applied = 0;
    fc.assert(
      fc.property(contentArb, (content) => {
        const findings = runChecks(content, SETTINGS, LISTS);
        for (const finding of findings) {
          if (!finding.fix) continue;
          const result = applyFix(content, finding);
          if (!result.ok) {
            expect(result.reason).toBe('spans-formatting');
            continue;
          }
          applied++;
          expect(bodyProblem(result.content.body)).toBeNull();
          const after = runChecks(result.content, SETTINGS, LISTS);
          const what = `${finding.id} ${JSON.stringify(finding.text)} -> ${JSON.stringify(finding.fix.replacement)}`;
          expect(after.map((f) => f.id), what).not.toContain(finding.id);
          // No fix creates a finding: no rule has more findings at any place than before.
          const was = countsByRuleAndPlace(findings);
          for (const [key, count] of countsByRuleAndPlace(after)) expect(count, `${what} gave ${key}`).toBeLessThanOrEqual(was.get(key) ?? 0);
          const before = content.body.root.children ?? [];
          const now = result.content.body.root.children ?? [];
          expect(now).toHaveLength(before.length);
          now.forEach((block, i) => {
            if (finding.location.field !== 'body' || i !== finding.location.block) {
              if (block.type !== 'figure' || !['caption', 'credit', 'alt'].includes(finding.location.field)) expect(block).toBe(before[i]);
            }
          });
        }
      }),
      { numRuns: 600 },
    );
    expect(applied).toBeGreaterThan(200);
  }, 120_000);
});

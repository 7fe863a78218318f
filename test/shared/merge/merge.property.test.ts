import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, paragraphNode } from '../../../src/shared/article/body';
import { mergeContent, resolveMerge, type MergePick } from '../../../src/shared/merge/merge-content';

const WORDS = ['记者', '今天', '公园', '樱花', '游客', '管理处', 'the', 'park', 'opened', '。', '，'];
const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(''));
const copyOf = (paragraphs: readonly string[]): ArticleContent => ({ channel: ['新闻'], headline: '标题', deck: '', byline: '', language: 'zh-CN', body: bodyOf(paragraphs.map((text) => paragraphNode(text))) });
const textsOf = (content: ArticleContent) => (content.body.root.children ?? []).map((node) => (node.children ?? []).map((child) => child.text).join(''));

/** An edit of one paragraph: replaced, removed, or a new one inserted after it. */
type Edit = { at: number; op: 'replace' | 'remove' | 'insert'; text: string };
const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('replace' as const, 'remove' as const, 'insert' as const), text: paragraph });

function apply(base: readonly string[], edits: ReadonlyMap<number, Edit>): string[] {
  const out: string[] = [];
  base.forEach((text, index) => {
    const change = edits.get(index);
    if (!change) out.push(text);
    else if (change.op === 'replace') out.push(`${change.text}（改）`);
    else if (change.op === 'insert') out.push(text, `${change.text}（新）`);
  });
  return out;
}

describe('three-way merge', () => {
  it('keeps every change when the two sides changed different paragraphs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(paragraph, { minLength: 2, maxLength: 12 }), fc.array(edit, { maxLength: 6 }), fc.array(edit, { maxLength: 6 }), (base, editsA, editsB) => {
        // Each side edits its own paragraphs (a's the even ones, b's the odd), one edit per paragraph.
        const own = (edits: Edit[], parity: number) => new Map(edits.map((e) => ({ ...e, at: (e.at % base.length) - ((e.at % base.length) % 2) + parity })).filter((e) => e.at < base.length).map((e) => [e.at, e]));
        const a = own(editsA, 0);
        const b = own(editsB, 1);
        const merge = mergeContent(copyOf(base), copyOf(apply(base, a)), copyOf(apply(base, b)));
        expect(merge.collisions).toEqual([]);
        expect(textsOf(resolveMerge(merge, {}))).toEqual(apply(base, new Map([...a, ...b])));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same copy whichever side is a, with the picks swapped', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), fc.array(paragraph, { maxLength: 8 }), fc.array(paragraph, { maxLength: 8 }), fc.constantFrom<MergePick>('a', 'b', 'both'), (base, x, y, pick) => {
        const one = mergeContent(copyOf(base), copyOf(x), copyOf(y));
        const other = mergeContent(copyOf(base), copyOf(y), copyOf(x));
        expect(other.collisions.length).toBe(one.collisions.length);
        const swap = (p: MergePick): MergePick => (p === 'a' ? 'b' : p === 'b' ? 'a' : p);
        const picks = Object.fromEntries(one.collisions.map((c) => [c.id, pick]));
        const swapped = Object.fromEntries(other.collisions.map((c) => [c.id, swap(pick)]));
        if (pick !== 'both') expect(textsOf(resolveMerge(other, swapped))).toEqual(textsOf(resolveMerge(one, picks)));
        // One side unchanged: the merge is the other side.
        expect(textsOf(resolveMerge(mergeContent(copyOf(base), copyOf(base), copyOf(y)), {}))).toEqual(y.length === 0 ? [] : y);
        expect(textsOf(resolveMerge(mergeContent(copyOf(base), copyOf(x), copyOf(base)), {}))).toEqual(x.length === 0 ? [] : x);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { generateRevisions } from '../../../bench/generate-revisions';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, figureNode, paragraphNode, type BodyNode } from '../../../src/shared/article/body';
import { walkBody } from '../../../src/shared/article/body-walk';
import { attributeChanges, stepText, trackedText, type AttributedVersion, type ChangeAuthor, type TrackedCopy, type TrackedPart } from '../../../src/shared/tracked/attribute';

const IMAGE = 'a'.repeat(64);
const WANG: ChangeAuthor = { revision: '1'.repeat(64), by: 'u-wangli', byName: '王丽', at: '2026-11-30T02:00:00.000Z', stage: 'first' };
const ZHAO: ChangeAuthor = { revision: '2'.repeat(64), by: 'u-zhaomin', byName: '赵敏', at: '2026-11-30T03:00:00.000Z', stage: 'second' };

function figure(caption: string): BodyNode {
  return figureNode({ asset: IMAGE, mime: 'image/png', width: 640, height: 400, caption, credit: '新华社', alt: '' });
}

function article(paragraphs: string[], fields: Partial<ArticleContent> = {}, figures: BodyNode[] = []): ArticleContent {
  return {
    channel: ['首页'],
    headline: '数据改变了乡村生活',
    deck: '',
    byline: '本报记者 林晓岚',
    language: 'zh-CN',
    body: bodyOf([...paragraphs.map((text) => paragraphNode(text)), ...figures]),
    ...fields,
  };
}

const parts = (list: TrackedPart[]) => list.map((p) => `${p.kind}${p.who === undefined ? '' : `#${p.who}`}:${p.text}`);

describe('stepText', () => {
  it('credits an insertion and a deletion to their author and drops text inserted and deleted again', () => {
    const once = stepText([{ kind: 'equal', text: '茶园里银灰色的监测立杆' }], '茶园里的监测立杆和气象站', 0, 'zh-CN');
    expect(trackedText(once, 'final')).toBe('茶园里的监测立杆和气象站');
    expect(trackedText(once, 'original')).toBe('茶园里银灰色的监测立杆');
    expect(once.filter((p) => p.kind !== 'equal').every((p) => p.who === 0)).toBe(true);
    const twice = stepText(once, '茶园里的监测立杆', 1, 'zh-CN');
    expect(trackedText(twice, 'final')).toBe('茶园里的监测立杆');
    expect(trackedText(twice, 'original')).toBe('茶园里银灰色的监测立杆');
    // 赵敏 took out what 王丽 had added: it is in neither the base nor the copy, so it is not shown.
    expect(twice.some((p) => p.text.includes('气象站'))).toBe(false);
    expect(twice.every((p) => p.who === undefined || p.who === 0)).toBe(true);
  });
});

describe('attributeChanges', () => {
  it('attributes each change in the body, headline and a caption to the revision that made it', () => {
    const base = article(['初夏时节，走进高峰村，茶园沿着山势铺展开来。', '第二段不变。'], {}, [figure('图：茶园')]);
    const byWang = article(['初夏时节，走进雾溪县高峰村，茶园铺展开来。', '第二段不变。'], {}, [figure('图：高峰村的茶园')]);
    const byZhao = article(['初夏时节，走进雾溪县高峰村，茶园铺展开来。', '第二段不变。', '新的第三段。'], { headline: '数据改变了山村生活' }, [figure('图：高峰村的茶园')]);
    const tracked = attributeChanges(base, [{ content: byWang, author: WANG }, { content: byZhao, author: ZHAO }], 'zh-CN');
    expect(tracked.authors).toEqual([WANG, ZHAO]);
    const [first, second, third, caption] = tracked.body;
    expect(first?.type === 'text' && parts(first.parts)).toEqual(['equal:初夏时节，走进', 'insert#0:雾溪县', 'equal:高峰村，茶园', 'delete#0:沿着山势', 'equal:铺展开来。']);
    expect(second).toMatchObject({ type: 'text', parts: [{ kind: 'equal', text: '第二段不变。' }] });
    expect(third).toMatchObject({ type: 'text', addedBy: 1, parts: [{ kind: 'insert', text: '新的第三段。', who: 1 }] });
    expect(caption?.type === 'figure' && trackedText(caption.caption, 'final')).toBe('图：高峰村的茶园');
    expect(caption?.type === 'figure' && caption.caption.filter((p) => p.kind !== 'equal').every((p) => p.who === 0)).toBe(true);
    expect(parts(tracked.fields.headline)).toEqual(['equal:数据改变了', 'delete#1:乡村', 'insert#1:山村', 'equal:生活']);
  });

  it('keeps a removed paragraph where it was, deleted by who removed it, and forgets authors whose changes were undone', () => {
    const base = article(['一。', '二是要删去的。', '三。']);
    const added = article(['一。', '二是要删去的。', '临时加的。', '三。']);
    const after = article(['一。', '三。']);
    const tracked = attributeChanges(base, [{ content: added, author: WANG }, { content: after, author: ZHAO }], 'zh-CN');
    expect(tracked.authors).toEqual([ZHAO]);
    expect(tracked.body.map((b) => b.type === 'text' && `${b.removedBy ?? '-'} ${parts(b.parts).join('|')}`)).toEqual(['- equal:一。', '0 delete#0:二是要删去的。', '- equal:三。']);
  });

  it('shows nothing when the copy is back to the base', () => {
    const base = article(['一。'], { headline: '标题' });
    const tracked = attributeChanges(base, [{ content: article(['一二。'], { headline: '新标题' }), author: WANG }, { content: base, author: ZHAO }], 'zh-CN');
    expect(tracked.authors).toEqual([]);
    expect(tracked.body).toEqual([{ type: 'text', kind: 'paragraph', parts: [{ kind: 'equal', text: '一。' }] }]);
  });
});

// Texts built from a small alphabet of Chinese and Latin words, so edits overlap and repeat.
const WORDS = ['茶园', '高峰村', '监测', '的', '，', '。', 'data', ' ', 'tea', '雾溪县', '山势'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((words) => words.join(''));
const copy = fc.record({
  headline: text,
  deck: text,
  byline: text,
  // Each paragraph starts with its own tag, so the body keeps its order (no block is seen as moved).
  paragraphs: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), text), { maxLength: 5 }),
  caption: fc.option(text, { nil: null }),
});
type Copy = typeof copy extends fc.Arbitrary<infer T> ? T : never;

function contentOf(c: Copy): ArticleContent {
  const tags = [...new Set(c.paragraphs.map(([tag]) => tag))].sort((a, b) => a - b);
  const paragraphs = tags.map((tag) => `¶${tag} ${c.paragraphs.find(([t]) => t === tag)![1]}`);
  return article(paragraphs, { headline: c.headline, deck: c.deck, byline: c.byline }, c.caption === null ? [] : [figure(c.caption)]);
}

function blockTexts(content: ArticleContent): string[] {
  const out: string[] = [];
  walkBody(content.body, { block: (b) => out.push(b.text), figure: (f) => out.push(`[${String(f.caption ?? '')}]`) });
  return out;
}

function side(tracked: TrackedCopy, which: 'final' | 'original'): string[] {
  const out: string[] = [];
  for (const block of tracked.body) {
    if (which === 'final' ? block.removedBy !== undefined : block.addedBy !== undefined) continue;
    out.push(block.type === 'text' ? trackedText(block.parts, which) : `[${trackedText(block.caption, which)}]`);
  }
  return out;
}

describe('attributeChanges: the copy and the base read back exactly', () => {
  it('for any sequence of revisions, final text is the current copy and original text is the base', () => {
    fc.assert(
      fc.property(copy, fc.array(copy, { maxLength: 5 }), (first, later) => {
        const base = contentOf(first);
        const versions: AttributedVersion[] = later.map((c, i) => ({ content: contentOf(c), author: { ...WANG, byName: `P${i % 2}`, revision: String(i).repeat(64) } }));
        const tracked = attributeChanges(base, versions, 'zh-CN');
        const current = versions.at(-1)?.content ?? base;
        for (const field of ['headline', 'deck', 'byline'] as const) {
          expect(trackedText(tracked.fields[field], 'final')).toBe(current[field]);
          expect(trackedText(tracked.fields[field], 'original')).toBe(base[field]);
        }
        expect(side(tracked, 'final')).toEqual(blockTexts(current));
        expect(side(tracked, 'original').filter((t) => t !== '')).toEqual(blockTexts(base).filter((t) => t !== ''));
        // Every change names an author the result lists.
        const named = tracked.body.flatMap((b) => (b.type === 'text' ? b.parts : [...b.caption, ...b.credit])).concat(Object.values(tracked.fields).flat());
        expect(named.every((p) => (p.kind === 'equal') === (p.who === undefined) && (p.who === undefined || tracked.authors[p.who] !== undefined))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('attributeChanges over an article edited as writers and reviewers edit it', () => {
  it('reads back the last revision and the base (blocks moved included) after 150 revisions of text, captions and figures', () => {
    const [base, ...later] = generateRevisions({ seed: 7, targetChars: 6_000, figures: 4, revisions: 150 });
    const versions = later.map((content, i) => ({ content, author: i % 2 ? WANG : ZHAO }));
    const tracked = attributeChanges(base!, versions, 'zh-CN');
    expect(side(tracked, 'final')).toEqual(blockTexts(later.at(-1)!));
    expect(side(tracked, 'original').filter((t) => t !== '').sort()).toEqual(blockTexts(base!).filter((t) => t !== '').sort());
    // Each revision that still shows a change is listed once, as the revision it is.
    expect(tracked.authors.length).toBeGreaterThan(2);
    expect(new Set(tracked.authors.map((a) => a.byName))).toEqual(new Set(['王丽', '赵敏']));
  });
});

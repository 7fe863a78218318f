import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRevisions } from '../../../bench/generate-revisions';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, figureNode, headingNode, paragraphNode, textNode, type BodyNode, type FigureFields } from '../../../src/shared/article/body';
import { walkBody } from '../../../src/shared/article/body-walk';
import { diffArticles, DIFF_FIELDS, type BodyEntry, type FigureEntry, type TextEntry } from '../../../src/shared/history/article-diff';
import { sideText, type DiffPart } from '../../../src/shared/history/text-diff';

const eq = (text: string): DiffPart => ({ kind: 'equal', text });
const ins = (text: string): DiffPart => ({ kind: 'insert', text });
const del = (text: string): DiffPart => ({ kind: 'delete', text });

const IMAGE_A = 'a'.repeat(64);
const IMAGE_B = 'b'.repeat(64);

function figure(fields: Partial<FigureFields> = {}): BodyNode {
  return figureNode({ asset: IMAGE_A, mime: 'image/png', width: 640, height: 400, caption: '图：茶园', credit: '新华社', alt: 'Tea hills', ...fields });
}

function article(children: BodyNode[], fields: Partial<ArticleContent> = {}): ArticleContent {
  return {
    channel: ['首页', '贵山'],
    headline: '数据改变了乡村生活',
    deck: 'How data came to the tea hills',
    byline: '本报记者 林晓岚',
    language: 'zh-CN',
    body: bodyOf(children),
    ...fields,
  };
}

const P = ['第一段：清晨的茶园。', '第二段：茶农们早早来到山上。', 'The third paragraph is in English.', '第四段：数据显示，产量增长了两成。'];

function statuses(entries: BodyEntry[]): string[] {
  return entries.map((e) => `${e.status} ${e.a ?? '-'}→${e.b ?? '-'}`);
}

describe('diffArticles: fields', () => {
  it('diffs headline, deck, byline and channel word by word', () => {
    const a = article([paragraphNode(P[0]!)]);
    const b = article([paragraphNode(P[0]!)], { headline: '数据改变了城市生活', deck: 'How data reached the tea hills', channel: ['首页', '贵山', '正文'] });
    const diff = diffArticles(a, b, 'zh-CN');
    expect(diff.changed).toBe(true);
    expect(diff.fields.headline).toEqual({ changed: true, parts: [eq('数据改变了'), del('乡村'), ins('城市'), eq('生活')] });
    expect(diff.fields.deck).toEqual({ changed: true, parts: [eq('How data '), del('came to'), ins('reached'), eq(' the tea hills')] });
    expect(diff.fields.byline).toEqual({ changed: false, parts: [eq('本报记者 林晓岚')] });
    expect(diff.fields.channel).toEqual({ changed: true, parts: [eq('首页 > 贵山'), ins(' > 正文')] });
    expect(diff.summary).toMatchObject({ insertions: 2 + 7 + 5, deletions: 2 + 7 });
  });

  it('finds nothing changed between equal articles', () => {
    const a = article(P.map((text) => paragraphNode(text)).concat(figure()));
    const diff = diffArticles(a, structuredClone(a), 'zh-CN');
    expect(diff.changed).toBe(false);
    expect(diff.body.every((e) => e.status === 'equal')).toBe(true);
    expect(diff.summary).toEqual({ insertions: 0, deletions: 0, figuresAdded: 0, figuresRemoved: 0, figuresChanged: 0, blocksAdded: 0, blocksRemoved: 0, blocksChanged: 0, moved: 0 });
  });
});

describe('diffArticles: body', () => {
  it('finds an inserted and a removed paragraph', () => {
    const a = article(P.map((text) => paragraphNode(text)));
    const b = article([paragraphNode(P[0]!), paragraphNode('新插入的一段。'), paragraphNode(P[1]!), paragraphNode(P[3]!)]);
    const diff = diffArticles(a, b, 'zh-CN');
    expect(statuses(diff.body)).toEqual(['equal 0→0', 'inserted -→1', 'equal 1→2', 'deleted 2→-', 'equal 3→3']);
    expect((diff.body[1] as TextEntry).parts).toEqual([ins('新插入的一段。')]);
    expect((diff.body[3] as TextEntry).parts).toEqual([del(P[2]!)]);
    expect(diff.summary).toMatchObject({ insertions: 7, deletions: P[2]!.length, blocksAdded: 1, blocksRemoved: 1, blocksChanged: 0 });
  });

  it('diffs an edited paragraph word by word, in Chinese and in English', () => {
    const a = article(P.map((text) => paragraphNode(text)));
    const b = article([paragraphNode(P[0]!), paragraphNode('第二段：茶农们一早来到山上采茶。'), paragraphNode('The third paragraph is now in plain English.'), paragraphNode(P[3]!)]);
    const diff = diffArticles(a, b, 'zh-CN');
    expect(statuses(diff.body)).toEqual(['equal 0→0', 'changed 1→1', 'changed 2→2', 'equal 3→3']);
    expect((diff.body[1] as TextEntry).parts).toEqual([eq('第二段：茶农们'), del('早早'), ins('一早'), eq('来到山上'), ins('采茶'), eq('。')]);
    expect((diff.body[2] as TextEntry).parts).toEqual([eq('The third paragraph is '), ins('now '), eq('in '), ins('plain '), eq('English.')]);
    expect(diff.summary).toMatchObject({ blocksChanged: 2, insertions: 2 + 2 + 4 + 6, deletions: 2 });
  });

  it('finds a moved paragraph and reports where it was', () => {
    const a = article(P.map((text) => paragraphNode(text)));
    const b = article([paragraphNode(P[2]!), paragraphNode(P[0]!), paragraphNode(P[1]!), paragraphNode(P[3]!)]);
    const diff = diffArticles(a, b, 'zh-CN');
    expect(statuses(diff.body)).toEqual(['moved 2→0', 'equal 0→1', 'equal 1→2', 'equal 3→3']);
    expect((diff.body[0] as TextEntry).parts).toEqual([eq(P[2]!)]);
    expect(diff.summary).toMatchObject({ moved: 1, insertions: 0, deletions: 0 });
  });

  it('tells a paragraph turned into a heading', () => {
    const a = article([paragraphNode('小标题'), paragraphNode(P[0]!)]);
    const b = article([headingNode('小标题'), paragraphNode(P[0]!)]);
    const diff = diffArticles(a, b, 'zh-CN');
    expect(diff.body[0]).toEqual({ type: 'text', status: 'changed', a: 0, b: 0, kind: 'heading', previousKind: 'paragraph', parts: [eq('小标题')] });
  });

  it('compares text, not formatting or annotations', () => {
    const a = article([paragraphNode(P[0]!)]);
    const marked = paragraphNode('');
    marked.children = [textNode('第一段：'), { type: 'mark', ids: ['t1'], children: [textNode('清晨', 1)] }, textNode('的茶园。')];
    expect(diffArticles(a, article([marked]), 'zh-CN').changed).toBe(false);
  });
});

describe('diffArticles: figures', () => {
  const base = () => [paragraphNode(P[0]!), figure(), paragraphNode(P[1]!)];

  it('diffs a changed caption, credit and alt of the same image', () => {
    const b = article([paragraphNode(P[0]!), figure({ caption: '图：云岭的茶园', credit: '新华社记者 摄', alt: 'Tea hills' }), paragraphNode(P[1]!)]);
    const diff = diffArticles(article(base()), b, 'zh-CN');
    expect(statuses(diff.body)).toEqual(['equal 0→0', 'changed 1→1', 'equal 2→2']);
    const entry = diff.body[1] as FigureEntry;
    expect(entry.imageChanged).toBe(false);
    expect(entry.caption).toEqual([eq('图：'), ins('云岭的'), eq('茶园')]);
    expect(entry.credit).toEqual([eq('新华社'), ins('记者 摄')]);
    expect(entry.alt).toEqual([eq('Tea hills')]);
    expect(diff.summary).toMatchObject({ figuresChanged: 1, figuresAdded: 0, figuresRemoved: 0, insertions: 3 + 4, deletions: 0 });
  });

  it('finds a figure added and a figure removed', () => {
    const added = diffArticles(article(base()), article([...base(), figure({ asset: IMAGE_B, caption: '图：新图' })]), 'zh-CN');
    expect(statuses(added.body)).toEqual(['equal 0→0', 'equal 1→1', 'equal 2→2', 'inserted -→3']);
    expect(added.body[3]).toMatchObject({ type: 'figure', before: null, after: { asset: IMAGE_B }, caption: [ins('图：新图')], credit: [ins('新华社')] });
    expect(added.summary).toMatchObject({ figuresAdded: 1, figuresRemoved: 0 });

    const removed = diffArticles(article(base()), article([paragraphNode(P[0]!), paragraphNode(P[1]!)]), 'zh-CN');
    expect(statuses(removed.body)).toEqual(['equal 0→0', 'deleted 1→-', 'equal 2→1']);
    expect(removed.body[1]).toMatchObject({ type: 'figure', before: { asset: IMAGE_A }, after: null, caption: [del('图：茶园')] });
    expect(removed.summary).toMatchObject({ figuresAdded: 0, figuresRemoved: 1, deletions: 4 + 3 + 9 });
  });

  it('finds an image replaced in the same place', () => {
    const b = article([paragraphNode(P[0]!), figure({ asset: IMAGE_B }), paragraphNode(P[1]!)]);
    const diff = diffArticles(article(base()), b, 'zh-CN');
    expect(statuses(diff.body)).toEqual(['equal 0→0', 'changed 1→1', 'equal 2→2']);
    expect(diff.body[1]).toMatchObject({ imageChanged: true, before: { asset: IMAGE_A }, after: { asset: IMAGE_B }, caption: [eq('图：茶园')] });
    expect(diff.summary).toMatchObject({ figuresChanged: 1, insertions: 0, deletions: 0 });
  });

  it('matches figures by image before position', () => {
    const a = article([figure({ caption: '一' }), figure({ asset: IMAGE_B, caption: '二' })]);
    const b = article([figure({ asset: IMAGE_B, caption: '二，改' })]);
    const diff = diffArticles(a, b, 'zh-CN');
    expect(statuses(diff.body)).toEqual(['deleted 0→-', 'changed 1→0']);
    expect((diff.body[1] as FigureEntry).caption).toEqual([eq('二'), ins('，改')]);
  });
});

/** Text of every block (and caption, credit, alt) of a version, in document order. */
function blockTexts(content: ArticleContent): string[] {
  const out: string[] = [];
  walkBody(content.body, { block: (block) => out.push(block.text), figure: (f) => out.push(`${f.caption}|${f.credit}|${f.alt}`) });
  return out;
}

function entryText(entry: BodyEntry, side: 'a' | 'b'): string {
  if (entry.type === 'text') return sideText(entry.parts, side);
  return `${sideText(entry.caption, side)}|${sideText(entry.credit, side)}|${sideText(entry.alt, side)}`;
}

/** Every field and block spells each side, and the entries cover each side's blocks in order. */
function expectReconstructs(a: ArticleContent, b: ArticleContent, language: string) {
  const diff = diffArticles(a, b, language);
  for (const field of DIFF_FIELDS) {
    const [before, after] = field === 'channel' ? [a.channel.join(' > '), b.channel.join(' > ')] : [a[field], b[field]];
    expect(sideText(diff.fields[field].parts, 'a')).toBe(before);
    expect(sideText(diff.fields[field].parts, 'b')).toBe(after);
  }
  const textsA = blockTexts(a);
  const textsB = blockTexts(b);
  const onB = diff.body.filter((e) => e.b !== null);
  expect(onB.map((e) => e.b)).toEqual(textsB.map((_, i) => i));
  expect(onB.map((e) => entryText(e, 'b'))).toEqual(textsB);
  const onA = diff.body.filter((e) => e.a !== null).sort((x, y) => x.a! - y.a!);
  expect(onA.map((e) => e.a)).toEqual(textsA.map((_, i) => i));
  expect(onA.map((e) => entryText(e, 'a'))).toEqual(textsA);
}

describe('diffArticles properties', () => {
  it('spells both versions of every field and block, for random edits of a mixed article', () => {
    const revisions = generateRevisions({ seed: 21, targetChars: 6_000, figures: 4, revisions: 300 });
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), fc.constantFrom('zh-CN', 'en'), (i, j, language) => {
        expectReconstructs(revisions[i]!, revisions[j]!, language);
      }),
      { numRuns: 150 },
    );
  });

  it('spells both versions for arbitrary paragraph lists', () => {
    const paragraph = fc.oneof(fc.constantFrom(...P, '', '茶', 'English words here.'), fc.string({ unit: 'grapheme', maxLength: 30 }));
    const block = fc.oneof(
      { weight: 4, arbitrary: paragraph.map((text) => paragraphNode(text)) },
      { weight: 1, arbitrary: fc.record({ asset: fc.constantFrom(IMAGE_A, IMAGE_B), caption: paragraph }).map((f) => figure(f)) },
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), fc.array(block, { maxLength: 12 }), (x, y) => {
        expectReconstructs(article(x), article(y), 'zh-CN');
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { textNode, type BodyNode } from '../../../src/shared/article/body';
import { runChecks } from '../../../src/shared/checks/engine';
import { applyFix } from '../../../src/shared/checks/fix';
import { HouseListsSchema } from '../../../src/shared/checks/lists';
import { article, englishArticle, fig, list, p, settingsWith } from './helpers';

const para = (...children: BodyNode[]): BodyNode => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children });
const mark = (id: string, ...children: BodyNode[]): BodyNode => ({ type: 'mark', version: 1, ids: [id], direction: null, format: '', indent: 0, children });
const BOLD = 1;

function only(content: Parameters<typeof runChecks>[0], rule: string, lists?: Parameters<typeof runChecks>[2]) {
  const found = runChecks(content, undefined, lists).filter((f) => f.rule === rule);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('applyFix', () => {
  it('fixes plain fields', () => {
    const content = article({ headline: '雾溪县推动茶产业,数字化转型' });
    const result = applyFix(content, only(content, 'halfwidth-punctuation'));
    expect(result).toMatchObject({ ok: true, content: { headline: '雾溪县推动茶产业，数字化转型' } });
    expect(content.headline).toBe('雾溪县推动茶产业,数字化转型');
  });

  it('fixes a body paragraph inside its text node, leaving the rest of the body as it was', () => {
    const content = article({ blocks: [p('第一段。'), p('这是我们的的茶园。'), fig()] });
    const result = applyFix(content, only(content, 'repeated-word'));
    expect(result.ok).toBe(true);
    expect(result.content.body.root.children![1]).toEqual(p('这是我们的茶园。'));
    expect(result.content.body.root.children![0]).toBe(content.body.root.children![0]);
    expect(result.content.body.root.children![2]).toBe(content.body.root.children![2]);
  });

  it('keeps formatting and annotation marks around the edit', () => {
    const content = article({ blocks: [para(textNode('茶农说', BOLD), textNode(' ，'), mark('t1', textNode('今年收成好')), textNode('。'))] });
    const result = applyFix(content, only(content, 'space-before-punctuation'));
    expect(result.ok).toBe(true);
    expect(result.content.body.root.children![0]).toEqual(para(textNode('茶农说', BOLD), textNode('，'), mark('t1', textNode('今年收成好')), textNode('。')));
  });

  it('edits only what changes, so a fix may span formatted text', () => {
    // “the the” over two nodes: the kept “the” stays bold, only “ the” goes.
    const content = englishArticle({ blocks: [para(textNode('It was the', BOLD), textNode(' the best year.'))] });
    const result = applyFix(content, only(content, 'repeated-word'));
    expect(result.ok).toBe(true);
    expect(result.content.body.root.children![0]).toEqual(para(textNode('It was the', BOLD), textNode(' best year.')));
  });

  it('deletes across text nodes, dropping a node it empties', () => {
    const content = englishArticle({ blocks: [para(textNode('Tea grows here '), textNode(' ', BOLD), textNode(' , said Lin.'))] });
    const result = applyFix(content, only(content, 'space-before-punctuation'));
    expect(result.ok).toBe(true);
    expect(result.content.body.root.children![0]).toEqual(para(textNode('Tea grows here'), textNode(', said Lin.')));
  });

  it('inserts into the text before the insertion point', () => {
    const lists = HouseListsSchema.parse({ names: [{ name: '张某', title: '县委书记' }] });
    const content = article({ blocks: [para(textNode('当天，'), textNode('张某', BOLD), textNode('表示，茶产业是重点。'))] });
    const result = applyFix(content, only(content, 'name-titles', lists));
    expect(result.ok).toBe(true);
    expect(result.content.body.root.children![0]).toEqual(para(textNode('当天，县委书记'), textNode('张某', BOLD), textNode('表示，茶产业是重点。')));
    expect(runChecks(result.content, undefined, lists).filter((f) => f.rule === 'name-titles')).toEqual([]);
  });

  it('refuses to replace text that spans differently formatted nodes', () => {
    const lists = HouseListsSchema.parse({ terms: [{ avoid: '农民工', use: '进城务工人员' }] });
    const content = article({ blocks: [para(textNode('这些农'), textNode('民工', BOLD), textNode('说。'))] });
    const result = applyFix(content, only(content, 'house-terms', lists));
    expect(result).toEqual({ ok: false, content, reason: 'spans-formatting' });
  });

  it('fixes list items, captions, credits and alt text', () => {
    const content = article({ blocks: [list('第一项。', '第二项,很重要。'), fig(), fig({ caption: '茶农在采茶 。', alt: '茶园里的的茶农' })] });
    let current = content;
    for (const rule of ['halfwidth-punctuation', 'space-before-punctuation', 'repeated-word']) {
      const result = applyFix(current, only(current, rule));
      expect(result.ok, rule).toBe(true);
      current = result.content;
    }
    expect(current.body.root.children![0]).toEqual(list('第一项。', '第二项，很重要。'));
    expect(current.body.root.children![2]).toEqual(fig({ caption: '茶农在采茶。', alt: '茶园里的茶农' }));
    expect(current.body.root.children![1]).toBe(content.body.root.children![1]);
  });

  it('fixes a part of the channel', () => {
    const content = article({ channel: ['首页', '贵山  新闻'] });
    const result = applyFix(content, only(content, 'double-space'));
    expect(result).toMatchObject({ ok: true, content: { channel: ['首页', '贵山 新闻'] } });
  });

  it('refuses when the text changed since the check, or there is no fix', () => {
    const content = article({ headline: '雾溪县推动茶产业,数字化转型' });
    const finding = only(content, 'halfwidth-punctuation');
    const edited = { ...content, headline: '雾溪县推动茶产业数字化转型,新' };
    expect(applyFix(edited, finding)).toEqual({ ok: false, content: edited, reason: 'stale' });
    const missing = article({ headline: '' });
    expect(applyFix(missing, only(missing, 'headline'))).toMatchObject({ ok: false, reason: 'no-fix' });
    const gone = { ...finding, location: { field: 'body' as const, block: 9, start: 0, end: 1 } };
    expect(applyFix(content, gone)).toMatchObject({ ok: false, reason: 'not-found' });
  });
});

describe('quick fixes offered', () => {
  it('are withheld when they would create another finding', () => {
    // Removing the space would make “. .” a doubled full stop.
    const content = englishArticle({ blocks: [p('The end. .')] });
    const found = runChecks(content).filter((f) => f.rule === 'space-before-punctuation');
    expect(found.map((f) => [f.text, f.fix ?? null])).toEqual([[' ', null]]);
    // Shortening a headline below the shortest length is no fix either.
    const short = article({ headline: '茶园里的的变化' });
    expect(runChecks(short, settingsWith({ headlineLength: { 'zh-CN': { min: 7, max: 60 } } })).find((f) => f.rule === 'repeated-word')?.fix).toBeUndefined();
    expect(runChecks(short).find((f) => f.rule === 'repeated-word')?.fix?.replacement).toBe('的');
  });

  it('are at most 50 in one paragraph, the first ones in reading order', () => {
    const content = article({ blocks: [p('他来了了，'.repeat(60))] });
    const found = runChecks(content).filter((f) => f.rule === 'repeated-word');
    expect(found).toHaveLength(60);
    expect(found.map((f) => Boolean(f.fix))).toEqual([...Array<boolean>(50).fill(true), ...Array<boolean>(10).fill(false)]);
  });
});

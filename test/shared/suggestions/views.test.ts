import { describe, expect, it } from 'vitest';
import { ArticleContentSchema } from '../../../src/shared/article/article';
import { bodyProblem, figureNode, paragraphOf, textNode, type BodyNode } from '../../../src/shared/article/body';
import { bodyPlainText } from '../../../src/shared/article/body-walk';
import { contentHash } from '../../../src/shared/article/canonical';
import { copyBlocks } from '../../../src/shared/article/copy-blocks';
import { runChecks } from '../../../src/shared/checks/index';
import { exportMarkdown } from '../../../src/shared/export/markdown';
import { suggestionNode } from '../../../src/shared/suggestions/build';
import { decideSuggestions } from '../../../src/shared/suggestions/decide';
import { listSuggestions, suggestersOf } from '../../../src/shared/suggestions/list';
import { baseView, proposedView } from '../../../src/shared/suggestions/views';
import { content, PEOPLE } from './marked';

const FIGURE = { asset: 'ab'.repeat(32), mime: 'image/png', width: 640, height: 400, caption: '茶农在采茶', credit: '新华社', alt: '茶园' } as const;
const wang = PEOPLE[0]!;
const zhao = PEOPLE[1]!;
const ins = (id: string, text: string, who = wang, group?: string) => suggestionNode({ ...who, kind: 'insert', id, group }, text);
const del = (id: string, text: string, who = wang, group?: string) => suggestionNode({ ...who, kind: 'delete', id, group }, text);

/** 王丽 replaces 千年 by 百年 and deletes 数字; 赵敏 adds 新; 王丽 proposes a caption and a headline. */
function suggested() {
  return content(
    [
      paragraphOf([del('s-del0001', '千年', wang, 's-grp0001'), ins('s-ins0001', '百年', wang, 's-grp0001'), textNode('茶山种出'), del('s-del0002', '数字'), textNode('动能')]),
      paragraphOf([textNode('茶园'), ins('s-ins0002', '新', zhao), textNode('面貌')]),
      { ...figureNode(FIGURE), proposals: [{ ...wang, id: 's-cap0001', field: 'caption', base: '茶农在采茶', proposed: '茶农在高山茶园采茶' }] },
    ],
    { headline: '千年茶山', proposals: [{ ...wang, id: 's-head001', field: 'headline', base: '千年茶山', proposed: '千年茶山换新颜' }] },
  );
}

describe('suggestions in stored content', () => {
  it('are a valid article, and malformed or misplaced suggestion nodes are refused', () => {
    expect(ArticleContentSchema.safeParse(suggested()).success).toBe(true);
    const within = (node: BodyNode) => content([paragraphOf([node])]).body;
    expect(bodyProblem(within({ ...ins('s-ins0001', 'x'), by: 'root' }))).toMatch(/malformed suggestion: by/);
    expect(bodyProblem(within({ ...ins('s-ins0001', 'x'), kind: 'move' }))).toMatch(/malformed suggestion: kind/);
    expect(bodyProblem(within({ ...ins('s-ins0001', 'x'), onclick: 'alert(1)' }))).toMatch(/malformed suggestion/);
    expect(bodyProblem(within({ ...ins('s-ins0001', 'x'), stage: 'published' }))).toMatch(/malformed suggestion: stage/);
    expect(bodyProblem(within({ ...ins('s-ins0001', 'x'), at: 'yesterday' }))).toMatch(/malformed suggestion: at/);
    expect(bodyProblem(within({ ...ins('s-ins0001', 'x'), children: [ins('s-ins0002', 'y')] }))).toMatch(/holding a "suggestion" node/);
    expect(bodyProblem(within({ ...ins('s-ins0001', 'x'), children: [figureNode(FIGURE)] }))).toMatch(/holding a "figure" node/);
    expect(bodyProblem(content([ins('s-ins0001', 'x')]).body)).toMatch(/outside a paragraph/);
    const badCaption = { ...figureNode(FIGURE), proposals: [{ ...wang, id: 's-cap0001', field: 'headline', base: 'a', proposed: 'b' }] };
    expect(bodyProblem(content([badCaption]).body)).toMatch(/malformed figure/);
    expect(ArticleContentSchema.safeParse({ ...suggested(), proposals: [{ ...wang, id: 's-x000001', field: 'caption', base: 'a', proposed: 'b' }] }).success).toBe(false);
  });

  it('are listed with who, when, stage, kind and text, a replacement as one', () => {
    const list = listSuggestions(suggested());
    expect(list.map((s) => [s.key, s.kind, s.byName, s.stage, s.deleted, s.inserted, s.place])).toEqual([
      ['s-head001', 'field', '王丽', 'first', '千年茶山', '千年茶山换新颜', { field: 'headline' }],
      ['s-grp0001', 'replace', '王丽', 'first', '千年', '百年', { field: 'body', block: 0 }],
      ['s-del0002', 'delete', '王丽', 'first', '数字', '', { field: 'body', block: 0 }],
      ['s-ins0002', 'insert', '赵敏', 'second', '', '新', { field: 'body', block: 1 }],
      ['s-cap0001', 'field', '王丽', 'first', '茶农在采茶', '茶农在高山茶园采茶', { field: 'caption', figure: 0 }],
    ]);
    expect(suggestersOf(list).map((p) => [p.byName, p.count])).toEqual([['王丽', 4], ['赵敏', 1]]);
  });

  it('never reach the hash, the finished copy or an export; proofreading reads them accepted', () => {
    const stored = suggested();
    const base = baseView(stored);
    expect(bodyPlainText(stored.body)).toBe('千年茶山种出数字动能\n茶园面貌');
    expect(contentHash(stored)).toBe(contentHash(base));
    expect(JSON.stringify(copyBlocks(stored.body))).not.toMatch(/百年|茶园新面貌|高山|suggestion|proposals/);
    const markdown = exportMarkdown(stored, { footer: null, imagePath: () => 'images/1.png', draft: false });
    expect(markdown).toContain('千年茶山种出数字动能');
    expect(markdown).not.toMatch(/百年|高山|换新颜/);
    const proposed = proposedView(stored);
    expect(proposed.headline).toBe('千年茶山换新颜');
    expect(bodyPlainText(proposed.body)).toBe('百年茶山种出动能\n茶园新面貌');
    expect((proposed.body.root.children![2] as BodyNode).caption).toBe('茶农在高山茶园采茶');
  });

  it('change the hash once decided, like any edit', () => {
    const stored = suggested();
    const accepted = decideSuggestions(stored, { keys: ['s-grp0001', 's-cap0001'] }, 'accept').content;
    expect(contentHash(accepted)).not.toBe(contentHash(stored));
    expect(bodyPlainText(accepted.body)).toBe('百年茶山种出数字动能\n茶园面貌');
    expect((accepted.body.root.children![2] as BodyNode).caption).toBe('茶农在高山茶园采茶');
    expect((accepted.body.root.children![2] as BodyNode).proposals).toBeUndefined();
    const rejected = decideSuggestions(stored, { keys: ['s-head001'] }, 'reject').content;
    expect(rejected.headline).toBe('千年茶山');
    expect(rejected.proposals).toBeUndefined();
    expect(contentHash(rejected)).toBe(contentHash(stored));
  });

  it('a field proposal that clashes with a later edit is refused, not applied', () => {
    const merged = decideSuggestions({ ...suggested(), headline: '万年茶山' }, { keys: ['s-head001'] }, 'accept');
    expect(merged.content.headline).toBe('万年茶山换新颜');
    expect(merged.refused).toEqual([]);
    const stored = { ...suggested(), headline: '千年茶山新貌' };
    const { content: after, refused } = decideSuggestions(stored, { keys: ['s-head001'] }, 'accept');
    expect(refused).toEqual(['s-head001']);
    expect(after.headline).toBe('千年茶山新貌');
    expect(after.proposals).toHaveLength(1);
  });

  it('proofreading names the suggestion a finding would come from, and offers no fix where suggestions are pending', () => {
    const stored = content([paragraphOf([textNode('会议在昨天举行，'), ins('s-ins0003', '的的'), textNode('大家都来了。')])], { headline: '茶山', proposals: [{ ...wang, id: 's-head002', field: 'headline', base: '茶山', proposed: '茶山  新貌' }] });
    const findings = runChecks(stored);
    const repeated = findings.find((f) => f.rule === 'repeated-word');
    expect(repeated?.suggestion).toBe('s-ins0003');
    expect(repeated?.fix).toBeUndefined();
    const spaced = findings.find((f) => f.location.field === 'headline' && f.rule === 'double-space');
    expect(spaced?.suggestion).toBe('s-head002');
    expect(runChecks(baseView(stored)).some((f) => f.rule === 'repeated-word')).toBe(false);
  });
});

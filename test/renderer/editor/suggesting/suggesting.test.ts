import { $getSelection, $isRangeSelection } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $suggestInsertText } from '../../../../src/renderer/editor/suggesting/insert';
import type { Suggester } from '../../../../src/renderer/editor/suggesting/suggester';
import { bodyOf as bodyWith, paragraphOf, textNode, type BodyNode } from '../../../../src/shared/article/body';
import { listSuggestions } from '../../../../src/shared/suggestions/list';
import { $select, bodyOf, editorWith } from './editor';

const WANG: Suggester = { by: 'u-wangli01', byName: '王丽', stage: 'first' };
const ZHAO: Suggester = { by: 'u-zhaomin1', byName: '赵敏', stage: 'second' };

function suggest(start: string, steps: Array<(editor: ReturnType<typeof editorWith>) => void>) {
  const editor = editorWith(bodyWith([paragraphOf([textNode(start)])]));
  for (const step of steps) step(editor);
  const body = bodyOf(editor);
  return { body, list: listSuggestions({ channel: [], headline: '', deck: '', byline: '', language: 'zh-CN', body }), children: body.root.children![0]!.children as BodyNode[] };
}

const typeAt = (who: Suggester, at: number, text: string, end = at) => (editor: ReturnType<typeof editorWith>) =>
  editor.update(() => {
    $select(at, end);
    $suggestInsertText(text, who);
  }, { discrete: true });

const typeOn = (who: Suggester, text: string) => (editor: ReturnType<typeof editorWith>) =>
  editor.update(() => {
    if ($isRangeSelection($getSelection())) $suggestInsertText(text, who);
  }, { discrete: true });

describe('suggesting: typing', () => {
  it('typing over a selection is one replacement: the deletion and the insertion share a group', () => {
    const { list, children } = suggest('过去靠天吃饭', [typeAt(WANG, 0, '从前', 2)]);
    expect(list).toMatchObject([{ kind: 'replace', byName: '王丽', deleted: '过去', inserted: '从前' }]);
    expect(children.map((c) => [c.type, c.kind ?? null])).toEqual([['suggestion', 'delete'], ['suggestion', 'insert'], ['text', null]]);
    expect(children[0]!.group).toBe(children[1]!.group);
  });

  it('keeps typing in the same insertion, so one word typed key by key is one suggestion', () => {
    const { list } = suggest('茶山', [typeAt(WANG, 2, '新'), typeOn(WANG, '貌'), typeOn(WANG, '。')]);
    expect(list).toMatchObject([{ kind: 'insert', inserted: '新貌。' }]);
  });

  it("typing inside someone else's suggestion splits it around one's own", () => {
    const { list, children } = suggest('茶山', [typeAt(ZHAO, 1, '高大'), typeAt(WANG, 2, '又')]);
    expect(children.map((c) => (c.children as BodyNode[] | undefined)?.[0]?.text ?? c.text)).toEqual(['茶', '高', '又', '大', '山']);
    expect(list.map((s) => [s.byName, s.inserted])).toEqual([['赵敏', '高大'], ['王丽', '又']]);
  });
});

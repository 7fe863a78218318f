import fc from 'fast-check';
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $characterRange } from '../../../../src/renderer/editor/suggesting/character';
import { $decideSuggestions } from '../../../../src/renderer/editor/suggesting/decide';
import { $suggestDelete } from '../../../../src/renderer/editor/suggesting/delete';
import { $suggestInsertText } from '../../../../src/renderer/editor/suggesting/insert';
import type { Suggester } from '../../../../src/renderer/editor/suggesting/suggester';
import { bodyOf as bodyWith, paragraphOf, textNode } from '../../../../src/shared/article/body';
import { bodyPlainText } from '../../../../src/shared/article/body-walk';
import { decideSuggestions } from '../../../../src/shared/suggestions/decide';
import { bodyProblem, type SerializedBody } from '../../../../src/shared/article/body';
import { $select, bodyOf, editorWith } from './editor';

const PEOPLE: Suggester[] = [
  { by: 'u-wangli01', byName: '王丽', stage: 'first' },
  { by: 'u-zhaomin1', byName: '赵敏', stage: 'second' },
];

/** What the suggestions should amount to: each character shown, as copy, someone's insertion, or suggested for deletion. */
type Cell = { ch: string; state: 'base' | 'deleted' | { inserted: number } };

type Op = { who: number } & ({ kind: 'type'; at: number; text: string } | { kind: 'delete'; from: number; to: number } | { kind: 'backspace'; at: number });

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ who: fc.integer({ min: 0, max: 1 }), kind: fc.constant('type' as const), at: fc.nat(40), text: fc.string({ unit: fc.constantFrom('茶', '山', 'a', ' ', '，'), minLength: 1, maxLength: 3 }) }),
  fc.record({ who: fc.integer({ min: 0, max: 1 }), kind: fc.constant('delete' as const), from: fc.nat(40), to: fc.nat(40) }),
  fc.record({ who: fc.integer({ min: 0, max: 1 }), kind: fc.constant('backspace' as const), at: fc.nat(40) }),
);

/** The model: what each operation should do to the cells. */
function applyToModel(cells: Cell[], o: Op): void {
  const remove = (i: number) => {
    const cell = cells[i]!;
    if (cell.state === 'base') cell.state = 'deleted';
    else if (typeof cell.state === 'object' && cell.state.inserted === o.who) cells.splice(i, 1);
  };
  if (o.kind === 'type') cells.splice(Math.min(o.at, cells.length), 0, ...Array.from(o.text, (ch) => ({ ch, state: { inserted: o.who } })));
  else if (o.kind === 'delete') {
    const [from, to] = [Math.min(o.from, o.to, cells.length), Math.min(Math.max(o.from, o.to), cells.length)];
    for (let i = to - 1; i >= from; i--) remove(i);
  } else {
    let i = Math.min(o.at, cells.length) - 1;
    while (i >= 0 && cells[i]!.state === 'deleted') i--;
    if (i >= 0) remove(i);
  }
}

/**
 * A block's textFormat and textStyle are the format Lexical remembers for the caret: selecting
 * across a bold run changes them with no edit at all, and the content hash leaves them out.
 */
function withoutCaretFormat(body: SerializedBody): SerializedBody {
  return JSON.parse(JSON.stringify(body, (key, value: unknown) => (key === 'textFormat' || key === 'textStyle' ? undefined : value))) as SerializedBody;
}

const shown = (cells: Cell[]) => cells.map((c) => c.ch).join('');
const meant = (cells: Cell[]) => cells.filter((c) => c.state !== 'deleted').map((c) => c.ch).join('');

describe('suggesting in the editor (property)', () => {
  it('typing, deleting and backspacing as suggestions: accepting all gives what was meant, rejecting all gives back the copy exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('茶', '山', '村', 'a', 'b', ' '), maxLength: 12 }), fc.boolean(), fc.array(op, { maxLength: 12 }), (start, bold, ops) => {
        const base = bodyWith([paragraphOf(start ? [textNode(start.slice(0, 4)), ...(start.length > 4 ? [textNode(start.slice(4), bold ? 1 : 0)] : [])] : [])]);
        const editor = editorWith(base);
        const original = bodyOf(editor);
        const cells: Cell[] = Array.from(start, (ch) => ({ ch, state: 'base' as const }));
        for (const o of ops) {
          editor.update(
            () => {
              const who = PEOPLE[o.who]!;
              const length = $getRoot().getFirstChildOrThrow().getTextContent().length;
              if (o.kind === 'type') {
                $select(Math.min(o.at, length));
                $suggestInsertText(o.text, who);
              } else if (o.kind === 'delete') {
                $select(Math.min(o.from, o.to, length), Math.min(Math.max(o.from, o.to), length));
                const selection = $getSelection();
                if ($isRangeSelection(selection)) $suggestDelete(selection, who, 'forward');
              } else {
                $select(Math.min(o.at, length));
                const selection = $getSelection();
                const range = $isRangeSelection(selection) ? $characterRange(selection, 'backward') : null;
                if (range) $suggestDelete(range, who, 'backward');
              }
            },
            { discrete: true },
          );
          applyToModel(cells, o);
          expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(shown(cells));
        }
        const suggested = bodyOf(editor);
        expect(bodyProblem(suggested)).toBeNull();
        const content = { channel: [], headline: '', deck: '', byline: '', language: 'zh-CN' as const, body: suggested };
        expect(withoutCaretFormat(decideSuggestions(content, 'all', 'reject').content.body)).toEqual(withoutCaretFormat(original));
        expect(bodyPlainText(decideSuggestions(content, 'all', 'accept').content.body)).toBe(meant(cells));
        editor.update(() => void $decideSuggestions('all', 'accept'), { discrete: true });
        expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(meant(cells));
      }),
      { numRuns: 300 },
    );
  });
});

import type { LexicalEditor } from 'lexical';
import { trackedText, type TrackedCopy, type TrackedPart } from '../../shared/tracked/attribute';
import { bodyElements, blockText, textRange } from './dom-text';

/** One change in the body, where it is on the page (relative to `origin`). */
export interface ChangeMarker {
  key: string;
  kind: 'insert' | 'delete' | 'removed';
  who: number;
  text: string;
  left: number;
  top: number;
}

export interface ChangeMarks {
  /** The inserted text of each author (by index), as DOM ranges to highlight. */
  inserted: Map<number, Range[]>;
  markers: ChangeMarker[];
}

/**
 * Places the body's changes on the page without touching the editor's document: insertions as
 * ranges (for CSS highlights), every insertion, deletion and removed paragraph as a marker
 * position. A block whose text on the page is not the text the changes were worked out for (it
 * has been edited since the last save) is left unmarked until the next save.
 */
export function placeChanges(editor: LexicalEditor, tracked: TrackedCopy, origin: DOMRect): ChangeMarks {
  const inserted = new Map<number, Range[]>();
  const markers: ChangeMarker[] = [];
  const elements = bodyElements(editor);
  let live = 0;
  const at = (range: Range, key: string, kind: ChangeMarker['kind'], who: number, text: string) => {
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0 && rect.top === 0) return;
    markers.push({ key, kind, who, text, left: rect.left - origin.left, top: rect.top - origin.top });
  };
  tracked.body.forEach((block, index) => {
    if (block.removedBy !== undefined) {
      const next = elements[live];
      if (next && block.type === 'text') {
        const range = document.createRange();
        range.setStart(next.element, 0);
        at(range, `r${index}`, 'removed', block.removedBy, trackedText(block.parts, 'original'));
      }
      return;
    }
    const target = elements[live++];
    if (!target || block.type !== 'text' || target.figure) return;
    const { text, pieces } = blockText(target.element);
    if (text !== trackedText(block.parts, 'final')) return;
    let offset = 0;
    block.parts.forEach((part: TrackedPart, n) => {
      const key = `${index}.${n}`;
      if (part.kind === 'equal') offset += part.text.length;
      else if (part.kind === 'insert') {
        const range = textRange(target.element, pieces, offset, offset + part.text.length);
        const list = inserted.get(part.who!) ?? [];
        list.push(range);
        inserted.set(part.who!, list);
        at(range, key, 'insert', part.who!, part.text);
        offset += part.text.length;
      } else at(textRange(target.element, pieces, offset, offset), key, 'delete', part.who!, part.text);
    });
  });
  return { inserted, markers };
}

export const highlightName = (who: number) => `change-by-${who}`;

/** Sets (or, with null, clears) the CSS highlights of inserted text, one per author. */
export function showInsertions(marks: ChangeMarks | null, previous: number): number {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry || typeof Highlight === 'undefined') return 0;
  for (let who = 0; who < previous; who++) registry.delete(highlightName(who));
  if (!marks) return 0;
  let count = 0;
  for (const [who, ranges] of marks.inserted) {
    registry.set(highlightName(who), new Highlight(...ranges));
    count = Math.max(count, who + 1);
  }
  return count;
}

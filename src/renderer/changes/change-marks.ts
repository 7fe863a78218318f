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

/** A line's stretch of inserted text, to tint in its author's colour. */
export interface InsertedBox {
  key: string;
  who: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ChangeMarks {
  inserted: InsertedBox[];
  markers: ChangeMarker[];
}

/**
 * Places the body's changes on the page without touching the editor's document: inserted text
 * as boxes over it, line by line, and every insertion, deletion and removed paragraph as a
 * marker position. A block whose text on the page is not the text the changes were worked out for (it
 * has been edited since the last save) is left unmarked until the next save.
 */
export function placeChanges(editor: LexicalEditor, tracked: TrackedCopy, origin: DOMRect): ChangeMarks {
  const inserted: InsertedBox[] = [];
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
    // Reading a block's text from the page costs; most blocks of a long copy have no changes.
    if (block.parts.every((part) => part.kind === 'equal')) return;
    const { text, pieces } = blockText(target.element);
    if (text !== trackedText(block.parts, 'final')) return;
    let offset = 0;
    block.parts.forEach((part: TrackedPart, n) => {
      const key = `${index}.${n}`;
      if (part.kind === 'equal') offset += part.text.length;
      else if (part.kind === 'insert') {
        const range = textRange(target.element, pieces, offset, offset + part.text.length);
        Array.from(range.getClientRects()).forEach((rect, line) => {
          if (rect.width > 0) inserted.push({ key: `${key}.${line}`, who: part.who!, left: rect.left - origin.left, top: rect.top - origin.top, width: rect.width, height: rect.height });
        });
        at(range, key, 'insert', part.who!, part.text);
        offset += part.text.length;
      } else at(textRange(target.element, pieces, offset, offset), key, 'delete', part.who!, part.text);
    });
  });
  return { inserted, markers };
}

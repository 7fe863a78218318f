import { $getRoot, type LexicalEditor } from 'lexical';

/** A body item's element: a text block (paragraph, heading, quote, list item) or a figure. */
export interface BodyElement {
  element: HTMLElement;
  figure: boolean;
}

/** The body's text blocks and figures as the page shows them, in the order the copy reads them (src/shared/article/body-walk.ts). */
export function bodyElements(editor: LexicalEditor): BodyElement[] {
  const tops = editor.getEditorState().read(() => $getRoot().getChildren().map((node) => ({ key: node.getKey(), type: node.getType() })));
  const out: BodyElement[] = [];
  for (const { key, type } of tops) {
    const element = editor.getElementByKey(key);
    if (!element) continue;
    if (type === 'list') for (const item of element.querySelectorAll<HTMLElement>('li')) out.push({ element: item, figure: false });
    else out.push({ element, figure: type === 'figure' });
  }
  return out;
}

interface Piece {
  node: Text;
  start: number;
}

/**
 * A block's text as the copy stands (pending insertions left out, pending deletions kept), with
 * where each DOM text node starts in it; a line break counts as one character.
 */
export function blockText(element: HTMLElement): { text: string; pieces: Piece[] } {
  let text = '';
  const pieces: Piece[] = [];
  const visit = (node: Node, top: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      pieces.push({ node: node as Text, start: text.length });
      text += node.textContent ?? '';
      return;
    }
    if (node.nodeName === 'BR') {
      text += '\n';
      return;
    }
    if (!top && (node.nodeName === 'UL' || node.nodeName === 'OL')) return;
    if (node instanceof HTMLElement && node.dataset.suggestionKind === 'insert') return;
    for (const child of Array.from(node.childNodes)) visit(child, false);
  };
  visit(element, true);
  return { text, pieces };
}

function place(pieces: readonly Piece[], at: number, element: HTMLElement): [Node, number] {
  for (const piece of pieces) {
    const length = piece.node.length;
    if (at >= piece.start && at <= piece.start + length) return [piece.node, at - piece.start];
  }
  const last = pieces[pieces.length - 1];
  return last ? [last.node, last.node.length] : [element, 0];
}

/** A DOM range over [start, end) of the block's text as `blockText` reads it. */
export function textRange(element: HTMLElement, pieces: readonly Piece[], start: number, end: number): Range {
  const range = document.createRange();
  range.setStart(...place(pieces, start, element));
  range.setEnd(...place(pieces, end, element));
  return range;
}

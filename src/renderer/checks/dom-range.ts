import { $getRoot, type LexicalEditor } from 'lexical';

/**
 * A DOM Range over [start, end) of a top-level body block's plain text, counting a line break
 * and the gap between list items as one character, as the checks do. The checks read the copy
 * with every suggestion accepted, so text suggested for deletion is not counted.
 */
export function blockRange(editor: LexicalEditor, block: number, start: number, end: number): Range | null {
  const key = editor.getEditorState().read(() => $getRoot().getChildAtIndex(block)?.getKey());
  const element = key ? editor.getElementByKey(key) : null;
  if (!element) return null;
  const range = document.createRange();
  let offset = 0;
  let started = false;
  const visit = (node: Node): boolean => {
    if (node.nodeType === Node.TEXT_NODE) {
      const length = node.textContent?.length ?? 0;
      if (!started && start <= offset + length) {
        range.setStart(node, Math.max(0, start - offset));
        started = true;
      }
      if (started && end <= offset + length) {
        range.setEnd(node, Math.max(0, end - offset));
        return true;
      }
      offset += length;
      return false;
    }
    if (node.nodeName === 'BR') {
      offset += 1;
      return false;
    }
    if (node instanceof HTMLElement && node.dataset.suggestionKind === 'delete') return false;
    const children = Array.from(node.childNodes);
    for (let i = 0; i < children.length; i++) {
      if (visit(children[i]!)) return true;
      if (children[i]!.nodeName === 'LI' && i < children.length - 1) offset += 1;
    }
    return false;
  };
  if (visit(element)) return range;
  if (started) {
    range.setEndAfter(element.lastChild ?? element);
    return range;
  }
  return null;
}

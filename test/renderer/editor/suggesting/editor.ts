import { createHeadlessEditor } from '@lexical/headless';
import { $createRangeSelection, $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, $setSelection, type LexicalEditor, type LexicalNode, type PointType } from 'lexical';
import { BODY_NODES } from '../../../../src/renderer/editor/nodes/body-nodes';
import type { SerializedBody } from '../../../../src/shared/article/body';

export function editorWith(body: SerializedBody): LexicalEditor {
  const editor = createHeadlessEditor({ namespace: 'suggesting-test', nodes: BODY_NODES, onError: (error) => { throw error; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return editor;
}

export function bodyOf(editor: LexicalEditor): SerializedBody {
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as SerializedBody;
}

/** Text leaves of the first paragraph, in order, with where each starts in its text (deleted text included). */
function $leaves(): Array<{ node: LexicalNode; start: number; length: number }> {
  const out: Array<{ node: LexicalNode; start: number; length: number }> = [];
  let at = 0;
  const visit = (node: LexicalNode) => {
    if ($isTextNode(node) || $isLineBreakNode(node)) {
      const length = node.getTextContentSize();
      out.push({ node, start: at, length });
      at += length;
    } else if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot().getFirstChildOrThrow());
  return out;
}

function $point(point: PointType, index: number): void {
  const leaves = $leaves().filter((l) => $isTextNode(l.node));
  const paragraph = $getRoot().getFirstChildOrThrow();
  const leaf = leaves.find((l) => index >= l.start && index < l.start + l.length) ?? leaves.find((l) => index === l.start + l.length);
  if (leaf) point.set(leaf.node.getKey(), index - leaf.start, 'text');
  else point.set(paragraph.getKey(), 0, 'element');
}

/** Selects [start, end) of the first paragraph's text as shown (suggested deletions included). */
export function $select(start: number, end = start): void {
  const selection = $createRangeSelection();
  $point(selection.anchor, start);
  $point(selection.focus, end);
  $setSelection(selection);
}

import { $isLineBreakNode, $isTextNode, type LexicalNode, type RangeSelection } from 'lexical';
import { $createSuggestionNode, $suggestionOf, type SuggestionNode } from '../nodes/SuggestionNode';
import { $isOwn, newAttrs, type Suggester } from './suggester';

export type Direction = 'backward' | 'forward';

/** The outermost suggestion a node sits in, or the node itself. */
function outer(node: LexicalNode): LexicalNode {
  return $suggestionOf(node) ?? node;
}

function $caretBefore(node: LexicalNode): void {
  const previous = node.getPreviousSibling();
  if ($isTextNode(previous) && !$suggestionOf(previous)) previous.select(previous.getTextContentSize(), previous.getTextContentSize());
  else node.getParentOrThrow().select(node.getIndexWithinParent(), node.getIndexWithinParent());
}

function $caretAfter(node: LexicalNode): void {
  const next = node.getNextSibling();
  if ($isTextNode(next) && !$suggestionOf(next)) next.select(0, 0);
  else node.getParentOrThrow().select(node.getIndexWithinParent() + 1, node.getIndexWithinParent() + 1);
}

/**
 * Suggests deleting the selected text as `who`: text of the copy is wrapped in a deletion
 * suggestion (joined to the person's own deletion beside it); text of the person's own pending
 * insertion is simply taken out; text already suggested for deletion, or inserted by someone
 * else, is left as it is. Figures and block boundaries are never touched. The caret ends where
 * the deletion starts (backward) or ends (forward). Returns the deletion suggestions made or grown.
 */
export function $suggestDelete(selection: RangeSelection, who: Suggester, direction: Direction): SuggestionNode[] {
  if (selection.isCollapsed()) return [];
  const leaves = selection.extract().filter((node) => $isTextNode(node) || $isLineBreakNode(node));
  if (leaves.length === 0) return [];
  const edge = direction === 'backward' ? outer(leaves[0]!) : outer(leaves[leaves.length - 1]!);
  if (direction === 'backward') $caretBefore(edge);
  else $caretAfter(edge);
  const touched: SuggestionNode[] = [];
  const removed: LexicalNode[] = [];
  for (const leaf of leaves) {
    const suggestion = $suggestionOf(leaf);
    if (suggestion) {
      if ($isOwn(suggestion, 'insert', who)) removed.push(leaf);
      continue;
    }
    const previous = leaf.getPreviousSibling();
    let target: SuggestionNode;
    if ($isOwn(previous, 'delete', who)) {
      target = previous;
      target.append(leaf);
    } else {
      target = $createSuggestionNode(newAttrs(who, 'delete'));
      leaf.insertBefore(target);
      target.append(leaf);
    }
    const next = target.getNextSibling();
    if ($isOwn(next, 'delete', who)) {
      target.append(...next.getChildren());
      next.remove();
    }
    if (!touched.includes(target)) touched.push(target);
  }
  for (const leaf of removed) leaf.remove();
  // The caret was placed beside the edge before anything moved; place it again now that it has.
  const settled = direction === 'backward' ? leaves[0]! : leaves[leaves.length - 1]!;
  if (settled.isAttached()) {
    if (direction === 'backward') $caretBefore(outer(settled));
    else $caretAfter(outer(settled));
  }
  return touched.filter((node) => node.isAttached());
}

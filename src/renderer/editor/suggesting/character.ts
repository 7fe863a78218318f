import { $createRangeSelection, $findMatchingParent, $isElementNode, $isLineBreakNode, $isTextNode, $setSelection, type ElementNode, type LexicalNode, type PointType, type RangeSelection } from 'lexical';
import { $suggestionOf } from '../nodes/SuggestionNode';
import type { Direction } from './delete';

interface Leaf {
  node: LexicalNode;
  start: number;
  text: string;
  deleted: boolean;
}

function $block(node: LexicalNode): ElementNode | null {
  return $findMatchingParent(node, (n) => $isElementNode(n) && !n.isInline()) as ElementNode | null;
}

function $leavesOf(block: ElementNode): Leaf[] {
  const leaves: Leaf[] = [];
  let at = 0;
  const visit = (node: LexicalNode) => {
    if ($isTextNode(node) || $isLineBreakNode(node)) {
      const text = $isTextNode(node) ? node.getTextContent() : '\n';
      leaves.push({ node, start: at, text, deleted: $suggestionOf(node)?.getAttrs().kind === 'delete' });
      at += text.length;
    } else if ($isElementNode(node) && node.isInline()) for (const child of node.getChildren()) visit(child);
  };
  for (const child of block.getChildren()) visit(child);
  return leaves;
}

/** A point's place in the block's text, counting every leaf. */
function $indexOf(point: PointType, leaves: readonly Leaf[]): number {
  const node = point.getNode();
  if (point.type === 'text') return (leaves.find((l) => l.node.is(node))?.start ?? 0) + point.offset;
  const child = $isElementNode(node) ? node.getChildAtIndex(point.offset) : null;
  const after = child ? leaves.find((l) => l.node.is(child) || (($isElementNode(child) && child.isParentOf(l.node)) as boolean)) : null;
  if (after) return after.start;
  const before = $isElementNode(node) && point.offset > 0 ? node.getChildAtIndex(point.offset - 1) : null;
  const last = before ? [...leaves].reverse().find((l) => l.node.is(before) || ($isElementNode(before) && before.isParentOf(l.node))) : null;
  return last ? last.start + last.text.length : 0;
}

/** Sets a range's start (inside the leaf that begins there) or end (inside the leaf that ends there). */
function $setPoint(point: PointType, index: number, leaves: readonly Leaf[], side: 'start' | 'end'): void {
  const holds = (l: Leaf) => (side === 'start' ? index >= l.start && index < l.start + l.text.length : index > l.start && index <= l.start + l.text.length);
  const leaf = leaves.find((l) => holds(l) && $isTextNode(l.node)) ?? leaves.find(holds)!;
  if ($isTextNode(leaf.node)) point.set(leaf.node.getKey(), index - leaf.start, 'text');
  else {
    const parent = leaf.node.getParentOrThrow();
    point.set(parent.getKey(), leaf.node.getIndexWithinParent() + (index > leaf.start ? 1 : 0), 'element');
  }
}

/**
 * The selection from the caret to one character away (a whole surrogate pair), passing over
 * text already suggested for deletion, within the caret's block; null at the block's edge, so
 * a deletion never joins two paragraphs.
 */
export function $characterRange(caret: RangeSelection, direction: Direction): RangeSelection | null {
  const block = $block(caret.anchor.getNode());
  if (!block) return null;
  const leaves = $leavesOf(block);
  if (leaves.length === 0) return null;
  const text = leaves.map((l) => l.text).join('');
  const deletedAt = (i: number) => leaves.find((l) => i >= l.start && i < l.start + l.text.length)?.deleted ?? false;
  const from = $indexOf(caret.anchor, leaves);
  let to = from;
  if (direction === 'backward') {
    while (to > 0 && deletedAt(to - 1)) to--;
    if (to === 0) return null;
    to -= to >= 2 && /[\udc00-\udfff]/.test(text[to - 1]!) && /[\ud800-\udbff]/.test(text[to - 2]!) ? 2 : 1;
  } else {
    while (to < text.length && deletedAt(to)) to++;
    if (to === text.length) return null;
    to += /[\ud800-\udbff]/.test(text[to]!) && /[\udc00-\udfff]/.test(text[to + 1] ?? '') ? 2 : 1;
  }
  const range = $createRangeSelection();
  $setPoint(range.anchor, Math.min(from, to), leaves, 'start');
  $setPoint(range.focus, Math.max(from, to), leaves, 'end');
  $setSelection(range);
  return range;
}

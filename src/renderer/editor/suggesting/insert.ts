import { $createTextNode, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, type ElementNode, type LexicalNode, type TextNode } from 'lexical';
import { $createSuggestionNode, $isSuggestionNode, $suggestionOf, type SuggestionNode } from '../nodes/SuggestionNode';
import { $suggestDelete } from './delete';
import { $isOwn, $ownInsertionOf, newAttrs, newSuggestionId, type Suggester } from './suggester';

/**
 * Types `text` as a suggestion of `who`: over a selection, the selected text is suggested for
 * deletion and the new text follows it as the same replacement; at a caret, the text goes into
 * the person's own pending insertion there, or into a new one (splitting someone else's
 * suggestion if the caret is inside it). The caret ends after the text, inside the insertion.
 */
export function $suggestInsertText(text: string, who: Suggester): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || text === '') return false;
  let group: string | undefined;
  if (!selection.isCollapsed()) {
    const deleted = $suggestDelete(selection, who, 'forward');
    if (deleted.length > 0) {
      group = deleted[0]!.getAttrs().group ?? newSuggestionId();
      for (const node of deleted) if (node.getAttrs().group !== group) node.setAttrs({ ...node.getAttrs(), group });
    }
  }
  const caret = $getSelection();
  if (!$isRangeSelection(caret)) return false;
  const { key, offset, type } = caret.anchor;
  const anchor = caret.anchor.getNode();
  const format = caret.format;
  if (type === 'text' && $isTextNode(anchor)) {
    const own = group ? null : $ownInsertionOf(anchor, who);
    if (own) {
      anchor.spliceText(offset, 0, text, true);
      return true;
    }
    return $insertNew(text, who, group, format, $placeInText(anchor, offset, who, group));
  }
  const element = anchor as ElementNode;
  if (!$isElementNode(element) || element.getKey() !== key) return false;
  const before = offset > 0 ? element.getChildAtIndex(offset - 1) : null;
  const after = element.getChildAtIndex(offset);
  return $insertNew(text, who, group, format, $placeBetween(element, before, after, who, group));
}

type Place = { extend: SuggestionNode; atEnd: boolean } | { after: LexicalNode } | { before: LexicalNode } | { into: ElementNode };

/** Where new text typed at (text node, offset) goes. */
function $placeInText(node: TextNode, offset: number, who: Suggester, group: string | undefined): Place {
  const suggestion = $suggestionOf(node);
  if (suggestion) {
    const halves = $splitAt(suggestion, node, offset);
    return halves.left ? { after: halves.left } : { before: halves.right! };
  }
  const length = node.getTextContentSize();
  const previous = node.getPreviousSibling();
  const next = node.getNextSibling();
  if (!group && offset === 0 && $isOwn(previous, 'insert', who)) return { extend: previous, atEnd: true };
  if (!group && offset === length && $isOwn(next, 'insert', who)) return { extend: next, atEnd: false };
  if (offset === 0) return { before: node };
  if (offset === length) return { after: node };
  const [left] = node.splitText(offset);
  return { after: left! };
}

/** Where new text typed between two children of an element goes. */
function $placeBetween(element: ElementNode, before: LexicalNode | null, after: LexicalNode | null, who: Suggester, group: string | undefined): Place {
  if ($isSuggestionNode(element)) return $isOwn(element, 'insert', who) && !group ? { extend: element, atEnd: after === null } : { after: element };
  if (!group && $isOwn(before, 'insert', who)) return { extend: before, atEnd: true };
  if (!group && $isOwn(after, 'insert', who)) return { extend: after, atEnd: false };
  if (before) return { after: before };
  if (after) return { before: after };
  return { into: element };
}

function $insertNew(text: string, who: Suggester, group: string | undefined, format: number, place: Place): boolean {
  if ('extend' in place) {
    const edge = place.atEnd ? place.extend.getLastDescendant() : place.extend.getFirstDescendant();
    if ($isTextNode(edge)) {
      const at = place.atEnd ? edge.getTextContentSize() : 0;
      edge.spliceText(at, 0, text, true);
      return true;
    }
  }
  const textNode = $createTextNode(text).setFormat(format);
  const node = $createSuggestionNode(newAttrs(who, 'insert', group)).append(textNode);
  if ('extend' in place) place.extend.insertAfter(node);
  else if ('after' in place) place.after.insertAfter(node);
  else if ('before' in place) place.before.insertBefore(node);
  else place.into.append(node);
  textNode.select(text.length, text.length);
  return true;
}

/** Splits a suggestion at a caret inside it into the part before and the part after (either may be null). */
export function $splitAt(suggestion: SuggestionNode, node: TextNode, offset: number): { left: SuggestionNode | null; right: SuggestionNode | null } {
  if (node.getParent() !== suggestion) return { left: suggestion, right: null };
  let last: LexicalNode | null;
  if (offset > 0 && offset < node.getTextContentSize()) last = node.splitText(offset)[0]!;
  else last = offset === 0 ? node.getPreviousSibling() : node;
  if (last === null) return { left: null, right: suggestion };
  const rest = last.getNextSiblings();
  if (rest.length === 0) return { left: suggestion, right: null };
  const right = $createSuggestionNode(suggestion.getAttrs());
  suggestion.insertAfter(right);
  right.append(...rest);
  return { left: suggestion, right };
}

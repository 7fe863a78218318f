import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { personKey, suggestionKey } from '../../../shared/suggestions/model';
import type { SuggestionFilter } from '../../../shared/suggestions/decide';
import { decisionEffect, type Decision } from '../../../shared/suggestions/resolve-body';
import { $isSuggestionNode, type SuggestionNode } from '../nodes/SuggestionNode';

function $suggestionsIn(node: LexicalNode, found: SuggestionNode[] = []): SuggestionNode[] {
  if ($isSuggestionNode(node)) found.push(node);
  else if ($isElementNode(node)) for (const child of node.getChildren()) $suggestionsIn(child, found);
  return found;
}

/**
 * Accepts or rejects the body suggestions a filter chooses, by the one rule of
 * suggestions/resolve-body.ts: their text stays (the node is unwrapped) or goes with them.
 * Returns how many suggestion nodes were decided.
 */
export function $decideSuggestions(filter: SuggestionFilter, decision: Decision): number {
  const keys = typeof filter === 'object' && 'keys' in filter ? new Set(filter.keys) : null;
  const person = typeof filter === 'object' && 'person' in filter ? filter.person : null;
  let count = 0;
  for (const node of $suggestionsIn($getRoot())) {
    const attrs = node.getAttrs();
    if (keys && !keys.has(suggestionKey(attrs))) continue;
    if (person !== null && personKey(attrs) !== person) continue;
    count++;
    if (decisionEffect(attrs.kind, decision) === 'remove') {
      node.remove();
      continue;
    }
    for (const child of node.getChildren()) node.insertBefore(child);
    node.remove();
  }
  return count;
}

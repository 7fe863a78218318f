import { $getRoot, $isElementNode, $nodesOfType, type LexicalNode } from 'lexical';
import type { BodyNode } from '../../../shared/article/body';
import { personKey, suggestionKey, type FigureProposal } from '../../../shared/suggestions/model';
import { decideFigure, type SuggestionFilter } from '../../../shared/suggestions/decide';
import { FigureNode } from '../nodes/FigureNode';
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

/**
 * Accepts or rejects the chosen caption and credit proposals of every figure (the rule of
 * suggestions/decide.ts). Returns the proposals that could not be accepted (they clash with a
 * caption changed since).
 */
export function $decideFigureProposals(filter: SuggestionFilter, decision: Decision, language: string): string[] {
  const refused: string[] = [];
  for (const figure of $nodesOfType(FigureNode)) {
    if (figure.getProposals().length === 0) continue;
    const before = figure.exportJSON() as unknown as BodyNode;
    const after = decideFigure(before, filter, decision, language, refused);
    if (after === before) continue;
    figure.setText('caption', String(after.caption ?? ''));
    figure.setText('credit', String(after.credit ?? ''));
    figure.setProposals((after.proposals as FigureProposal[] | undefined) ?? []);
  }
  return refused;
}

import type { LexicalNode } from 'lexical';
import type { Stage } from '../../../shared/review/stages';
import type { SuggestionAttrs, SuggestionKind } from '../../../shared/suggestions/model';
import { $isSuggestionNode, $suggestionOf, type SuggestionNode } from '../nodes/SuggestionNode';

/** Who is suggesting, at which stage: given by the page (the window's person and the article's stage). */
export interface Suggester {
  by: string;
  byName: string;
  stage: Stage;
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newSuggestionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `s-${Array.from(bytes, (b) => ID_CHARS[b % ID_CHARS.length]).join('')}`;
}

export function newAttrs(who: Suggester, kind: SuggestionKind, group?: string): SuggestionAttrs {
  return { by: who.by, byName: who.byName, stage: who.stage, at: new Date().toISOString(), kind, id: newSuggestionId(), ...(group ? { group } : {}) };
}

/** Whether `node` is a suggestion of this kind by this person at this stage. */
export function $isOwn(node: LexicalNode | null | undefined, kind: SuggestionKind, who: Suggester): node is SuggestionNode {
  if (!$isSuggestionNode(node)) return false;
  const attrs = node.getAttrs();
  return attrs.kind === kind && attrs.by === who.by && attrs.byName === who.byName && attrs.stage === who.stage;
}

/** The person's own pending insertion that `node` sits in, if any. */
export function $ownInsertionOf(node: LexicalNode, who: Suggester): SuggestionNode | null {
  const suggestion = $suggestionOf(node);
  return $isOwn(suggestion, 'insert', who) ? suggestion : null;
}

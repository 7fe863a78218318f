import { diffText, tidyParts } from '../history/text-diff';
import type { FieldProposal } from './model';
import { proposedValue } from './proposals';

/** A tracked change as a word processor records it: inserted or deleted, by whom (a name), when. */
export interface ChangeMark {
  kind: 'insert' | 'delete';
  author: string;
  at: string;
}

export interface TrackedPiece {
  text: string;
  change: ChangeMark | null;
}

/**
 * A plain field (headline, deck, byline, caption, credit) with its pending proposals as tracked
 * pieces: the word diff (the history's, Chinese-aware) from the value as it stands to the value
 * every proposal would make of it. Proposals by several people on one field are one change
 * naming them all, at the latest of their times.
 */
export function trackedField(value: string, proposals: readonly FieldProposal[], language: string): TrackedPiece[] {
  if (proposals.length === 0) return value ? [{ text: value, change: null }] : [];
  const proposed = proposedValue(value, proposals, language);
  const author = [...new Set(proposals.map((p) => p.byName))].join(', ');
  const at = proposals.map((p) => p.at).sort().at(-1)!;
  return tidyParts(diffText(value, proposed, language)).map((part) => ({
    text: part.text,
    change: part.kind === 'equal' ? null : { kind: part.kind, author, at },
  }));
}

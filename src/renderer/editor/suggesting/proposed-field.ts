import type { FieldProposal } from '../../../shared/suggestions/model';
import { afterFieldEdit, ownProposal, withOwnProposal } from '../../../shared/suggestions/own-proposal';
import { proposedValue } from '../../../shared/suggestions/proposals';
import { newSuggestionId } from './suggester';
import type { SuggestingState } from './suggesting-context';

export interface ProposedField<P extends FieldProposal> {
  /** What the field shows: the value, the person's own proposal while they suggest, or the value with every proposal accepted or none. */
  shown: string;
  /** Only the changes-shown view is edited; the other two are read. */
  readOnly: boolean;
  /** The field's proposals, pending on it. */
  pending: P[];
  /** What typing `text` into the field changes: the value itself (editing) and the proposals. */
  change(text: string): { value?: string; proposals: P[] };
}

/**
 * One plain field (headline, deck, byline, caption, credit) under suggestions: editing changes its
 * value and carries the proposals on it onto the new value; suggesting changes only the person's
 * own proposal for it.
 */
export function proposedField<P extends FieldProposal>(field: P['field'], value: string, proposals: readonly P[], state: SuggestingState, editable: boolean): ProposedField<P> {
  const pending = proposals.filter((p) => p.field === field);
  const { suggester, view, language } = state;
  let shown = value;
  if (view === 'final') shown = proposedValue(value, pending, language);
  else if (view === 'changes' && suggester) shown = ownProposal(pending, field, suggester)?.proposed ?? value;
  return {
    shown,
    readOnly: !editable || view !== 'changes',
    pending,
    change: (text) => {
      if (suggester) {
        const who = { ...suggester, at: new Date().toISOString() };
        return { proposals: withOwnProposal(proposals, field, value, text, who, newSuggestionId) };
      }
      return { value: text, proposals: afterFieldEdit(proposals, field, text, language) };
    },
  };
}

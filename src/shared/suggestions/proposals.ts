import { mergeText } from './merge3';
import type { FieldProposal } from './model';

/**
 * `value` with `proposal` applied: its proposed text when it was made on this very value, else the
 * proposal merged three-way onto what the value has become; null when the two clash.
 */
export function applyProposal(value: string, proposal: FieldProposal, language: string): string | null {
  return proposal.base === value ? proposal.proposed : mergeText(proposal.base, value, proposal.proposed, language);
}

/**
 * The proposals on a field after its value changed to `value` (an edit, or another proposal
 * accepted): each is carried onto the new value (base = value, proposed = the merge); one that
 * the new value already holds is dropped; one that clashes is kept as it was, made on an earlier
 * value (it can still be read and rejected, not accepted).
 */
export function rebaseProposals<P extends FieldProposal>(proposals: readonly P[], value: string, language: string): P[] {
  const out: P[] = [];
  for (const proposal of proposals) {
    if (proposal.base === value) {
      out.push(proposal);
      continue;
    }
    const merged = mergeText(proposal.base, value, proposal.proposed, language);
    if (merged === null) out.push(proposal);
    else if (merged !== value) out.push({ ...proposal, base: value, proposed: merged });
  }
  return out;
}

/** Whether a proposal was made on an earlier value and clashes with what it has become. */
export function isStale(proposal: FieldProposal, value: string, language: string): boolean {
  return applyProposal(value, proposal, language) === null;
}

/** The value with every proposal applied in turn (oldest first); one that clashes is passed over. */
export function proposedValue(value: string, proposals: readonly FieldProposal[], language: string): string {
  let out = value;
  for (const proposal of [...proposals].sort((a, b) => a.at.localeCompare(b.at))) out = applyProposal(out, proposal, language) ?? out;
  return out;
}

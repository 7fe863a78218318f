import type { Authorship, FieldProposal, ProposalField } from './model';
import { rebaseProposals } from './proposals';

/**
 * The proposals on a field after `who` typed `value` into it while suggesting: their own pending
 * proposal for the field now proposes `value` (made against `current`, the field as it stands),
 * or goes away when `value` is the field as it stands; everyone else's are untouched.
 */
export function withOwnProposal<P extends FieldProposal>(
  proposals: readonly P[],
  field: P['field'],
  current: string,
  value: string,
  who: Authorship,
  newId: () => string,
): P[] {
  const own = (p: FieldProposal) => p.field === field && p.by === who.by && p.byName === who.byName && p.stage === who.stage;
  const existing = proposals.find(own);
  const others = proposals.filter((p) => !own(p));
  if (value === current) return others;
  const next = { ...(existing ?? { id: newId() }), ...who, field, base: current, proposed: value } as P;
  const index = existing ? proposals.indexOf(existing) : proposals.length;
  const out = others.slice();
  out.splice(Math.min(index, out.length), 0, next);
  return out;
}

/** The proposals after the field was edited directly to `value`: the ones on it carried onto the new value. */
export function afterFieldEdit<P extends FieldProposal>(proposals: readonly P[], field: ProposalField, value: string, language: string): P[] {
  const on = proposals.filter((p) => p.field === field);
  if (on.length === 0) return proposals.slice();
  const rebased = rebaseProposals(on, value, language);
  return [...proposals.filter((p) => p.field !== field), ...rebased];
}

/** The person's own pending proposal for a field, if any: what their field shows while they suggest. */
export function ownProposal<P extends FieldProposal>(proposals: readonly P[] | undefined, field: ProposalField, who: Pick<Authorship, 'by' | 'byName' | 'stage'>): P | undefined {
  return proposals?.find((p) => p.field === field && p.by === who.by && p.byName === who.byName && p.stage === who.stage);
}

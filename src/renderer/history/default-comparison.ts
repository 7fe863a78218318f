import type { Revision } from '../../shared/history/revision';

/**
 * What a person most likely wants to see: a reviewer, what changed since their last approval;
 * anyone else, what changed since the last milestone.
 */
export function defaultComparison(revisions: Revision[], personId: string | null): { from: number; label: 'sinceMyApproval' | 'sinceMilestone' | 'sinceFirst' } | null {
  if (revisions.length === 0) return null;
  const latest = revisions[revisions.length - 1]!;
  const mine = [...revisions].reverse().find((r) => r.kind === 'milestone' && r.action === 'approve' && r.author === personId);
  if (mine && mine.n !== latest.n) return { from: mine.n, label: 'sinceMyApproval' };
  const milestone = [...revisions].reverse().find((r) => r.kind === 'milestone' && r.n !== latest.n);
  if (milestone) return { from: milestone.n, label: 'sinceMilestone' };
  return { from: revisions[0]!.n, label: 'sinceFirst' };
}

import type { ReviewRecord } from '../review/records';

/** What these rules read of a review record (a signed one, or one made before signatures). */
type RecordFacts = Pick<ReviewRecord, 'action' | 'actorId' | 'at' | 'contentHash' | 'stage'>;
import type { Revision } from './revision';

export type ComparisonReason = 'since-my-approval' | 'since-last-milestone' | 'since-first';

/** Which two revisions the history panel compares when it opens. */
export interface Comparison {
  /** The older revision's n. */
  from: number;
  /** The newer revision's n (the latest). Equal to `from` when nothing changed since. */
  to: number;
  reason: ComparisonReason;
}

/**
 * The default comparison for `personId`, always ending at the latest revision:
 * - someone who has approved the article sees what changed since their latest approval: from
 *   the milestone revision recorded by that approve action (same person, action approve and
 *   the content hash the approval carries);
 * - everyone else sees what changed since the last milestone before the latest revision
 *   (a submit, approval, return…);
 * - with no milestone yet, since the first revision.
 * Returns null when there are no revisions.
 */
export function defaultComparison(revisions: readonly Revision[], reviewRecords: readonly RecordFacts[], personId: string): Comparison | null {
  if (revisions.length === 0) return null;
  const ordered = [...revisions].sort((x, y) => x.n - y.n);
  const latest = ordered[ordered.length - 1]!;

  const approval = [...reviewRecords].reverse().find((record) => record.action === 'approve' && record.actorId === personId);
  if (approval) {
    const atApproval = (revision: Revision) => revision.contentHash === approval.contentHash && revision.at <= approval.at;
    const milestone =
      findLast(ordered, (r) => r.kind === 'milestone' && r.action === 'approve' && r.author === personId && atApproval(r)) ??
      findLast(ordered, (r) => r.kind === 'milestone' && r.action === 'approve' && r.author === personId && r.contentHash === approval.contentHash) ??
      findLast(ordered, atApproval);
    if (milestone) return { from: milestone.n, to: latest.n, reason: 'since-my-approval' };
  }

  const milestone = findLast(ordered, (r) => r.kind === 'milestone' && r.n < latest.n);
  if (milestone) return { from: milestone.n, to: latest.n, reason: 'since-last-milestone' };
  return { from: ordered[0]!.n, to: latest.n, reason: 'since-first' };
}

function findLast<T>(list: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return list[i];
  return undefined;
}

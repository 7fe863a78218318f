import type { ReviewRecord } from '../review/records';

/** What these rules read of a review record (a signed one, or one made before signatures). */
type RecordFacts = Pick<ReviewRecord, 'action' | 'actorId' | 'at' | 'contentHash' | 'stage'>;
import type { Stage } from '../review/stages';
import type { Revision } from './revision';

/**
 * The stage a revision belongs to in the history: for a review action's milestone, the stage at
 * which the action was taken (its review record says); otherwise the stage the article was at.
 * Milestones recorded before they carried that stage stored the stage after the action, so the
 * record is looked up rather than trusted.
 */
export function revisionStage(revision: Revision, records: readonly RecordFacts[]): Stage {
  if (revision.kind !== 'milestone' || !revision.action) return revision.stage;
  let found: RecordFacts | undefined;
  for (const record of records) {
    if (record.at > revision.at) break;
    if (record.action === revision.action && record.contentHash === revision.contentHash) found = record;
  }
  return found?.stage ?? revision.stage;
}

import type { Role } from './people';
import type { ReviewRecord } from './records';
import { REVIEW_STAGES, roleForStage, stageIndex, type ReturnTarget, type ReviewStage, type Stage } from './stages';

export interface Approval {
  actorId: string;
  actorName: string;
  at: string;
  opinion: string;
  contentHash: string;
  /** How many Recommended proofreading findings the reviewer approved over, when there were any. */
  overRecommended?: number;
  /** The copy has changed since this approval: it no longer counts. */
  stale: boolean;
}

export interface ReturnInfo {
  by: string;
  byName: string;
  at: string;
  reason: string;
  from: ReviewStage;
  to: ReturnTarget;
}

export interface ReviewState {
  stage: Stage;
  /** The author's person id. */
  author: string;
  /** The content hash the state was derived for; actions record it. */
  currentHash: string;
  /** The latest approval of each review since the last reopen. */
  approvals: Partial<Record<ReviewStage, Approval>>;
  /** Why the article is where it is, when the latest action was a return. */
  lastReturn?: ReturnInfo;
  /** Signed, and the signed copy is the current copy. */
  signedOff: boolean;
  /** Who has the article now: the author, the role of the current review, or nobody once signed. */
  holderRole: Role | 'author' | null;
  /** Everyone who ever approved each review, reopens included: separation of duties reads this. */
  approvers: Record<ReviewStage, string[]>;
  /** A review (approve or return) has happened since the last submit. */
  reviewedSinceSubmit: boolean;
  /** How many records the state was derived from. */
  recordCount: number;
}

type RecordedApproval = Omit<Approval, 'stale'>;
type Approvals = Partial<Record<ReviewStage, RecordedApproval>>;

export function isValidApproval(approval: { contentHash: string } | undefined, hash: string): boolean {
  return approval !== undefined && approval.contentHash === hash;
}

/**
 * After the review `approved` approves, the article goes to the earliest later review
 * whose approval is missing or was given for other content. The third review is never
 * skipped: its approval is the sign-off itself.
 */
export function stageAfterApproval(approved: ReviewStage, approvals: Approvals, hash: string): Stage {
  if (approved === 'third') return 'signed';
  for (const stage of REVIEW_STAGES) {
    if (stageIndex(stage) <= stageIndex(approved)) continue;
    if (stage === 'third' || !isValidApproval(approvals[stage], hash)) return stage;
  }
  return 'third';
}

/**
 * Replays a verified review log. Edits are not records: `currentHash` (the hash of the copy
 * as it is now) decides which approvals are stale.
 */
export function deriveReviewState(args: { records: readonly ReviewRecord[]; authorId: string; currentHash: string }): ReviewState {
  let stage: Stage = 'draft';
  let approvals: Approvals = {};
  let lastReturn: ReturnInfo | undefined;
  let reviewedSinceSubmit = false;
  const approvers: Record<ReviewStage, string[]> = { first: [], second: [], third: [] };

  for (const record of args.records) {
    lastReturn = undefined;
    switch (record.action) {
      case 'submit':
        stage = 'first';
        reviewedSinceSubmit = false;
        break;
      case 'withdraw':
        stage = 'draft';
        break;
      case 'approve': {
        const reviewed = record.stage as ReviewStage;
        const { actorId, actorName, at, opinion, contentHash, overRecommended } = record;
        approvals = { ...approvals, [reviewed]: { actorId, actorName, at, opinion, contentHash, ...(overRecommended ? { overRecommended } : {}) } };
        if (!approvers[reviewed].includes(actorId)) approvers[reviewed].push(actorId);
        stage = stageAfterApproval(reviewed, approvals, contentHash);
        reviewedSinceSubmit = true;
        break;
      }
      case 'return': {
        const to = record.to ?? 'draft';
        lastReturn = { by: record.actorId, byName: record.actorName, at: record.at, reason: record.opinion, from: record.stage as ReviewStage, to };
        stage = to;
        reviewedSinceSubmit = true;
        break;
      }
      case 'reopen':
        stage = 'first';
        approvals = {};
        break;
    }
  }

  const current: Partial<Record<ReviewStage, Approval>> = {};
  for (const reviewed of REVIEW_STAGES) {
    const approval = approvals[reviewed];
    if (approval) current[reviewed] = { ...approval, stale: approval.contentHash !== args.currentHash };
  }
  return {
    stage,
    author: args.authorId,
    currentHash: args.currentHash,
    approvals: current,
    ...(lastReturn ? { lastReturn } : {}),
    signedOff: stage === 'signed' && REVIEW_STAGES.every((reviewed) => current[reviewed]?.stale === false),
    holderRole: holderRoleAt(stage),
    approvers,
    reviewedSinceSubmit,
    recordCount: args.records.length,
  };
}

function holderRoleAt(stage: Stage): ReviewState['holderRole'] {
  if (stage === 'draft') return 'author';
  if (stage === 'signed') return null;
  return roleForStage(stage);
}

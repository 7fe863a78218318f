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

/** The running state of a replay: what the records so far have made of the article. */
export interface ReviewFold {
  stage: Stage;
  approvals: Approvals;
  lastReturn?: ReturnInfo;
  reviewedSinceSubmit: boolean;
  approvers: Record<ReviewStage, string[]>;
  count: number;
}

export function emptyReviewFold(): ReviewFold {
  return { stage: 'draft', approvals: {}, reviewedSinceSubmit: false, approvers: { first: [], second: [], third: [] }, count: 0 };
}

/** The fold after one more record; `fold` itself is left as it was. */
export function foldReviewRecord(fold: ReviewFold, record: ReviewRecord): ReviewFold {
  let { stage, approvals, reviewedSinceSubmit, approvers } = fold;
  let lastReturn: ReturnInfo | undefined;
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
      if (!approvers[reviewed].includes(actorId)) approvers = { ...approvers, [reviewed]: [...approvers[reviewed], actorId] };
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
  return { stage, approvals, ...(lastReturn ? { lastReturn } : {}), reviewedSinceSubmit, approvers, count: fold.count + 1 };
}

/** The review state a fold stands for, with `currentHash` (the copy as it is now) deciding which approvals are stale. */
export function reviewStateOf(fold: ReviewFold, args: { authorId: string; currentHash: string }): ReviewState {
  const current: Partial<Record<ReviewStage, Approval>> = {};
  for (const reviewed of REVIEW_STAGES) {
    const approval = fold.approvals[reviewed];
    if (approval) current[reviewed] = { ...approval, stale: approval.contentHash !== args.currentHash };
  }
  return {
    stage: fold.stage,
    author: args.authorId,
    currentHash: args.currentHash,
    approvals: current,
    ...(fold.lastReturn ? { lastReturn: fold.lastReturn } : {}),
    signedOff: fold.stage === 'signed' && REVIEW_STAGES.every((reviewed) => current[reviewed]?.stale === false),
    holderRole: holderRoleAt(fold.stage),
    approvers: { first: [...fold.approvers.first], second: [...fold.approvers.second], third: [...fold.approvers.third] },
    reviewedSinceSubmit: fold.reviewedSinceSubmit,
    recordCount: fold.count,
  };
}

/**
 * Replays a verified review log. Edits are not records: `currentHash` (the hash of the copy
 * as it is now) decides which approvals are stale.
 */
export function deriveReviewState(args: { records: readonly ReviewRecord[]; authorId: string; currentHash: string }): ReviewState {
  return reviewStateOf(args.records.reduce(foldReviewRecord, emptyReviewFold()), args);
}

function holderRoleAt(stage: Stage): ReviewState['holderRole'] {
  if (stage === 'draft') return 'author';
  if (stage === 'signed') return null;
  return roleForStage(stage);
}

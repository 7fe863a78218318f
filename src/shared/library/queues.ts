import type { ArticleSummary } from '../article/article';
import type { Person } from '../review/people';
import type { ReviewPolicy } from '../review/policy';
import { isDraftOf, isReturnedTo, isWaitingFor } from '../review/queues';
import type { ReviewState } from '../review/review-state';

export const QUEUES = ['all', 'waiting', 'drafts', 'returned', 'inReview', 'signed'] as const;
export type QueueName = (typeof QUEUES)[number];

function stateOf(summary: ArticleSummary): ReviewState {
  return (summary.review as ReviewState | null) ?? {
    stage: 'draft',
    author: summary.authorId,
    currentHash: '',
    approvals: {},
    signedOff: false,
    holderRole: 'author',
    approvers: { first: [], second: [], third: [] },
    reviewedSinceSubmit: false,
    recordCount: 0,
  };
}

/** The desk queues of the library sidebar, for the person at this desk. */
export function inQueue(summary: ArticleSummary, queue: QueueName, person: Person | null, policy: ReviewPolicy): boolean {
  const state = stateOf(summary);
  switch (queue) {
    case 'all':
      return true;
    case 'waiting':
      return person !== null && summary.reviewProblem === null && isWaitingFor(state, person, policy);
    case 'drafts':
      return person !== null && isDraftOf(state, person) && !isReturnedTo(state, person);
    case 'returned':
      return person !== null && isReturnedTo(state, person);
    case 'inReview':
      return state.stage === 'first' || state.stage === 'second' || state.stage === 'third';
    case 'signed':
      return state.stage === 'signed';
  }
}

export function stageOf(summary: ArticleSummary): ReviewState['stage'] {
  return stateOf(summary).stage;
}

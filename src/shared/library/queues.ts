import type { ArticleSummary } from '../article/article';
import type { Person } from '../review/people';
import type { ReviewPolicy } from '../review/policy';
import { isDraftOf, isReturnedTo, isWaitingFor } from '../review/queues';
import { deriveReviewState, type ReviewState } from '../review/review-state';

export const QUEUES = ['all', 'waiting', 'drafts', 'returned', 'inReview', 'signed'] as const;
export type QueueName = (typeof QUEUES)[number];

export function stateOf(summary: ArticleSummary): ReviewState {
  // An article saved before it had a review state has no records yet: it is its author's draft.
  return (summary.review as ReviewState | null) ?? deriveReviewState({ records: [], authorId: summary.authorId, currentHash: '' });
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
      return person !== null && isDraftOf(state, person) && !isReturnedTo(state, person, policy);
    case 'returned':
      return person !== null && (state.stage === 'draft' || summary.reviewProblem === null) && isReturnedTo(state, person, policy);
    case 'inReview':
      return state.stage === 'first' || state.stage === 'second' || state.stage === 'third';
    case 'signed':
      return state.stage === 'signed';
  }
}

export function stageOf(summary: ArticleSummary): ReviewState['stage'] {
  return stateOf(summary).stage;
}

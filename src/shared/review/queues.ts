import type { Person } from './people';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from './policy';
import type { ReviewState } from './review-state';
import { reviewerRefusal } from './rules';

/**
 * The article is at a review this person may approve. A third reviewer still counts as
 * waited for when earlier approvals have gone stale: they must send the article back.
 */
export function isWaitingFor(state: ReviewState, person: Person, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): boolean {
  return reviewerRefusal(state, person, policy) === null;
}

/** Sent back to the author, who has not resubmitted it yet. */
export function isReturnedTo(state: ReviewState, person: Person): boolean {
  return state.stage === 'draft' && state.lastReturn?.to === 'draft' && state.author === person.id;
}

/** A draft of this person's, new, withdrawn or returned. */
export function isDraftOf(state: ReviewState, person: Person): boolean {
  return state.stage === 'draft' && state.author === person.id;
}

/** Signed, but the copy has been edited since: the sign-off no longer covers it. */
export function isEditedAfterSignOff(state: ReviewState): boolean {
  return state.stage === 'signed' && !state.signedOff;
}

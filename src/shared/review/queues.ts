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

/**
 * Sent back, and now this person's to act on: to the author, who has not resubmitted it yet; or
 * to an earlier review that this person may approve now (every returned article of a reviewer is
 * also waiting for them). It stays returned until someone acts on it.
 */
export function isReturnedTo(state: ReviewState, person: Person, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): boolean {
  const back = state.lastReturn;
  if (!back || state.stage !== back.to) return false;
  if (back.to === 'draft') return state.author === person.id;
  return isWaitingFor(state, person, policy);
}

/** A draft of this person's, new, withdrawn or returned. */
export function isDraftOf(state: ReviewState, person: Person): boolean {
  return state.stage === 'draft' && state.author === person.id;
}

/** Signed, but the copy has been edited since: the sign-off no longer covers it. */
export function isEditedAfterSignOff(state: ReviewState): boolean {
  return state.stage === 'signed' && !state.signedOff;
}

import type { ArticleReview, Session } from '../../shared/contract/api';
import type { Refusal } from '../../shared/review/refusal';
import type { ReviewState } from '../../shared/review/review-state';
import { checkAction, type ReviewRequest } from '../../shared/review/rules';

export interface ReviewOptions {
  submit: boolean;
  withdraw: boolean;
  approve: boolean;
  /** Why approving is not possible for someone who holds the stage (e.g. stale approvals). */
  approveRefusal: Refusal | null;
  return: boolean;
  reopen: boolean;
}

/**
 * Which actions to offer. The same rules run again in main on every action; this only decides
 * what the page shows.
 */
export function reviewOptions(review: ArticleReview, session: Session): ReviewOptions {
  const actor = session.currentUser;
  const none: ReviewOptions = { submit: false, withdraw: false, approve: false, approveRefusal: null, return: false, reopen: false };
  if (!actor || review.problem) return none;
  const state = review.state as ReviewState;
  const check = (action: ReviewRequest) =>
    checkAction({ state, actor, action, policy: { authorMayReview: session.policy.authorMayReview }, roster: session.roster });
  const approve = check({ action: 'approve', opinion: 'opinion' });
  const returnable = check({ action: 'return', to: 'draft', reason: 'reason' }).ok;
  return {
    submit: check({ action: 'submit' }).ok,
    withdraw: check({ action: 'withdraw' }).ok,
    approve: approve.ok,
    approveRefusal: !approve.ok && returnable ? approve.reason : null,
    return: returnable,
    reopen: check({ action: 'reopen', reason: 'reason' }).ok,
  };
}

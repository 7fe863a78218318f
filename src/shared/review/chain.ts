/** The review chain's entry point: state from the log, the rules, the footer and the desk queues. */
export { deriveReviewState, isValidApproval, stageAfterApproval, type Approval, type ReturnInfo, type ReviewState } from './review-state';
export { applyAction, checkAction, reviewerRefusal, type ActionContext, type ReviewRequest } from './rules';
export { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from './policy';
export { refusal, REFUSAL_CODES, type Checked, type Refusal, type RefusalCode } from './refusal';
export { refusalMessage } from './refusal-messages';
export { reviewFooter } from './footer';
export { isDraftOf, isEditedAfterSignOff, isReturnedTo, isWaitingFor } from './queues';

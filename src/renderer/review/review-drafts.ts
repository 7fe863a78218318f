import type { ReviewRequest } from '../../shared/review/rules';

/** Which draft holds the text each action sends (see drafts/); submit and withdraw send none. */
export const REVIEW_DRAFTS: Partial<Record<ReviewRequest['action'], string>> = {
  approve: 'opinion',
  return: 'return-reason',
  reopen: 'reopen-reason',
};

export interface ReviewPolicy {
  /** May the author approve or return their own article at a review they hold the role for? */
  authorMayReview: boolean;
}

export const DEFAULT_REVIEW_POLICY: Readonly<ReviewPolicy> = Object.freeze({ authorMayReview: false });

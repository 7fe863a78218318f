import type { Role } from './people';

export const STAGES = ['draft', 'first', 'second', 'third', 'signed'] as const;
export type Stage = (typeof STAGES)[number];

/** The three reviews: 责任编辑 (first), 二审 (second), 三审 (third, whose approval is the sign-off). */
export const REVIEW_STAGES = ['first', 'second', 'third'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** Where a return may send the article: back to the author, or to an earlier review. */
export const RETURN_TARGETS = ['draft', 'first', 'second'] as const;
export type ReturnTarget = (typeof RETURN_TARGETS)[number];

const STAGE_ROLES: Record<ReviewStage, Role> = { first: 'editor', second: 'second', third: 'third' };

export function roleForStage(stage: ReviewStage): Role {
  return STAGE_ROLES[stage];
}

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** The stage after `stage` in the straight path through the chain; null after sign-off. */
export function nextStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) + 1] ?? null;
}

export function isReviewStage(stage: Stage): stage is ReviewStage {
  return (REVIEW_STAGES as readonly Stage[]).includes(stage);
}

/** The author, or any review before `from`. */
export function returnTargetsFrom(from: ReviewStage): ReturnTarget[] {
  return RETURN_TARGETS.filter((target) => stageIndex(target) < stageIndex(from));
}

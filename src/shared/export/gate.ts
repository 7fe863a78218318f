import type { ReviewState } from '../review/review-state';
import { stageList, stageName } from '../review/labels';
import { REVIEW_STAGES } from '../review/stages';

export type ExportGateCode = 'signed-off' | 'not-signed-off' | 'edited-after-sign-off' | 'chain-damaged';

export interface ExportGate {
  /** Final copy: signed off by all three reviews, for the copy exactly as it stands. */
  final: boolean;
  code: ExportGateCode;
  /** Why, in a sentence (English; the page words `code` in the interface language). */
  reason: string;
}

/**
 * Whether an export is final copy or a draft. Final only when the article is signed off and no
 * approval is stale (`state.signedOff`), and its review log checks out: a log that was altered
 * (`problem`) proves nothing, whatever state it leads to.
 */
export function exportGate(state: ReviewState, problem: string | null = null): ExportGate {
  if (problem) return { final: false, code: 'chain-damaged', reason: `the review log cannot be trusted (${problem})` };
  if (state.signedOff) return { final: true, code: 'signed-off', reason: 'signed off at the third review for the copy as it stands' };
  if (state.stage === 'signed') {
    const stale = REVIEW_STAGES.filter((stage) => state.approvals[stage]?.stale !== false);
    return {
      final: false,
      code: 'edited-after-sign-off',
      reason: `the copy was edited after sign-off, so the ${stageList(stale.join(','), 'en')} approval${stale.length === 1 ? ' no longer covers' : 's no longer cover'} it`,
    };
  }
  return { final: false, code: 'not-signed-off', reason: `it is not signed off yet (now at ${stageName(state.stage, 'en')})` };
}

/** The approval gate: which findings hold an article at a review stage. */
import type { ReviewStage } from '../review/stages';
import type { Finding } from './finding';
import { ruleBlocks, type CheckSettings } from './settings';

/**
 * The findings that stop an approval at `stage`: not ignored, from a rule that is Required in
 * the workspace's settings now and bound to that stage. (A finding keeps the severity it was
 * found with; a rule since relaxed no longer blocks.)
 */
export function blockingFindings(findings: readonly Finding[], settings: CheckSettings, stage: ReviewStage): Finding[] {
  return findings.filter((finding) => !finding.ignored && finding.severity === 'required' && ruleBlocks(settings, finding.rule, stage));
}

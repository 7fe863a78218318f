import { blockingFindings, RULES, type CheckSettings, type Finding } from '../checks/index';
import type { Refusal } from './refusal';
import type { ReviewStage } from './stages';

/**
 * What proofreading asks of an approval at a stage: the Required findings bound to it refuse the
 * approval until fixed or ignored with a reason; the Recommended ones are confirmed once, and the
 * approval records that it was given over them. Ignored findings count as neither.
 */
export interface ChecksGate {
  blocking: Finding[];
  recommended: Finding[];
}

export function checksGate(findings: readonly Finding[], settings: CheckSettings, stage: ReviewStage): ChecksGate {
  return {
    blocking: blockingFindings(findings, settings, stage),
    recommended: findings.filter((f) => !f.ignored && f.severity === 'recommended'),
  };
}

/** What the first review will be refused on: shown to the author before the article goes. */
export function findingsAheadOfSubmit(findings: readonly Finding[], settings: CheckSettings): Finding[] {
  return checksGate(findings, settings, 'first').blocking;
}

const ruleName = (rule: string) => RULES.find((r) => r.id === rule)?.name ?? { en: rule, 'zh-CN': rule };

/** A refusal naming how many findings there are and of which rules, in both languages. */
export function checksRefusal(code: 'required-checks' | 'recommended-checks' | 'required-checks-ahead', findings: readonly Finding[]): Refusal {
  const rules = [...new Set(findings.map((f) => f.rule))];
  return {
    code,
    params: {
      count: String(findings.length),
      rules: rules.map((r) => ruleName(r).en).join(', '),
      rulesZh: rules.map((r) => ruleName(r)['zh-CN']).join('、'),
    },
  };
}

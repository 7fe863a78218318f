/**
 * No quick fix may create a finding. A fix is offered only when, with its edit applied, no
 * segment rule finds more in that segment than before (checked by running them on the edited
 * text, once per segment text and edit), and no article rule objects through its `allowsFix`
 * (rules whose findings hang on a whole field or on neighbouring paragraphs).
 */
import type { FixEdit, RawFinding } from './rule';
import type { RuleId } from './rules';

export type SegmentScanner = (text: string) => RawFinding[];
export type FixGuard = (edit: FixEdit) => boolean;

/** Decisions already taken for one segment text, by edit. */
export type VetMemo = Map<string, boolean>;

function countByRule(findings: readonly RawFinding[], into = new Map<RuleId, number>(), sign = 1): Map<RuleId, number> {
  for (const finding of findings) into.set(finding.rule, (into.get(finding.rule) ?? 0) + sign);
  return into;
}

function segmentRulesAllow(scanners: readonly SegmentScanner[], edit: FixEdit, found: readonly RawFinding[]): boolean {
  const text = edit.segment.text;
  const edited = text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
  // Findings after minus findings before, per rule: none may be positive.
  const balance = countByRule(found, new Map(), -1);
  for (const scan of scanners) countByRule(scan(edited), balance);
  for (const delta of balance.values()) if (delta > 0) return false;
  return true;
}

export function createFixVetter(scanners: readonly SegmentScanner[], guards: readonly FixGuard[]) {
  /** `found`: what the segment rules found in the segment's text; `memo`: kept with that text. */
  return function allows(edit: FixEdit, found: readonly RawFinding[], memo: VetMemo): boolean {
    if (!guards.every((guard) => guard(edit))) return false;
    const key = `${edit.start}:${edit.end}:${edit.replacement}`;
    let ok = memo.get(key);
    if (ok === undefined) memo.set(key, (ok = segmentRulesAllow(scanners, edit, found)));
    return ok;
  };
}

/**
 * No quick fix may create a finding. A fix is offered only when, with its edit applied, no
 * segment rule finds more around the edit than before, and no article rule objects through its
 * `allowsFix` (rules whose findings hang on a whole field or on neighbouring paragraphs).
 *
 * Segment rules read a few characters around what they find (a house term, a name's title), so
 * they are run on the text around the edit (`aroundEdit`, `fixReach`), before and after it: what
 * the window's edges cut off is the same both times. Each decision is taken once per segment text.
 * A segment offers at most MAX_FIXES_PER_SEGMENT fixes, which keeps a pathological paragraph
 * (60,000 characters of 的的…) from costing a check per character.
 */
import { aroundEdit, type FixEdit, type RawFinding } from './rule';
import type { RuleId } from './rules';

export type SegmentScanner = (text: string) => RawFinding[];
export type FixGuard = (edit: FixEdit) => boolean;

export const MAX_FIXES_PER_SEGMENT = 50;

/**
 * Decisions already taken for one segment text: whole decisions by edit, and the segment rules'
 * part by the text around the edit, which repeats in repetitive text.
 */
export interface VetMemo {
  byEdit: Map<string, boolean>;
  byWindow: Map<string, boolean>;
}

export function newVetMemo(): VetMemo {
  return { byEdit: new Map(), byWindow: new Map() };
}

function countByRule(findings: readonly RawFinding[], into = new Map<RuleId, number>(), sign = 1): Map<RuleId, number> {
  for (const finding of findings) into.set(finding.rule, (into.get(finding.rule) ?? 0) + sign);
  return into;
}

function segmentRulesAllow(scanners: readonly SegmentScanner[], edit: FixEdit, memo: VetMemo): boolean {
  const { before, after } = aroundEdit(edit);
  const key = `${before}\u0000${after}`;
  const known = memo.byWindow.get(key);
  if (known !== undefined) return known;
  const ok = segmentRulesAgree(scanners, before, after);
  memo.byWindow.set(key, ok);
  return ok;
}

function segmentRulesAgree(scanners: readonly SegmentScanner[], before: string, after: string): boolean {
  // Findings after minus findings before, per rule: none may be positive.
  const balance = new Map<RuleId, number>();
  for (const scan of scanners) {
    countByRule(scan(before), balance, -1);
    countByRule(scan(after), balance);
  }
  for (const delta of balance.values()) if (delta > 0) return false;
  return true;
}

export function createFixVetter(scanners: readonly SegmentScanner[], guards: readonly FixGuard[]) {
  /**
   * `memo` is kept with the segment's text. A decision depends on the text, the edit, the rule
   * and the kind of segment (and the language, for which the checker starts afresh).
   */
  return function allows(edit: FixEdit, memo: VetMemo): boolean {
    const { segment } = edit;
    const key = `${edit.rule}|${segment.field}|${segment.kind}|${edit.start}:${edit.end}:${edit.replacement}`;
    let ok = memo.byEdit.get(key);
    if (ok === undefined) memo.byEdit.set(key, (ok = guards.every((guard) => guard(edit)) && segmentRulesAllow(scanners, edit, memo)));
    return ok;
  };
}

import type { ArticleContent } from '../article/article';
import { markAt, proposedMarks } from '../suggestions/proposed-marks';
import type { Finding, FindingLocation } from './finding';

function whereOf(location: FindingLocation): string {
  if (location.field === 'body') return `body.${location.block ?? 0}`;
  if (location.figure !== undefined) return `${location.field}.${location.figure}`;
  return location.field;
}

/**
 * Findings on the copy with every suggestion accepted, tied to what brings them in: a finding
 * over or beside a suggestion's text names it. Where suggestions are pending the offsets are
 * those of the suggested text, so no one-click fix is offered there until they are decided.
 */
export function attributeFindings(findings: Finding[], stored: ArticleContent): Finding[] {
  const marks = proposedMarks(stored);
  if (marks.size === 0) return findings;
  return findings.map((finding) => {
    const here = marks.get(whereOf(finding.location));
    if (!here) return finding;
    const { fix: _fix, ...rest } = finding;
    const key = markAt(here, finding.location.start, finding.location.end);
    return key ? { ...rest, suggestion: key } : rest;
  });
}

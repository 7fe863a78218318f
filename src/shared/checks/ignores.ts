/** “Ignore here”: a person sets a finding aside with a reason; it stays listed, marked, for later reviewers. */
import type { Finding, Ignore } from './finding';

/**
 * Marks each finding that has an ignore with who set it aside, when and why. Findings are
 * kept (a marked finding no longer blocks approval). When one finding was ignored more than
 * once, the latest ignore is shown.
 */
export function applyIgnores(findings: readonly Finding[], ignores: readonly Ignore[]): Finding[] {
  if (ignores.length === 0) return findings.slice();
  const latest = new Map<string, Ignore>();
  for (const ignore of ignores) {
    const seen = latest.get(ignore.findingId);
    if (!seen || Date.parse(seen.at) <= Date.parse(ignore.at)) latest.set(ignore.findingId, ignore);
  }
  return findings.map((finding) => {
    const ignore = latest.get(finding.id);
    if (!ignore) return finding;
    const { reason, by, byName, at } = ignore;
    return { ...finding, ignored: { reason, by, byName, at } };
  });
}

/** Ignores that match no current finding (the text was edited or fixed), e.g. to tidy them away. */
export function unusedIgnores(findings: readonly Finding[], ignores: readonly Ignore[]): Ignore[] {
  const ids = new Set(findings.map((finding) => finding.id));
  return ignores.filter((ignore) => !ids.has(ignore.findingId));
}

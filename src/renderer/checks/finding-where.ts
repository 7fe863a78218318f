import type { TFunction } from 'i18next';
import type { Finding } from '../../shared/checks/index';

/** Where a finding is, in words: "Headline", "Paragraph 3", "Figure 2 caption". */
export function findingWhere(t: TFunction, finding: Finding): string {
  return t(`checks.where.${finding.location.field}`, { n: (finding.location.figure ?? finding.location.block ?? 0) + 1 });
}

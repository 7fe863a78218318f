import type { TFunction } from 'i18next';
import type { FindingLocation } from '../../shared/checks/index';

/** Where a finding is, as the checks panel names it: “Paragraph 3”, “Subheading 2”, “Figure 1 caption”. */
export function findingPlace(t: TFunction, location: FindingLocation): string {
  if (location.field === 'body' && location.heading !== undefined) return t('checks.where.heading', { n: location.heading });
  const n = location.field === 'body' ? (location.paragraph ?? (location.block ?? 0) + 1) : (location.figure ?? 0) + 1;
  return t(`checks.where.${location.field}`, { n });
}

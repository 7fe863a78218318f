import { useTranslation } from 'react-i18next';
import { diffText } from '../../shared/history/text-diff';
import type { FieldProposal } from '../../shared/suggestions/model';
import { isStale } from '../../shared/suggestions/proposals';
import { DiffParts } from '../history/DiffParts';
import { personColour } from '../history/person-colour';
import { SuggestionByline } from './SuggestionByline';

/** The proposals pending on a plain field, each as an inline diff of the field's value, coloured by person. */
export function FieldProposals({ value, proposals, language }: { value: string; proposals: readonly FieldProposal[]; language: string }) {
  const { t } = useTranslation();
  if (proposals.length === 0) return null;
  return (
    <ul className="field-proposals" aria-label={t('suggestions.fieldList')}>
      {proposals.map((p) => (
        <li key={p.id} className="field-proposal" style={{ ['--suggestion-colour' as string]: personColour(p.by || p.byName) }}>
          <SuggestionByline who={p} />
          <span className="field-proposal-diff">
            <DiffParts parts={diffText(p.base === value ? value : p.base, p.proposed, language)} />
          </span>
          {isStale(p, value, language) && <span className="field-proposal-stale">{t('suggestions.stale')}</span>}
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import type { Authorship } from '../../shared/suggestions/model';
import { personColour } from '../history/person-colour';
import { formatWhen } from '../i18n/i18n';

/** Who suggested, at which stage and when, with the person's colour as a swatch (never the colour alone). */
export function SuggestionByline({ who }: { who: Authorship }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="suggestion-byline">
      <span className="suggestion-swatch" aria-hidden="true" style={{ background: personColour(who.by || who.byName) }} />
      {t('suggestions.by', { name: who.byName, stage: t(`stages.${who.stage}`), when: formatWhen(who.at, i18n.language) })}
    </span>
  );
}

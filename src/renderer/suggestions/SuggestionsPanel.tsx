import { useTranslation } from 'react-i18next';
import { suggestersOf } from '../../shared/suggestions/list';
import { personKey } from '../../shared/suggestions/model';
import { pendingOf, suggestionsGate } from '../../shared/review/suggestions-gate';
import { isReviewStage } from '../../shared/review/stages';
import { describeRefusal } from '../app/error-message';
import { useSelect, useStore } from '../app/store';
import { useMeta, useOpenArticle } from '../article/article-context';
import { SuggestionItem } from './SuggestionItem';
import { useSuggestionRights } from './use-suggestion-rights';

/** The article's pending suggestions, by person, with accept and reject for whoever holds the copy. */
export function SuggestionsPanel() {
  const { t, i18n } = useTranslation();
  const open = useOpenArticle();
  const { list, refused } = useStore(open.suggestions);
  const findings = useSelect(open.checks, (c) => c.findings);
  const { language } = useMeta();
  const { mayDecide, stage } = useSuggestionRights();
  const people = suggestersOf(list);
  const pending = pendingOf(list);
  const action = stage === 'draft' ? 'submit' : 'approve';
  const gate = stage && (stage === 'draft' || isReviewStage(stage)) ? suggestionsGate(action, { stage }, pending) : { ok: true as const };
  const decide = open.suggestions.decide;
  // Before submitting or approving, the pending ones are stated; the question comes with the action itself.
  const gateText = gate.ok
    ? null
    : gate.reason.code === 'unconfirmed-suggestions'
      ? t(action === 'submit' ? 'suggestions.pendingSubmit' : 'suggestions.pendingApprove', {
          count: pending.count,
          names: i18n.language === 'zh-CN' ? gate.reason.params.namesZh : gate.reason.params.names,
        })
      : describeRefusal(gate.reason);
  return (
    <section className="suggestions-panel" aria-label={t('suggestions.panel')}>
      {list.length === 0 && <p className="muted">{t('suggestions.none')}</p>}
      {!gate.ok && (
        <p className="suggestions-gate" role="status" data-code={gate.reason.code}>
          {gateText}
        </p>
      )}
      {refused.length > 0 && (
        <p className="suggestions-refused" role="alert">
          {t('suggestions.refused', { count: refused.length })}
        </p>
      )}
      {mayDecide && list.length > 1 && (
        <div className="suggestions-all">
          <button type="button" onClick={() => decide('all', 'accept')}>
            {t('suggestions.acceptAll')}
          </button>
          <button type="button" onClick={() => decide('all', 'reject')}>
            {t('suggestions.rejectAll')}
          </button>
        </div>
      )}
      {people.map((person) => (
        <section key={person.key} className="suggestions-person" aria-label={t('suggestions.byPerson', { name: person.byName })}>
          <h3>
            {person.byName} <span className="badge">{person.count}</span>
          </h3>
          {mayDecide && person.count > 1 && (
            <div className="suggestions-all">
              <button type="button" onClick={() => decide({ person: person.key }, 'accept')}>
                {t('suggestions.acceptAllFrom', { name: person.byName })}
              </button>
              <button type="button" onClick={() => decide({ person: person.key }, 'reject')}>
                {t('suggestions.rejectAllFrom', { name: person.byName })}
              </button>
            </div>
          )}
          <ol className="suggestions-list">
            {list
              .filter((s) => personKey(s) === person.key)
              .map((s) => (
                <SuggestionItem
                  key={s.key}
                  suggestion={s}
                  language={language}
                  mayDecide={mayDecide}
                  findings={findings.filter((f) => f.suggestion === s.key)}
                  onDecide={(key, decision) => decide({ keys: [key] }, decision)}
                />
              ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

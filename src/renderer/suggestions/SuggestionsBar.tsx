import { useTranslation } from 'react-i18next';
import { useStore } from '../app/store';
import { SUGGESTION_VIEWS } from '../editor/suggesting/suggesting-context';
import type { SuggestionsMode, SuggestionsStore } from './suggestions-store';

const MODES: SuggestionsMode[] = ['editing', 'suggesting'];

/** Above the copy: editing or suggesting (for whoever may suggest), and how suggestions are shown. */
export function SuggestionsBar({ store, maySuggest }: { store: SuggestionsStore; maySuggest: boolean }) {
  const { t } = useTranslation();
  const { mode, view, list } = useStore(store);
  if (!maySuggest && list.length === 0) return null;
  return (
    <div className="suggestions-bar">
      {maySuggest && (
        <fieldset className="suggestions-choice">
          <legend>{t('suggestions.mode')}</legend>
          {MODES.map((name) => (
            <label key={name}>
              <input type="radio" name="suggestions-mode" checked={mode === name} onChange={() => store.setMode(name)} />
              {t(`suggestions.modes.${name}`)}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="suggestions-choice">
        <legend>{t('suggestions.view')}</legend>
        {SUGGESTION_VIEWS.map((name) => (
          <label key={name}>
            <input type="radio" name="suggestions-view" checked={view === name} onChange={() => store.setView(name)} />
            {t(`suggestions.views.${name}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'suggesting' && view === 'changes' && <p className="suggestions-note" role="status">{t('suggestions.suggestingNote')}</p>}
    </div>
  );
}

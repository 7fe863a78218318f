import { useTranslation } from 'react-i18next';
import { useStore } from '../app/store';
import { SUGGESTION_VIEWS } from '../editor/suggesting/suggesting-context';
import type { SuggestionsMode, SuggestionsStore } from './suggestions-store';
import type { Suggesting } from './use-suggesting';

const MODES: SuggestionsMode[] = ['editing', 'suggesting'];

/**
 * Above the copy: editing or suggesting (for whoever may do both), and how suggestions are shown.
 * Someone who may only suggest is told so.
 */
export function SuggestionsBar({ store, suggesting }: { store: SuggestionsStore; suggesting: Suggesting }) {
  const { t } = useTranslation();
  const { mode, view, list } = useStore(store);
  if (!suggesting.maySuggest && list.length === 0) return null;
  const isSuggesting = suggesting.fields.suggester !== null;
  return (
    <div className="suggestions-bar">
      {suggesting.mayChoose && (
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
      {isSuggesting && view === 'changes' && (
        <p className="suggestions-note" role="status">
          {t(suggesting.mayChoose ? 'suggestions.suggestingNote' : 'suggestions.suggestOnlyNote')}
        </p>
      )}
    </div>
  );
}

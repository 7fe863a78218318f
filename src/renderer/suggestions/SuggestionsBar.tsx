import { useTranslation } from 'react-i18next';
import { useStore } from '../app/store';
import { SUGGESTION_VIEWS } from '../editor/suggesting/suggesting-context';
import { ChangesSinceChoice } from '../changes/ChangesSinceChoice';
import type { ChangesStore } from '../changes/changes-store';
import type { SuggestionsMode, SuggestionsStore } from './suggestions-store';
import type { Suggesting } from './use-suggesting';

const MODES: SuggestionsMode[] = ['editing', 'suggesting'];

/**
 * Above the copy: editing or suggesting (for whoever may do both), how changes are shown, and
 * since which copy. Someone who may only suggest is told so.
 */
export function SuggestionsBar({ store, changes, suggesting }: { store: SuggestionsStore; changes: ChangesStore; suggesting: Suggesting }) {
  const { t } = useTranslation();
  const { mode, view } = useStore(store);
  const isSuggesting = suggesting.fields.suggester !== null;
  return (
    <div className="suggestions-bar">
      {suggesting.mayChoose && (
        <Choice legend={t('suggestions.mode')} group="suggestions-mode" options={MODES} chosen={mode} label={(name) => t(`suggestions.modes.${name}`)} onChoose={store.setMode} />
      )}
      <Choice legend={t('suggestions.view')} group="suggestions-view" options={SUGGESTION_VIEWS} chosen={view} label={(name) => t(`suggestions.views.${name}`)} onChoose={store.setView} />
      <ChangesSinceChoice store={changes} />
      {isSuggesting && view === 'changes' && (
        <p className="suggestions-note" role="status">
          {t(suggesting.mayChoose ? 'suggestions.suggestingNote' : 'suggestions.suggestOnlyNote')}
        </p>
      )}
    </div>
  );
}

interface ChoiceProps<T extends string> {
  legend: string;
  group: string;
  options: readonly T[];
  chosen: T;
  label: (option: T) => string;
  onChoose: (option: T) => void;
}

/** One of a few options, as a group of radio buttons under its legend. */
function Choice<T extends string>({ legend, group, options, chosen, label, onChoose }: ChoiceProps<T>) {
  return (
    <fieldset className="suggestions-choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="radio" name={group} checked={chosen === option} onChange={() => onChoose(option)} />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}

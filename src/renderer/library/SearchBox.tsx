import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import { SearchFilters, activeFilters } from './SearchFilters';

/** A search is asked this long after the last keystroke. */
const TYPING_MS = 160;

/** The search box over the library (headline to review opinions, in Chinese and English), and its filters. */
export function SearchBox() {
  const { t } = useTranslation();
  const { view } = useAppStores().library;
  const filters = useSelect(view, (v) => v.filters);
  const [text, setText] = useState(() => view.get().query);
  const [showFilters, setShowFilters] = useState(false);
  const id = useId();
  useEffect(() => {
    if (text === view.get().query) return;
    const timer = setTimeout(() => void view.setQuery(text, true), TYPING_MS);
    return () => clearTimeout(timer);
  }, [text, view]);
  const active = activeFilters(filters);
  return (
    <div className="library-search">
      <div className="library-search-row">
        <label htmlFor={id} className="visually-hidden">
          {t('library.filter')}
        </label>
        <input
          id={id}
          type="search"
          placeholder={t('library.filterPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void view.setQuery(text, false);
          }}
        />
        <button type="button" className={`filter-toggle${active > 0 ? ' has-filters' : ''}`} aria-expanded={showFilters} aria-controls={`${id}-filters`} onClick={() => setShowFilters(!showFilters)}>
          {active > 0 ? t('search.filtersActive', { count: active }) : t('search.filters')}
        </button>
      </div>
      {showFilters && <SearchFilters id={`${id}-filters`} />}
    </div>
  );
}

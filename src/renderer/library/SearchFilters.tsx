import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChannel } from '../../shared/article/article';
import { STAGES, type Stage } from '../../shared/review/stages';
import type { LibraryFilters, LibrarySort } from '../../shared/search/filters';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';

/** How many of the filters narrow the list (the queue and the trash are chosen elsewhere). */
export function activeFilters(filters: LibraryFilters): number {
  return [filters.stages?.length, filters.channel?.length, filters.authorId, filters.reviewerId, filters.from, filters.to].filter(Boolean).length;
}

const SORTS = ['relevance', 'updated-desc', 'updated-asc', 'created-desc', 'headline-asc'] as const;
type SortChoice = (typeof SORTS)[number];

function sortOf(choice: SortChoice): LibrarySort | null {
  if (choice === 'relevance') return null;
  const [key, direction] = choice.split('-') as [LibrarySort['key'], string];
  return { key, descending: direction === 'desc' };
}

function choiceOf(sort: LibrarySort | null, searched: boolean): SortChoice {
  if (!sort) return searched ? 'relevance' : 'updated-desc';
  const choice = `${sort.key}-${sort.descending ? 'desc' : 'asc'}`;
  return (SORTS as readonly string[]).includes(choice) ? (choice as SortChoice) : 'updated-desc';
}

/** Narrowing the library or a search: stage, channel, author, reviewer, a date range; and the order. */
export function SearchFilters({ id }: { id: string }) {
  const { t } = useTranslation();
  const { library, desk } = useAppStores();
  const { view } = library;
  const filters = useSelect(view, (v) => v.filters);
  const sort = useSelect(view, (v) => v.sort);
  const searched = useSelect(view, (v) => v.searched);
  const people = useSelect(desk, (d) => d.session.roster.people);
  const channels = useSelect(desk, (d) => d.workspace?.channels) ?? [];
  const field = useId();
  const set = (patch: Partial<LibraryFilters>) => {
    const next: LibraryFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as Array<keyof LibraryFilters>) if (next[key] === undefined || next[key] === '') delete next[key];
    void view.setFilters(next);
  };
  const select = (name: string, label: string, value: string, options: Array<[string, string]>, onChange: (value: string) => void) => (
    <div className="search-filter">
      <label htmlFor={`${field}-${name}`}>{label}</label>
      <select id={`${field}-${name}`} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const anyone: [string, string] = ['', t('search.anyone')];
  const personOptions = [anyone, ...people.map((person): [string, string] => [person.id, person.name])];
  return (
    <div className="search-filters" id={id} role="group" aria-label={t('search.filters')}>
      {select('stage', t('search.stage'), filters.stages?.[0] ?? '', [['', t('search.anyStage')], ...STAGES.map((stage): [string, string] => [stage, t(`stages.${stage}`)])], (value) =>
        set({ stages: value ? [value as Stage] : undefined }),
      )}
      {select('channel', t('search.channel'), filters.channel ? JSON.stringify(filters.channel) : '', [['', t('search.anyChannel')], ...channels.map((path): [string, string] => [JSON.stringify(path), formatChannel(path)])], (value) =>
        set({ channel: value ? (JSON.parse(value) as string[]) : undefined }),
      )}
      {select('author', t('search.author'), filters.authorId ?? '', personOptions, (value) => set({ authorId: value || undefined }))}
      {select('reviewer', t('search.reviewer'), filters.reviewerId ?? '', personOptions, (value) => set({ reviewerId: value || undefined }))}
      {select('date-field', t('search.dateField'), filters.dateField ?? 'updated', [['updated', t('search.updated')], ['created', t('search.created')]], (value) => set({ dateField: value as 'created' | 'updated' }))}
      <div className="search-filter search-dates">
        <label htmlFor={`${field}-from`}>{t('search.from')}</label>
        <input id={`${field}-from`} type="date" value={filters.from ?? ''} onChange={(event) => set({ from: event.target.value || undefined })} />
        <label htmlFor={`${field}-to`}>{t('search.to')}</label>
        <input id={`${field}-to`} type="date" value={filters.to ?? ''} onChange={(event) => set({ to: event.target.value || undefined })} />
      </div>
      {select('sort', t('search.sort'), choiceOf(sort, searched), SORTS.map((choice): [string, string] => [choice, t(`search.sorts.${choice}`)]), (value) => void view.setSort(sortOf(value as SortChoice)))}
      <button type="button" className="link-button" disabled={activeFilters(filters) === 0 && !sort} onClick={() => void view.setFilters({}).then(() => view.setSort(null))}>
        {t('search.clear')}
      </button>
    </div>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/article/article';
import type { LibraryHit } from '../../shared/contract/library';
import { useAppStores } from '../app/app-stores';
import { useSelect, useStore } from '../app/store';
import { ArticleRow, untitled } from './ArticleRow';
import { mayTrash, TrashDialog } from './TrashDialog';

/** A row's height before it is measured (one with a snippet is taller). */
const ROW_ESTIMATE = 78;

/**
 * The articles of the chosen queue, or the matches of a search: only the rows on screen are
 * rendered, and their pages fetched from the index as they scroll into view.
 */
export function ArticleList() {
  const { t } = useTranslation();
  const stores = useAppStores();
  const { view } = stores.library;
  const { rows, total, loaded, query } = useStore(view);
  const { open, loadingId } = useStore(stores.opened);
  const currentId = open?.id ?? loadingId;
  const person = useSelect(stores.desk, (d) => d.session.currentUser);
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [trashing, setTrashing] = useState<ArticleSummary | null>(null);
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_ESTIMATE, overscan: 8 });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => view.ensure(first, last + 1), [view, first, last, rows]);

  const openHit = (hit: LibraryHit) => {
    const at = hit.snippet?.location ?? null;
    void stores.opened.open(hit.row.id, at?.field === 'annotation' ? (at.thread ?? null) : null, at);
  };
  // After the dialog, focus goes back to the row, or once it is gone to the next one (or the search box).
  const closeTrash = (trashed: boolean) => {
    const index = [...rows.entries()].find(([, hit]) => hit.row.id === trashing?.id)?.[0] ?? -1;
    const next = trashed ? (rows.get(index + 1) ?? rows.get(index - 1))?.row : trashing;
    setTrashing(null);
    requestAnimationFrame(() => (document.querySelector<HTMLButtonElement>(`[data-article="${next?.id}"]`) ?? document.querySelector<HTMLInputElement>('.library-search input'))?.focus());
  };
  return (
    <div className="library-scroll" ref={scroller}>
      <ul className="library-list" aria-label={t('library.articles')} style={total > 0 ? { height: virtual.getTotalSize() } : undefined}>
        {loaded && total === 0 && <li className="library-empty">{query.trim() ? t('library.noMatches', { filter: query.trim() }) : t('queues.empty')}</li>}
        {items.map((item) => {
          const hit = rows.get(item.index);
          const rowId = hit ? hit.row.id : `row-${item.index}`;
          return (
            <li
              key={rowId}
              data-index={item.index}
              ref={virtual.measureElement}
              className={`library-item${hit && hit.row.id === currentId ? ' is-current' : ''}${hit ? '' : ' is-loading'}`}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {hit ? (
                <ArticleRow hit={hit} current={hit.row.id === currentId} idPrefix={`${id}-${hit.row.id}`} mayTrash={mayTrash(hit.row, person)} onOpen={openHit} onTrash={() => setTrashing(hit.row)} />
              ) : (
                <span className="library-placeholder" aria-hidden="true" />
              )}
            </li>
          );
        })}
      </ul>
      {trashing && <TrashDialog article={trashing} title={untitled(trashing.headline, t('library.untitled'))} onClose={closeTrash} />}
    </div>
  );
}

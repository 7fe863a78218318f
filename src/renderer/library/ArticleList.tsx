import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChannel, type ArticleSummary } from '../../shared/article/article';
import { stateOf } from '../../shared/library/queues';
import { useAppStores } from '../app/app-stores';
import { TrashIcon } from '../app/icons';
import { useSelect, useStore } from '../app/store';
import { formatWhen } from '../i18n/i18n';
import { LeaseMarker } from '../leases/LeaseMarker';
import { mayTrash, TrashDialog } from './TrashDialog';

interface ArticleListProps {
  /** Every article of the library (for "empty"), and those the queue and filter let through. */
  total: number;
  visible: ArticleSummary[];
  filter: string;
}

export const untitled = (headline: string, fallback: string) => headline.trim() || fallback;

/** The articles of the chosen queue, each with its stage, channel, author and last change. */
export function ArticleList({ total, visible, filter }: ArticleListProps) {
  const { t, i18n } = useTranslation();
  const stores = useAppStores();
  const { open, loadingId } = useStore(stores.opened);
  const currentId = open?.id ?? loadingId;
  const person = useSelect(stores.desk, (d) => d.session.currentUser);
  const id = useId();
  const [trashing, setTrashing] = useState<ArticleSummary | null>(null);
  const rowButton = (articleId: string | undefined) => (articleId ? document.querySelector<HTMLButtonElement>(`[data-article="${articleId}"]`) : null);
  // After the dialog, focus goes back to the row, or once it is gone to the next one (or the list's filter).
  const closeTrash = (trashed: boolean) => {
    const index = visible.findIndex((a) => a.id === trashing?.id);
    const next = trashed ? (visible[index + 1] ?? visible[index - 1]) : trashing;
    setTrashing(null);
    requestAnimationFrame(() => (rowButton(next?.id) ?? document.querySelector<HTMLInputElement>('.library-filter input'))?.focus());
  };
  return (
    <ul className="library-list" aria-label={t('library.articles')}>
      {total === 0 && <li className="library-empty">{t('library.empty')}</li>}
      {total > 0 && visible.length === 0 && <li className="library-empty">{filter ? t('library.noMatches', { filter }) : t('queues.empty')}</li>}
      {visible.map((article) => {
        const title = untitled(article.headline, t('library.untitled'));
        const state = stateOf(article);
        const stage = state.stage;
        return (
          <li key={article.id} className={`library-item${article.id === currentId ? ' is-current' : ''}`}>
            <button
              type="button"
              className="library-item-main"
              aria-current={article.id === currentId ? 'true' : undefined}
              aria-labelledby={`${id}-${article.id}-title`}
              aria-describedby={`${id}-${article.id}-meta`}
              aria-keyshortcuts="Delete"
              data-article={article.id}
              onClick={() => void stores.opened.open(article.id)}
              onKeyDown={(event) => {
                if (event.key !== 'Delete') return;
                event.preventDefault();
                setTrashing(article);
              }}
            >
              <span className="library-headline" id={`${id}-${article.id}-title`}>
                {title}
              </span>
              <span className="library-meta">
                <span className={`stage-badge stage-${stage}`}>{t(`stages.${stage}`)}</span>
                {state.lastReturn && <span className="stage-badge stage-returned">{t('library.returnedBy', { name: state.lastReturn.byName })}</span>}
                {article.reviewProblem && <span className="stage-badge stage-problem">!</span>} {formatChannel(article.channel)}
                <LeaseMarker articleId={article.id} />
              </span>
              <span className="library-meta" id={`${id}-${article.id}-meta`}>
                {t('library.byAuthor', { name: article.createdBy })} · {t('library.changed', { when: formatWhen(article.updatedAt, i18n.language) })}
              </span>
            </button>
            {mayTrash(article, person) && (
              // Out of the Tab order (a stray key press must not trash): the keyboard uses Delete on the row.
              <button
                type="button"
                tabIndex={-1}
                className="icon-button library-trash"
                aria-label={t('library.moveToTrashNamed', { headline: title })}
                title={t('library.moveToTrashHint')}
                onClick={() => setTrashing(article)}
              >
                <TrashIcon />
              </button>
            )}
          </li>
        );
      })}
      {trashing && <TrashDialog article={trashing} title={untitled(trashing.headline, t('library.untitled'))} onClose={closeTrash} />}
    </ul>
  );
}

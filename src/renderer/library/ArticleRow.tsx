import { useTranslation } from 'react-i18next';
import { formatChannel } from '../../shared/article/article';
import type { LibraryHit } from '../../shared/contract/library';
import { stateOf } from '../../shared/library/queues';
import { TrashIcon } from '../app/icons';
import { formatWhen } from '../i18n/i18n';
import { LeaseMarker } from '../leases/LeaseMarker';
import { HitText } from './HitText';

export const untitled = (headline: string, fallback: string) => headline.trim() || fallback;

interface ArticleRowProps {
  hit: LibraryHit;
  current: boolean;
  /** Ids for the row's name and description. */
  idPrefix: string;
  mayTrash: boolean;
  onOpen: (hit: LibraryHit) => void;
  onTrash: () => void;
}

/** One article of the list: headline, stage, channel, author and last change; for a search, where it matched. */
export function ArticleRow({ hit, current, idPrefix, mayTrash, onOpen, onTrash }: ArticleRowProps) {
  const { t, i18n } = useTranslation();
  const article = hit.row;
  const title = untitled(article.headline, t('library.untitled'));
  const state = stateOf(article);
  const snippet = hit.snippet;
  return (
    <>
      <button
        type="button"
        className="library-item-main"
        aria-current={current ? 'true' : undefined}
        aria-labelledby={`${idPrefix}-title`}
        aria-describedby={`${idPrefix}-meta`}
        aria-keyshortcuts="Delete"
        data-article={article.id}
        onClick={() => onOpen(hit)}
        onKeyDown={(event) => {
          if (event.key !== 'Delete') return;
          event.preventDefault();
          onTrash();
        }}
      >
        <span className="library-headline" id={`${idPrefix}-title`}>
          {hit.headline.length > 0 ? <HitText text={title} highlights={hit.headline} /> : title}
        </span>
        <span className="library-meta">
          <span className={`stage-badge stage-${state.stage}`}>{t(`stages.${state.stage}`)}</span>
          {state.lastReturn && <span className="stage-badge stage-returned">{t('library.returnedBy', { name: state.lastReturn.byName })}</span>}
          {article.reviewProblem && <span className="stage-badge stage-problem">!</span>} {formatChannel(article.channel)}
          <LeaseMarker articleId={article.id} />
        </span>
        {snippet && snippet.location.field !== 'headline' && (
          <span className="library-snippet">
            <span className="library-snippet-place">{t(`search.places.${snippet.location.field}`, { n: (snippet.location.figure ?? 0) + 1 })}</span>
            {snippet.cutBefore && '…'}
            <HitText text={snippet.text} highlights={snippet.highlights} />
            {snippet.cutAfter && '…'}
          </span>
        )}
        <span className="library-meta" id={`${idPrefix}-meta`}>
          {t('library.byAuthor', { name: article.createdBy })} · {t('library.changed', { when: formatWhen(article.updatedAt, i18n.language) })}
        </span>
      </button>
      {mayTrash && (
        // Out of the Tab order (a stray key press must not trash): the keyboard uses Delete on the row.
        <button type="button" tabIndex={-1} className="icon-button library-trash" aria-label={t('library.moveToTrashNamed', { headline: title })} title={t('library.moveToTrashHint')} onClick={onTrash}>
          <TrashIcon />
        </button>
      )}
    </>
  );
}

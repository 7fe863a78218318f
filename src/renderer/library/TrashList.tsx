import { useTranslation } from 'react-i18next';
import { formatChannel } from '../../shared/article/article';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import { formatWhen } from '../i18n/i18n';
import { untitled } from './ArticleRow';

/** What was deleted, by whom and when, each with a way back. */
export function TrashList() {
  const { t, i18n } = useTranslation();
  const { library } = useAppStores();
  const trash = useSelect(library, (l) => l.trash);
  return (
    <ul className="library-list" aria-label={t('library.trash')}>
      {trash.length === 0 && <li className="library-empty">{t('library.trashEmpty')}</li>}
      {trash.map((entry) => {
        const title = untitled(entry.headline, t('library.untitled'));
        return (
          <li key={entry.id} className="library-item library-item-trashed">
            <div className="library-item-main">
              <span className="library-headline">{title}</span>
              <span className="library-meta">{formatChannel(entry.channel)}</span>
              <span className="library-meta">{t('library.trashedBy', { when: formatWhen(entry.trashedAt, i18n.language), name: entry.trashedBy })}</span>
              {entry.trashReason && <span className="library-meta library-reason">{t('library.trashedBecause', { reason: entry.trashReason })}</span>}
              {entry.problems.map((p) => (
                <span key={p.file} className="library-meta library-file-problem" role="note">
                  {t('library.fileProblem', { file: p.file, problem: p.problem })}
                </span>
              ))}
            </div>
            <button type="button" aria-label={t('library.restoreNamed', { headline: title })} onClick={() => void library.restore(entry.id)}>
              {t('library.restore')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

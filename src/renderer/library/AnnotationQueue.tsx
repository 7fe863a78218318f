import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import { untitled } from './ArticleRow';

/** Every open annotation of the workspace; choosing one opens its article at the annotated text. */
export function AnnotationQueue() {
  const { t } = useTranslation();
  const { library, opened } = useAppStores();
  const open = useSelect(library, (l) => l.openAnnotations);
  return (
    <ul className="library-list" aria-label={t('queues.annotations')}>
      {open.length === 0 && <li className="library-empty">{t('queues.noAnnotations')}</li>}
      {open.map(({ articleId, headline, thread }) => (
        <li key={`${articleId}-${thread.id}`} className="library-item">
          <button type="button" className="library-item-main" onClick={() => void opened.open(articleId, thread.id)}>
            <span className="library-headline">{thread.comments[0]?.text}</span>
            <span className="library-meta">
              “{thread.quote}” · {thread.openedByName}
            </span>
            <span className="library-meta">{untitled(headline, t('library.untitled'))}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

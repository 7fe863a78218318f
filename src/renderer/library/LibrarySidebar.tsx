import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUES, type QueueName } from '../../shared/library/queues';
import { useAppStores } from '../app/app-stores';
import { FileProblems } from '../app/FileProblems';
import { useSelect, useStore } from '../app/store';
import { BatchExportDialog } from '../export/BatchExportDialog';
import { AnnotationQueue } from './AnnotationQueue';
import { ArticleList } from './ArticleList';
import { IndexProgress } from './IndexProgress';
import { LibraryHead } from './LibraryHead';
import { SearchBox } from './SearchBox';
import { TrashList } from './TrashList';

type Shown = QueueName | 'annotations';

/** The library: new and imported articles, the desk queues, search with its filters, the trash. */
export function LibrarySidebar() {
  const { t, i18n } = useTranslation();
  const stores = useAppStores();
  const { library, desk } = stores;
  const { view } = library;
  const { counts, total, more, searched, damaged, rows } = useStore(view);
  const openAnnotations = useSelect(library, (l) => l.openAnnotations);
  const person = useSelect(desk, (d) => d.session.currentUser);
  const [showTrash, setShowTrash] = useState(false);
  const [shown, setShown] = useState<Shown>('all');
  const [batch, setBatch] = useState(false);
  const [queueOwner, setQueueOwner] = useState(person?.id);
  const show = (next: Shown) => {
    setShown(next);
    if (next !== 'annotations') void view.setQueue(next);
  };
  if (queueOwner !== person?.id) {
    // Someone else sat down: start them on the whole library.
    setQueueOwner(person?.id);
    show('all');
  }
  const loadedRows = [...rows.values()].map((hit) => hit.row);
  const queueButton = (name: Shown, count: number) => (
    <button key={name} type="button" className="queue-tab" aria-pressed={shown === name} onClick={() => show(name)}>
      {t(`queues.${name}`)} <span className="queue-count">{count.toLocaleString(i18n.language)}</span>
    </button>
  );
  const listing = !showTrash && shown !== 'annotations';

  return (
    <nav className="library" aria-label={t('library.title')}>
      <LibraryHead showTrash={showTrash} />
      {!showTrash && (
        <div className="queue-tabs" role="group" aria-label={t('queues.label')}>
          {QUEUES.map((q) => queueButton(q, counts[q]))}
          {queueButton('annotations', openAnnotations.length)}
        </div>
      )}
      {listing && shown === 'signed' && loadedRows.length > 0 && (
        <div className="library-batch">
          <button type="button" onClick={() => setBatch(true)}>
            {t('export.batchOpen', { count: loadedRows.length })}
          </button>
        </div>
      )}
      {batch && <BatchExportDialog articles={loadedRows} onClose={() => setBatch(false)} />}
      {listing && <SearchBox />}
      {!showTrash && <IndexProgress />}
      {showTrash ? <TrashList /> : shown === 'annotations' ? <AnnotationQueue /> : <ArticleList />}
      {!showTrash && <FileProblems className="library-damaged" title={t('library.damaged')} hint={t('library.damagedHint')} problems={damaged} />}
      <div className="library-foot">
        <span className="library-count" role="status">
          {searched ? (more ? t('search.manyMatches', { count: total.toLocaleString(i18n.language) }) : t('search.matches', { count: total })) : t('library.count', { count: total })}
        </span>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            if (!showTrash) void library.refreshTrash();
            setShowTrash(!showTrash);
          }}
        >
          {showTrash ? t('library.showArticles') : t('library.showTrash')}
        </button>
      </div>
    </nav>
  );
}

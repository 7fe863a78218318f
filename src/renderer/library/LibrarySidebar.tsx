import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesFilter } from '../../shared/library/filter';
import { inQueue, QUEUES, type QueueName } from '../../shared/library/queues';
import { useAppStores } from '../app/app-stores';
import { interfaceLanguage } from '../app/error-message';
import { FileProblems } from '../app/FileProblems';
import { useSelect, useStore } from '../app/store';
import { BatchExportDialog } from '../export/BatchExportDialog';
import { IMPORTABLE } from '../import/import-document';
import { importFile } from '../import/import-file';
import { AnnotationQueue } from './AnnotationQueue';
import { ArticleList } from './ArticleList';
import { TrashList } from './TrashList';

type Shown = QueueName | 'annotations';

/** The library: new and imported articles, the desk queues, the filter, the trash. */
export function LibrarySidebar() {
  const { t } = useTranslation();
  const stores = useAppStores();
  const { library, desk, opened } = stores;
  const { list, openAnnotations } = useStore(library);
  const session = useSelect(desk, (d) => d.session);
  const [filter, setFilter] = useState('');
  const [showTrash, setShowTrash] = useState(false);
  const [queue, setQueue] = useState<Shown>('all');
  const [batch, setBatch] = useState(false);
  const importInput = useRef<HTMLInputElement>(null);
  const filterId = useId();
  const person = session.currentUser;
  const [queueOwner, setQueueOwner] = useState(person?.id);
  if (queueOwner !== person?.id) {
    // Someone else sat down: start them on the whole library.
    setQueueOwner(person?.id);
    setQueue('all');
  }
  const policy = useMemo(() => ({ authorMayReview: session.policy.authorMayReview }), [session.policy.authorMayReview]);
  const counts = useMemo(
    () => Object.fromEntries(QUEUES.map((q) => [q, list.articles.filter((a) => inQueue(a, q, person, policy)).length])) as Record<QueueName, number>,
    [list.articles, person, policy],
  );
  const visible = useMemo(
    () => list.articles.filter((a) => queue !== 'annotations' && inQueue(a, queue, person, policy) && matchesFilter(a, filter)),
    [list.articles, filter, queue, person, policy],
  );
  const queueButton = (name: Shown, count: number) => (
    <button key={name} type="button" className="queue-tab" aria-pressed={queue === name} onClick={() => setQueue(name)}>
      {t(`queues.${name}`)} <span className="queue-count">{count}</span>
    </button>
  );

  return (
    <nav className="library" aria-label={t('library.title')}>
      <div className="library-head">
        <h2>{showTrash ? t('library.trash') : t('library.title')}</h2>
        {!showTrash && (
          <div className="library-head-actions">
            <button type="button" onClick={() => importInput.current?.click()}>
              {t('library.import')}
            </button>
            <button type="button" className="primary" onClick={() => void opened.create(interfaceLanguage())}>
              ＋ {t('library.newArticle')}
            </button>
            <input
              ref={importInput}
              type="file"
              hidden
              accept={IMPORTABLE}
              aria-label={t('library.importFile')}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importFile(stores, file);
              }}
            />
          </div>
        )}
      </div>
      {!showTrash && (
        <div className="queue-tabs" role="group" aria-label={t('queues.label')}>
          {QUEUES.map((q) => queueButton(q, counts[q]))}
          {queueButton('annotations', openAnnotations.length)}
        </div>
      )}
      {!showTrash && queue === 'signed' && visible.length > 0 && (
        <div className="library-batch">
          <button type="button" onClick={() => setBatch(true)}>
            {t('export.batchOpen', { count: visible.length })}
          </button>
        </div>
      )}
      {batch && <BatchExportDialog articles={visible} onClose={() => setBatch(false)} />}
      {!showTrash && queue !== 'annotations' && (
        <div className="library-filter">
          <label htmlFor={filterId} className="visually-hidden">
            {t('library.filter')}
          </label>
          <input id={filterId} type="search" placeholder={t('library.filterPlaceholder')} value={filter} onChange={(event) => setFilter(event.target.value)} />
        </div>
      )}
      {showTrash ? <TrashList /> : queue === 'annotations' ? <AnnotationQueue /> : <ArticleList total={list.articles.length} visible={visible} filter={filter} />}
      {!showTrash && <FileProblems className="library-damaged" title={t('library.damaged')} hint={t('library.damagedHint')} problems={list.damaged} />}
      <div className="library-foot">
        <span className="library-count">{t('library.count', { count: list.articles.length })}</span>
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

import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileProblems } from '../app/FileProblems';
import { formatChannel, type ArticleSummary } from '../../shared/article/article';
import type { DamagedEntry, TrashEntry } from '../../shared/contract/api';
import { TrashIcon } from '../app/icons';
import { BatchExportDialog } from '../export/BatchExportDialog';
import { IMPORTABLE } from '../import/import-document';
import { formatWhen } from '../i18n/i18n';
import { matchesFilter } from '../../shared/library/filter';
import { inQueue, QUEUES, stageOf, type QueueName } from '../../shared/library/queues';
import type { OpenAnnotation } from '../../shared/contract/api';
import { useSession } from '../app/session-context';

interface LibrarySidebarProps {
  articles: ArticleSummary[];
  openAnnotations: OpenAnnotation[];
  onShowAnnotations: () => void;
  onOpenAnnotation: (articleId: string, threadId: string) => void;
  damaged: DamagedEntry[];
  trash: TrashEntry[];
  currentId: string | null;
  onOpen: (id: string) => void;
  onCreate: () => void;
  onImport: (file: File) => void;
  onTrash: (id: string) => void;
  onRestore: (id: string) => void;
  onShowTrash: () => void;
}

export function LibrarySidebar(props: LibrarySidebarProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const [showTrash, setShowTrash] = useState(false);
  const [queue, setQueue] = useState<QueueName | 'annotations'>('all');
  const [batch, setBatch] = useState(false);
  const importInput = useRef<HTMLInputElement>(null);
  const { session } = useSession();
  const filterId = useId();
  const [queueOwner, setQueueOwner] = useState(session.currentUser?.id);
  if (queueOwner !== session.currentUser?.id) {
    // Someone else sat down: start them on the whole library.
    setQueueOwner(session.currentUser?.id);
    setQueue('all');
  }
  const policy = useMemo(() => ({ authorMayReview: session.policy.authorMayReview }), [session.policy.authorMayReview]);
  const counts = useMemo(
    () => Object.fromEntries(QUEUES.map((q) => [q, props.articles.filter((a) => inQueue(a, q, session.currentUser, policy)).length])) as Record<QueueName, number>,
    [props.articles, session.currentUser, policy],
  );
  const visible = useMemo(
    () => props.articles.filter((a) => queue !== 'annotations' && inQueue(a, queue, session.currentUser, policy) && matchesFilter(a, filter)),
    [props.articles, filter, queue, session.currentUser, policy],
  );
  const title = (a: { headline: string }) => a.headline.trim() || t('library.untitled');

  return (
    <nav className="library" aria-label={t('library.title')}>
      <div className="library-head">
        <h2>{showTrash ? t('library.trash') : t('library.title')}</h2>
        {!showTrash && (
          <div className="library-head-actions">
            <button type="button" onClick={() => importInput.current?.click()}>
              {t('library.import')}
            </button>
            <button type="button" className="primary" onClick={props.onCreate}>
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
                if (file) props.onImport(file);
              }}
            />
          </div>
        )}
      </div>
      {!showTrash && (
        <div className="queue-tabs" role="group" aria-label={t('queues.label')}>
          {QUEUES.map((q) => (
            <button key={q} type="button" className="queue-tab" aria-pressed={queue === q} onClick={() => setQueue(q)}>
              {t(`queues.${q}`)} <span className="queue-count">{counts[q]}</span>
            </button>
          ))}
          <button
            type="button"
            className="queue-tab"
            aria-pressed={queue === 'annotations'}
            onClick={() => {
              setQueue('annotations');
              props.onShowAnnotations();
            }}
          >
            {t('queues.annotations')} <span className="queue-count">{props.openAnnotations.length}</span>
          </button>
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
          <input
            id={filterId}
            type="search"
            placeholder={t('library.filterPlaceholder')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      )}
      {showTrash ? (
        <ul className="library-list" aria-label={t('library.trash')}>
          {props.trash.length === 0 && <li className="library-empty">{t('library.trashEmpty')}</li>}
          {props.trash.map((entry) => (
            <li key={entry.id} className="library-item library-item-trashed">
              <div className="library-item-main">
                <span className="library-headline">{title(entry)}</span>
                <span className="library-meta">{formatChannel(entry.channel)}</span>
                <span className="library-meta">
                  {t('library.trashedBy', { when: formatWhen(entry.trashedAt, i18n.language), name: entry.trashedBy })}
                </span>
                {entry.problems.map((p) => (
                  <span key={p.file} className="library-meta library-file-problem" role="note">
                    {t('library.fileProblem', { file: p.file, problem: p.problem })}
                  </span>
                ))}
              </div>
              <button type="button" aria-label={t('library.restoreNamed', { headline: title(entry) })} onClick={() => props.onRestore(entry.id)}>
                {t('library.restore')}
              </button>
            </li>
          ))}
        </ul>
      ) : queue === 'annotations' ? (
        <ul className="library-list" aria-label={t('queues.annotations')}>
          {props.openAnnotations.length === 0 && <li className="library-empty">{t('queues.noAnnotations')}</li>}
          {props.openAnnotations.map(({ articleId, headline, thread }) => (
            <li key={`${articleId}-${thread.id}`} className="library-item">
              <button type="button" className="library-item-main" onClick={() => props.onOpenAnnotation(articleId, thread.id)}>
                <span className="library-headline">{thread.comments[0]?.text}</span>
                <span className="library-meta">“{thread.quote}” · {thread.openedByName}</span>
                <span className="library-meta">{title({ headline })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="library-list" aria-label={t('library.articles')}>
          {props.articles.length === 0 && <li className="library-empty">{t('library.empty')}</li>}
          {props.articles.length > 0 && visible.length === 0 && (
            <li className="library-empty">{filter ? t('library.noMatches', { filter }) : t('queues.empty')}</li>
          )}
          {visible.map((article) => (
            <li key={article.id} className={`library-item${article.id === props.currentId ? ' is-current' : ''}`}>
              <button
                type="button"
                className="library-item-main"
                aria-current={article.id === props.currentId ? 'true' : undefined}
                aria-labelledby={`${filterId}-${article.id}-title`}
                aria-describedby={`${filterId}-${article.id}-meta`}
                onClick={() => props.onOpen(article.id)}
              >
                <span className="library-headline" id={`${filterId}-${article.id}-title`}>
                  {title(article)}
                </span>
                <span className="library-meta">
                  <span className={`stage-badge stage-${stageOf(article)}`}>{t(`stages.${stageOf(article)}`)}</span>
                  {article.reviewProblem && <span className="stage-badge stage-problem">!</span>} {formatChannel(article.channel)}
                </span>
                <span className="library-meta" id={`${filterId}-${article.id}-meta`}>
                  {t('library.byAuthor', { name: article.createdBy })} · {t('library.changed', { when: formatWhen(article.updatedAt, i18n.language) })}
                </span>
              </button>
              <button
                type="button"
                className="icon-button library-trash"
                aria-label={t('library.moveToTrashNamed', { headline: title(article) })}
                title={t('library.moveToTrash')}
                onClick={() => props.onTrash(article.id)}
              >
                <TrashIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      {!showTrash && <FileProblems className="library-damaged" title={t('library.damaged')} hint={t('library.damagedHint')} problems={props.damaged} />}
      <div className="library-foot">
        <span className="library-count">{t('library.count', { count: props.articles.length })}</span>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            if (!showTrash) props.onShowTrash();
            setShowTrash(!showTrash);
          }}
        >
          {showTrash ? t('library.showArticles') : t('library.showTrash')}
        </button>
      </div>
    </nav>
  );
}

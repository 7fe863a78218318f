import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { useSelect, useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { useDraft } from '../drafts/use-draft';
import { focusAtEnd } from '../app/focus-at-end';
import { ThreadView } from './ThreadView';

export function AnnotationsPanel() {
  const { t } = useTranslation();
  const id = useId();
  const { annotations } = useOpenArticle();
  const { threads, draft, active } = useStore(annotations);
  const currentUserId = useSelect(useAppStores().desk, (d) => d.session.currentUser?.id ?? null);
  const text = useDraft('comment');
  const [showResolved, setShowResolved] = useState(false);
  const visible = threads.filter((thread) => showResolved || !thread.resolved);
  return (
    <section className="annotations-panel" aria-label={t('annotations.panel')}>
      {(draft || text.text) && (
        <form
          className="comment-draft"
          onSubmit={(event) => {
            event.preventDefault();
            void annotations.createComment(text.text).then((ok) => ok && text.clear());
          }}
        >
          {draft ? <p className="thread-quote">“{draft.quote}”</p> : <p className="muted">{t('annotations.selectAgain')}</p>}
          <label htmlFor={`${id}-new`}>{t('annotations.commentText')}</label>
          <textarea id={`${id}-new`} ref={focusAtEnd} rows={3} {...text.field} />
          <div className="action-row">
            <button type="submit" className="primary" disabled={!draft || !text.text.trim()}>
              {t('annotations.addComment')}
            </button>
            <button type="button" onClick={() => (annotations.cancelComment(), text.clear())}>
              {t('annotations.cancel')}
            </button>
          </div>
        </form>
      )}
      <label className="show-resolved">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
        {t('annotations.showResolved')}
      </label>
      {visible.length === 0 && !draft && <p className="muted">{threads.length > 0 ? t('annotations.allResolved', { count: threads.length }) : t('annotations.none')}</p>}
      <ul className="threads">
        {visible.map((thread) => (
          <ThreadView
            key={thread.id}
            thread={thread}
            currentUserId={currentUserId}
            active={thread.id === active}
            onSelect={() => annotations.select(thread.id)}
            onOp={annotations.annotate}
          />
        ))}
      </ul>
    </section>
  );
}

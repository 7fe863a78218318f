import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { useSelect, useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { ThreadView } from './ThreadView';

export function AnnotationsPanel() {
  const { t } = useTranslation();
  const id = useId();
  const { annotations } = useOpenArticle();
  const { threads, draft, active } = useStore(annotations);
  const currentUserId = useSelect(useAppStores().desk, (d) => d.session.currentUser?.id ?? null);
  const [text, setText] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const visible = threads.filter((thread) => showResolved || !thread.resolved);
  return (
    <section className="annotations-panel" aria-label={t('annotations.panel')}>
      {draft && (
        <form
          className="comment-draft"
          onSubmit={(event) => {
            event.preventDefault();
            void annotations.createComment(text).then((ok) => ok && setText(''));
          }}
        >
          <p className="thread-quote">“{draft.quote}”</p>
          <label htmlFor={`${id}-new`}>{t('annotations.commentText')}</label>
          <textarea id={`${id}-new`} autoFocus rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="action-row">
            <button type="submit" className="primary" disabled={!text.trim()}>
              {t('annotations.addComment')}
            </button>
            <button type="button" onClick={annotations.cancelComment}>
              {t('annotations.cancel')}
            </button>
          </div>
        </form>
      )}
      <label className="show-resolved">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
        {t('annotations.showResolved')}
      </label>
      {visible.length === 0 && !draft && <p className="muted">{t('annotations.none')}</p>}
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

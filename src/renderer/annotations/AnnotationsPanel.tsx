import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationThread } from '../../shared/annotations/events';
import type { AnnotationOp } from '../../shared/contract/api';
import { ThreadView } from './ThreadView';

export interface CommentDraft {
  quote: string;
}

interface AnnotationsPanelProps {
  threads: AnnotationThread[];
  currentUserId: string | null;
  activeId: string | null;
  draft: CommentDraft | null;
  onSelect: (id: string) => void;
  onOp: (op: AnnotationOp) => Promise<boolean>;
  onCreate: (text: string) => Promise<boolean>;
  onCancelDraft: () => void;
}

export function AnnotationsPanel(props: AnnotationsPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const visible = props.threads.filter((thread) => showResolved || !thread.resolved);
  return (
    <section className="annotations-panel" aria-label={t('annotations.panel')}>
      {props.draft && (
        <form
          className="comment-draft"
          onSubmit={(event) => {
            event.preventDefault();
            void props.onCreate(text).then((ok) => ok && setText(''));
          }}
        >
          <p className="thread-quote">“{props.draft.quote}”</p>
          <label htmlFor={`${id}-new`}>{t('annotations.commentText')}</label>
          <textarea id={`${id}-new`} autoFocus rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="action-row">
            <button type="submit" className="primary" disabled={!text.trim()}>
              {t('annotations.addComment')}
            </button>
            <button type="button" onClick={props.onCancelDraft}>
              {t('annotations.cancel')}
            </button>
          </div>
        </form>
      )}
      <label className="show-resolved">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
        {t('annotations.showResolved')}
      </label>
      {visible.length === 0 && !props.draft && <p className="muted">{t('annotations.none')}</p>}
      <ul className="threads">
        {visible.map((thread) => (
          <ThreadView
            key={thread.id}
            thread={thread}
            currentUserId={props.currentUserId}
            active={thread.id === props.activeId}
            onSelect={() => props.onSelect(thread.id)}
            onOp={props.onOp}
          />
        ))}
      </ul>
    </section>
  );
}

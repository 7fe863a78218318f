import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationThread } from '../../shared/annotations/events';
import type { AnnotationOp } from '../../shared/contract/api';
import { useDraft } from '../drafts/use-draft';
import { formatWhen } from '../i18n/i18n';

interface ThreadViewProps {
  thread: AnnotationThread;
  currentUserId: string | null;
  active: boolean;
  onSelect: () => void;
  onOp: (op: AnnotationOp) => Promise<boolean>;
}

export function ThreadView({ thread, currentUserId, active, onSelect, onOp }: ThreadViewProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const reply = useDraft(`reply:${thread.id}`);
  const [editing, setEditing] = useState<{ comment: string; text: string } | null>(null);
  const first = thread.comments[0]!;
  return (
    <li className={`thread${thread.resolved ? ' is-resolved' : ''}${active ? ' is-active' : ''}`} aria-label={t('annotations.quote', { quote: thread.quote })}>
      <button type="button" className="thread-quote" onClick={onSelect}>
        “{thread.quote}”
      </button>
      <ol className="thread-comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <div className="comment-head">
              <strong>{comment.byName}</strong>
              <span className="muted">
                {t(`stages.${comment.stage}`)} · {formatWhen(comment.at, i18n.language)}
                {comment.editedAt ? ` · ${t('annotations.edited')}` : ''}
              </span>
            </div>
            {editing?.comment === comment.id ? (
              <form
                className="comment-edit"
                onSubmit={(event) => {
                  event.preventDefault();
                  void onOp({ kind: 'edit', thread: thread.id, comment: comment.id, text: editing.text }).then((ok) => ok && setEditing(null));
                }}
              >
                <textarea aria-label={t('annotations.editComment')} value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
                <button type="submit" disabled={!editing.text.trim()}>
                  {t('annotations.save')}
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  {t('annotations.cancel')}
                </button>
              </form>
            ) : (
              <p className="comment-text">{comment.text}</p>
            )}
            {comment.by === currentUserId && editing?.comment !== comment.id && (
              <div className="comment-actions">
                <button type="button" className="link-button" onClick={() => setEditing({ comment: comment.id, text: comment.text })}>
                  {t('annotations.edit')}
                </button>
                <button type="button" className="link-button danger" onClick={() => void onOp({ kind: 'delete', thread: thread.id, comment: comment.id })}>
                  {t('annotations.delete')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {thread.resolved ? (
        <div className="thread-foot">
          <span className="muted">{t('annotations.resolved', { name: thread.resolvedByName ?? '' })}</span>
          <button type="button" onClick={() => void onOp({ kind: 'reopen', thread: thread.id })}>
            {t('annotations.reopen')}
          </button>
        </div>
      ) : (
        <form
          className="thread-foot"
          onSubmit={(event) => {
            event.preventDefault();
            void onOp({ kind: 'reply', thread: thread.id, text: reply.text }).then((ok) => ok && reply.clear());
          }}
        >
          <label htmlFor={`${id}-reply`} className="visually-hidden">
            {t('annotations.replyText', { name: first.byName })}
          </label>
          <input id={`${id}-reply`} placeholder={t('annotations.reply')} {...reply.field} />
          <button type="submit" disabled={!reply.text.trim()}>
            {t('annotations.reply')}
          </button>
          <button type="button" onClick={() => void onOp({ kind: 'resolve', thread: thread.id })}>
            {t('annotations.resolve')}
          </button>
        </form>
      )}
    </li>
  );
}

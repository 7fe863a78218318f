import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/article/article';
import { stateOf } from '../../shared/library/queues';
import { checkTrash, trashNeedsReason, TRASH_REASON_MAX } from '../../shared/review/trash';
import { useAppStores } from '../app/app-stores';
import { describeError, describeRefusal } from '../app/error-message';
import { Modal } from '../app/Modal';
import { useSelect } from '../app/store';
import { trashArticle } from './trash-actions';

/** Whether `person` may trash the article at all (perhaps with a reason). */
export function mayTrash(article: ArticleSummary, person: Parameters<typeof checkTrash>[1] | null): boolean {
  if (!person) return false;
  const checked = checkTrash(stateOf(article), person, 'reason');
  return checked.ok;
}

/** Asks before an article goes to the trash; copy in review or signed off needs an administrator and a reason. */
export function TrashDialog({ article, title, onClose }: { article: ArticleSummary; title: string; onClose: (trashed: boolean) => void }) {
  const { t } = useTranslation();
  const stores = useAppStores();
  const person = useSelect(stores.desk, (d) => d.session.currentUser);
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const state = stateOf(article);
  const needsReason = trashNeedsReason(state);
  const refusal = person ? checkTrash(state, person, needsReason ? reason || 'reason' : '') : null;
  const refused = !person || (refusal && !refusal.ok);

  const confirm = async () => {
    setBusy(true);
    const failed = await trashArticle(stores, article.id, reason);
    setBusy(false);
    if (failed) setError(describeError(t, failed));
    else onClose(true);
  };

  return (
    <Modal title={t('library.trashTitle')} onClose={() => onClose(false)}>
      <p>{t('library.trashWhat', { headline: title })}</p>
      {refused ? (
        <p className="review-refusal">{refusal && !refusal.ok ? describeRefusal(refusal.reason) : describeRefusal({ code: 'no-current-user', params: {} })}</p>
      ) : (
        needsReason && (
          <div className="form-column">
            <p>{t('library.trashInReview', { stage: t(`stages.${state.stage}`) })}</p>
            <label htmlFor={`${id}-reason`}>{t('library.trashReason')}</label>
            <textarea id={`${id}-reason`} rows={2} maxLength={TRASH_REASON_MAX} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
        )
      )}
      {error && (
        <p className="review-refusal" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={() => onClose(false)}>
          {refused ? t('library.close') : t('library.cancel')}
        </button>
        {!refused && (
          <button type="button" className="danger" disabled={busy || (needsReason && !reason.trim())} onClick={() => void confirm()}>
            {t('library.moveToTrash')}
          </button>
        )}
      </div>
    </Modal>
  );
}

import { useTranslation } from 'react-i18next';
import { Modal } from '../app/Modal';
import { describeRefusal } from '../app/error-message';
import { useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';

/** Asks before an approval that the workspace lets through only when confirmed. */
export function ReviewConfirm() {
  const { t } = useTranslation();
  const { review } = useOpenArticle();
  const view = useStore(review);
  if (!view.confirming) return null;
  const open = view.review?.openAnnotations ?? 0;
  return (
    <Modal title={t('review.confirmOpen')} onClose={review.cancel}>
      <p>{describeRefusal({ code: 'open-annotations', params: { count: String(open), blocking: 'false' } })}</p>
      <div className="modal-actions">
        <button type="button" onClick={review.cancel}>
          {t('review.cancel')}
        </button>
        <button type="button" className="primary" onClick={review.confirm}>
          {t('review.confirm')}
        </button>
      </div>
    </Modal>
  );
}

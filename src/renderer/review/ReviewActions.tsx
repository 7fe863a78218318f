import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleReview, Session } from '../../shared/contract/api';
import type { ReviewRequest } from '../../shared/review/rules';
import { isReviewStage, returnTargetsFrom, type ReturnTarget } from '../../shared/review/stages';
import { describeRefusal } from '../app/error-message';
import { useDraft } from '../drafts/use-draft';
import { REVIEW_DRAFTS } from './review-drafts';
import { reviewOptions } from './review-options';
import { TextActionForm } from './TextActionForm';

interface ReviewActionsProps {
  review: ArticleReview;
  session: Session;
  busy: boolean;
  onAction: (request: ReviewRequest) => void;
}

/**
 * The actions open to the person at this desk, each with the opinion or reason it needs. While an
 * action is under way the buttons say so (aria-disabled) but keep the focus; the store ignores a
 * second press.
 */
export function ReviewActions({ review, session, busy, onAction }: ReviewActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const options = reviewOptions(review, session);
  const stage = review.state.stage;
  const targets = isReviewStage(stage) ? returnTargetsFrom(stage) : [];
  // Drafts: what is written here survives switching tabs and articles, until the action is taken.
  const opinion = useDraft(REVIEW_DRAFTS.approve!);
  const reason = useDraft(REVIEW_DRAFTS.return!);
  const reopenReason = useDraft(REVIEW_DRAFTS.reopen!);
  const [target, setTarget] = useState<ReturnTarget>('draft');
  const nothing = !options.submit && !options.withdraw && !options.approve && !options.return && !options.reopen && !options.approveRefusal;

  return (
    <div className="review-actions">
      {nothing && <p className="muted">{t('review.nothingForYou')}</p>}
      {(options.submit || options.withdraw) && (
        <div className="action-row">
          {options.submit && (
            <button type="button" className="primary" aria-disabled={busy} onClick={() => onAction({ action: 'submit' })}>
              {t('review.submit')}
            </button>
          )}
          {options.withdraw && (
            <button type="button" aria-disabled={busy} onClick={() => onAction({ action: 'withdraw' })}>
              {t('review.withdraw')}
            </button>
          )}
        </div>
      )}
      {options.approveRefusal && <p className="review-refusal">{describeRefusal(options.approveRefusal)}</p>}
      {options.approve && (
        <TextActionForm
          draft={opinion}
          label={t('review.opinion')}
          placeholder={t('review.opinionPlaceholder')}
          rows={3}
          button={stage === 'third' ? t('review.signOff') : t('review.approve')}
          primary
          busy={busy}
          onSend={(text) => onAction({ action: 'approve', opinion: text })}
        />
      )}
      {options.return && targets.length > 0 && (
        <TextActionForm
          draft={reason}
          label={t('review.reason')}
          placeholder={t('review.reasonPlaceholder')}
          rows={2}
          button={t('review.return')}
          busy={busy}
          onSend={(text) => onAction({ action: 'return', to: target, reason: text })}
        >
          <label htmlFor={`${id}-target`}>{t('review.returnTo')}</label>
          <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value as ReturnTarget)}>
            {targets.map((to) => (
              <option key={to} value={to}>
                {to === 'draft' ? t('review.toAuthor') : t(`stages.${to}`)}
              </option>
            ))}
          </select>
        </TextActionForm>
      )}
      {options.reopen && (
        <TextActionForm
          draft={reopenReason}
          label={t('review.reason')}
          rows={2}
          button={t('review.reopen')}
          busy={busy}
          onSend={(text) => onAction({ action: 'reopen', reason: text })}
        />
      )}
    </div>
  );
}

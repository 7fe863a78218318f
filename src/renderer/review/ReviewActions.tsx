import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleReview, Session } from '../../shared/contract/api';
import type { ReviewRequest } from '../../shared/review/rules';
import { isReviewStage, returnTargetsFrom, type ReturnTarget } from '../../shared/review/stages';
import { describeRefusal } from '../app/error-message';
import { useDraft } from '../drafts/use-draft';
import { REVIEW_DRAFTS } from './review-drafts';
import { reviewOptions } from './review-options';

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
        <form
          className="action-form"
          onSubmit={(event) => {
            event.preventDefault();
            onAction({ action: 'approve', opinion: opinion.text });
          }}
        >
          <label htmlFor={`${id}-opinion`}>{t('review.opinion')}</label>
          <textarea id={`${id}-opinion`} rows={3} placeholder={t('review.opinionPlaceholder')} {...opinion.field} />
          <button type="submit" className="primary" aria-disabled={busy} disabled={!opinion.text.trim()}>
            {stage === 'third' ? t('review.signOff') : t('review.approve')}
          </button>
        </form>
      )}
      {options.return && targets.length > 0 && (
        <form
          className="action-form"
          onSubmit={(event) => {
            event.preventDefault();
            onAction({ action: 'return', to: target, reason: reason.text });
          }}
        >
          <label htmlFor={`${id}-target`}>{t('review.returnTo')}</label>
          <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value as ReturnTarget)}>
            {targets.map((to) => (
              <option key={to} value={to}>
                {to === 'draft' ? t('review.toAuthor') : t(`stages.${to}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-reason`}>{t('review.reason')}</label>
          <textarea id={`${id}-reason`} rows={2} placeholder={t('review.reasonPlaceholder')} {...reason.field} />
          <button type="submit" aria-disabled={busy} disabled={!reason.text.trim()}>
            {t('review.return')}
          </button>
        </form>
      )}
      {options.reopen && (
        <form
          className="action-form"
          onSubmit={(event) => {
            event.preventDefault();
            onAction({ action: 'reopen', reason: reopenReason.text });
          }}
        >
          <label htmlFor={`${id}-reopen`}>{t('review.reason')}</label>
          <textarea id={`${id}-reopen`} rows={2} {...reopenReason.field} />
          <button type="submit" aria-disabled={busy} disabled={!reopenReason.text.trim()}>
            {t('review.reopen')}
          </button>
        </form>
      )}
    </div>
  );
}

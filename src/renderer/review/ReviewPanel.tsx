import { useTranslation } from 'react-i18next';
import type { ArticleReview, Session } from '../../shared/contract/api';
import type { ReviewRequest } from '../../shared/review/rules';
import { FileProblems } from '../app/FileProblems';
import { ReviewActions } from './ReviewActions';
import { ReviewHistory } from './ReviewHistory';
import { ReviewTimeline } from './ReviewTimeline';

interface ReviewPanelProps {
  review: ArticleReview;
  session: Session;
  authorName: string;
  busy: boolean;
  onAction: (request: ReviewRequest) => void;
  onPreview: () => void;
  onExport: () => void;
}

export function ReviewPanel({ review, session, authorName, busy, onAction, onPreview, onExport }: ReviewPanelProps) {
  const { t } = useTranslation();
  const lastReturn = review.state.lastReturn;
  return (
    <section className="review-panel" aria-label={t('review.panel')}>
      {review.problem && (
        <p className="review-problem" role="alert">
          {t('review.chainProblem', { problem: review.problem })}
        </p>
      )}
      <FileProblems role="status" title={t('review.logNotices')} problems={review.notices} />
      <ReviewTimeline review={review} authorName={authorName} />
      {lastReturn && <p className="review-returned">{t('review.returnedBy', { name: lastReturn.byName, reason: lastReturn.reason })}</p>}
      <ReviewActions key={`${review.state.stage}-${review.records.length}`} review={review} session={session} busy={busy} onAction={onAction} />
      <div className="action-row">
        <button type="button" onClick={onPreview}>
          {t('review.finishedCopy')}
        </button>
        <button type="button" onClick={onExport}>
          {t('export.open')}
        </button>
      </div>
      <ReviewHistory review={review} />
    </section>
  );
}

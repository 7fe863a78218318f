import { useTranslation } from 'react-i18next';
import { checksGate, checksRefusal } from '../../shared/review/checks-gate';
import { isReviewStage } from '../../shared/review/stages';
import { useAppStores } from '../app/app-stores';
import { describeRefusal } from '../app/error-message';
import { useSelect, useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { FindingSummaries } from './ReviewConfirm';
import { reviewOptions } from './review-options';

/**
 * Why the person's action cannot go through: the Required findings that hold their approval (as
 * they stand now, so the notice goes once they are fixed), or the last refusal.
 */
export function ReviewNotice() {
  const { t } = useTranslation();
  const { review, checks, tab } = useOpenArticle();
  const { review: current, refusal } = useStore(review);
  const { findings, proofreading } = useStore(checks);
  const session = useSelect(useAppStores().desk, (d) => d.session);
  if (!current) return null;
  const stage = current.state.stage;
  const blocking = proofreading && isReviewStage(stage) && reviewOptions(current, session).approve ? checksGate(findings, proofreading.settings, stage).blocking : [];
  if (blocking.length > 0) {
    return (
      <div className="review-refusal" role="alert">
        <p>{describeRefusal(checksRefusal('required-checks', blocking))}</p>
        <FindingSummaries findings={blocking} label={t('review.findingsBlocking')} />
        <button type="button" className="link-button" onClick={() => tab.put('checks')}>
          {t('review.showChecks')}
        </button>
      </div>
    );
  }
  if (!refusal || refusal.code === 'required-checks') return null;
  return (
    <p className="review-refusal" role="alert">
      {describeRefusal(refusal)}
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import type { ArticleReview } from '../../shared/contract/api';
import { REVIEW_STAGES } from '../../shared/review/stages';
import { formatWhen } from '../i18n/i18n';

/** Author, then the three reviews, with who approved, when, their opinion and whether it still holds. */
export function ReviewTimeline({ review, authorName }: { review: ArticleReview; authorName: string }) {
  const { t, i18n } = useTranslation();
  const { state } = review;
  const submitted = review.records.find((r) => r.action === 'submit');
  return (
    <ol className="chain" aria-label={t('review.chain')}>
      <li className={`chain-step${state.stage === 'draft' ? ' is-current' : ''} is-done`}>
        <span className="chain-stage">{t('review.author')}</span>
        <span className="chain-name">{authorName}</span>
        {submitted && <span className="chain-when">{formatWhen(submitted.at, i18n.language)}</span>}
      </li>
      {REVIEW_STAGES.map((stage) => {
        const approval = state.approvals[stage];
        const current = state.stage === stage;
        const classes = ['chain-step', current ? 'is-current' : '', approval ? (approval.stale ? 'is-stale' : 'is-done') : ''].join(' ');
        return (
          <li key={stage} className={classes} aria-current={current ? 'step' : undefined}>
            <span className="chain-stage">{t(`stages.${stage}`)}</span>
            {approval ? (
              <>
                <span className="chain-name">{approval.actorName}</span>
                <span className="chain-when">{formatWhen(approval.at, i18n.language)}</span>
                <blockquote className="chain-opinion">{approval.opinion}</blockquote>
                {approval.overRecommended && <span className="chain-over">{t('review.overRecommended', { count: approval.overRecommended })}</span>}
                {approval.stale && <span className="chain-stale">{t('review.stale')}</span>}
              </>
            ) : (
              <span className="chain-pending">{current ? t('review.current') : t('review.pending')}</span>
            )}
          </li>
        );
      })}
      {state.stage === 'signed' && (
        <li className={`chain-step ${state.signedOff ? 'is-done' : 'is-stale'}`}>
          <span className="chain-stage">{t('stages.signed')}</span>
        </li>
      )}
    </ol>
  );
}

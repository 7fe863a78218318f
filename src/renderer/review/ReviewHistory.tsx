import { useTranslation } from 'react-i18next';
import type { ArticleReview } from '../../shared/contract/api';
import { formatWhen } from '../i18n/i18n';
import { RecordStatus } from './RecordStatus';

/** Every review record, newest first, each with whether it counts and whose key signed it; open when one does not count. */
export function ReviewHistory({ review }: { review: ArticleReview }) {
  const { t, i18n } = useTranslation();
  if (review.records.length === 0) return null;
  const doubtful = review.records.some((record) => record.status !== 'signed' && record.status !== 'unsigned-legacy');
  return (
    <details className="review-history" open={doubtful || undefined}>
      <summary>{t('review.history')}</summary>
      <ol>
        {[...review.records].reverse().map((record) => (
          <li key={record.seq}>
            <span className="history-line">
              <strong>{record.actorName}</strong> {t(`review.actions.${record.action}`)}
              {record.action === 'return' && record.to ? ` → ${record.to === 'draft' ? t('review.toAuthor') : t(`stages.${record.to}`)}` : ''}
              {record.overRecommended ? ` (${t('review.overRecommended', { count: record.overRecommended })})` : ''}
              <span className="muted"> · {t(`stages.${record.stage}`)} · {formatWhen(record.at, i18n.language)}</span>
            </span>
            {record.opinion && <span className="history-opinion">{record.opinion}</span>}
            <RecordStatus status={record.status} name={record.actorName} fingerprint={record.fingerprint} detail={record.detail} />
          </li>
        ))}
      </ol>
    </details>
  );
}

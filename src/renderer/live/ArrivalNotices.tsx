import { useTranslation } from 'react-i18next';
import type { Arrival } from '../../shared/library/arrivals';
import { useAppStores } from '../app/app-stores';
import { useStore } from '../app/store';

export function arrivalText(t: (key: string, options?: Record<string, unknown>) => string, arrival: Arrival): string {
  const headline = arrival.headline || t('library.untitled');
  if (arrival.queue === 'waiting') return t('live.waiting', { headline });
  return arrival.returnedBy ? t('live.returnedBy', { headline, name: arrival.returnedBy }) : t('live.returned', { headline });
}

/** Notices of articles that came into "Waiting for me" or "Returned to me" from another desk. */
export function ArrivalNotices() {
  const { t } = useTranslation();
  const { arrivals, opened } = useAppStores();
  const shown = useStore(arrivals);
  if (shown.length === 0) return null;
  return (
    <section className="arrival-notices" aria-label={t('live.notices')}>
      {shown.map((arrival) => (
        <div className="arrival-notice" role="status" key={arrival.id}>
          <span className="arrival-text">{arrivalText(t, arrival)}</span>
          <button
            type="button"
            onClick={() => {
              arrivals.dismiss(arrival.id);
              void opened.open(arrival.id);
            }}
          >
            {t('live.open')}
          </button>
          <button type="button" className="icon-button" aria-label={t('live.dismiss', { headline: arrival.headline || t('library.untitled') })} onClick={() => arrivals.dismiss(arrival.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}

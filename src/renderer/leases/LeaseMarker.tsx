import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';

/** In the library: who is editing the article at another desk (or another window's person here), if anyone. */
export function LeaseMarker({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const holder = useSelect(useAppStores().leases, (view) => view.holders[articleId]);
  if (!holder || holder.mine) return null;
  return (
    <span className="lease-marker" title={t('leases.markerTitle', { name: holder.name, desk: holder.deskName })}>
      {t('leases.marker', { name: holder.name })}
    </span>
  );
}

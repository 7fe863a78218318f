import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { useStore } from '../app/store';

/** While this desk's library index is being brought up to date: how far it has come. */
export function IndexProgress() {
  const { t, i18n } = useTranslation();
  const status = useStore(useAppStores().library.status);
  if (!status?.building) return null;
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <div className="index-progress" role="status" aria-label={t('search.indexing')}>
      <span>
        {status.rebuilt ? t('search.rebuilding') : t('search.indexing')}
        {status.total > 0 && ` ${t('search.progress', { done: number(status.done), total: number(status.total) })}`}
      </span>
      <progress max={Math.max(status.total, 1)} value={status.done} aria-label={t('search.indexing')} />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { formatWhen } from '../i18n/i18n';

/** The copy being edited here is no longer the newest: another desk saved one after it. */
export function NewerVersionNotice() {
  const { t, i18n } = useTranslation();
  const { opened } = useAppStores();
  const newer = useStore(useOpenArticle().newer);
  if (!newer) return null;
  return (
    <div className="newer-version" role="alert">
      <p>
        <strong>{t('live.newerTitle')}</strong> {t('live.newerText', { name: newer.updatedBy, time: formatWhen(newer.updatedAt, i18n.language) })}
      </p>
      <button type="button" onClick={() => void opened.takeNewer()}>
        {t('live.showNewer')}
      </button>
    </div>
  );
}

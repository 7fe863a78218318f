import { useTranslation } from 'react-i18next';
import type { ErrorsStore } from './errors-store';
import { useStore } from './store';

export function ErrorBanner({ errors }: { errors: ErrorsStore }) {
  const { t } = useTranslation();
  const shown = useStore(errors);
  if (shown.length === 0) return null;
  return (
    <div className="error-stack" role="alert">
      {shown.map(({ id, message }) => (
        <div className="error-banner" key={id}>
          <span>{message}</span>
          <button type="button" className="icon-button" aria-label={t('app.dismiss')} onClick={() => errors.dismiss(id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';

export function ErrorBanner({ messages, onDismiss }: { messages: string[]; onDismiss: (index: number) => void }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <div className="error-stack" role="alert">
      {messages.map((message, index) => (
        <div className="error-banner" key={`${index}-${message}`}>
          <span>{message}</span>
          <button type="button" className="icon-button" aria-label={t('app.dismiss')} onClick={() => onDismiss(index)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

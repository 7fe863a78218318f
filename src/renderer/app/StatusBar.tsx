import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleCounts } from '../../shared/article/counts';
import type { ArticleSession } from '../editor/article-session';
import { formatWhen } from '../i18n/i18n';
import { describeError } from './error-message';
import { CallFailed } from '../bridge/use-call';

export function StatusBar({ counts, session }: { counts: ArticleCounts; session: ArticleSession }) {
  const { t, i18n } = useTranslation();
  const status = useSyncExternalStore(session.subscribe, session.getStatus);
  const number = new Intl.NumberFormat(i18n.language);
  const item = (label: string, value: number, warn = false) => (
    <div className={`status-item${warn ? ' status-warn' : ''}`}>
      <dt className="status-label">{label}</dt>
      <dd className="status-value">{number.format(value)}</dd>
    </div>
  );
  let saveText: string;
  switch (status.state) {
    case 'saved':
      saveText = t('status.saved', { time: formatWhen(status.savedAt, i18n.language) });
      break;
    case 'saving':
      saveText = t('status.saving');
      break;
    case 'dirty':
      saveText = t('status.unsaved');
      break;
    case 'error':
      saveText = t('status.saveFailed', { message: status.error ? describeError(t, new CallFailed(status.error)) : '' });
      break;
  }
  return (
    <section className="status-bar" aria-label={t('status.label')}>
      <dl className="status-counts">
      {item(t('status.chinese'), counts.chineseCharacters)}
      {item(t('status.latinWords'), counts.latinWords)}
      {item(t('status.characters'), counts.characters)}
      {item(t('status.figures'), counts.figures)}
      {item(t('status.withoutCaption'), counts.figuresWithoutCaption, counts.figuresWithoutCaption > 0)}
      </dl>
      <span className={`status-save status-save-${status.state}`} role="status" aria-live="polite" aria-label={t('status.saveState')}>
        {saveText}
      </span>
    </section>
  );
}

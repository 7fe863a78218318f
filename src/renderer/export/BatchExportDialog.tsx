import { zipSync } from 'fflate';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/article/article';
import { EXPORT_FORMATS } from '../../shared/export/formats';
import { api } from '../bridge/bridge';
import { Modal } from '../app/Modal';
import { describeError } from '../app/error-message';
import { CallFailed } from '../bridge/use-call';
import { downloadFile, fromBase64 } from './download';

type Format = (typeof EXPORT_FORMATS)[number];

/**
 * Exports many signed-off articles into one zip, one at a time with a progress bar; a failure
 * is listed and the rest go on; cancel stops before the next article.
 */
export function BatchExportDialog({ articles, onClose }: { articles: ArticleSummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [format, setFormat] = useState<Format>('html');
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const [failures, setFailures] = useState<Array<{ headline: string; message: string }>>([]);
  const cancelled = useRef(false);

  const run = async () => {
    setRunning(true);
    setFailures([]);
    cancelled.current = false;
    const files: Record<string, Uint8Array> = {};
    for (const [index, article] of articles.entries()) {
      if (cancelled.current) break;
      const result = await api.exportArticle({ id: article.id, format, draft: false });
      if (result.ok) files[`${String(index + 1).padStart(3, '0')}-${result.value.fileName}`] = fromBase64(result.value.dataBase64);
      else setFailures((list) => [...list, { headline: article.headline, message: describeError(t, new CallFailed(result.error)) }]);
      setDone(index + 1);
    }
    setRunning(false);
    if (Object.keys(files).length > 0) downloadFile(`export-${new Date().toISOString().slice(0, 10)}.zip`, 'application/zip', zipSync(files, { level: 6 }));
  };

  return (
    <Modal title={t('export.batchTitle', { count: articles.length })} onClose={running ? undefined : onClose}>
      <div className="form-row">
        <label htmlFor={`${id}-format`}>{t('export.format')}</label>
        <select id={`${id}-format`} value={format} disabled={running} onChange={(e) => setFormat(e.target.value as Format)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`export.formats.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <progress className="export-progress" max={articles.length} value={done} aria-label={t('export.progress')} />
      <p className="muted">{t('export.progressText', { done, total: articles.length })}</p>
      {failures.length > 0 && (
        <ul className="export-failures" aria-label={t('export.failures')}>
          {failures.map((f, i) => (
            <li key={i}>
              <strong>{f.headline || t('library.untitled')}</strong>: {f.message}
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        {running ? (
          <button type="button" onClick={() => (cancelled.current = true)}>
            {t('export.cancel')}
          </button>
        ) : (
          <>
            <button type="button" onClick={onClose}>
              {t('export.close')}
            </button>
            <button type="button" className="primary" disabled={articles.length === 0} onClick={() => void run()}>
              {t('export.export')}
            </button>
          </>
        )}
      </div>
    </Modal>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/article/article';
import type { BatchExportStatus } from '../../shared/contract/api';
import { EXPORT_FORMATS } from '../../shared/export/formats';
import { api } from '../bridge/bridge';
import { Modal } from '../app/Modal';
import { useErrorReporter } from '../app/error-context';
import { describeError } from '../app/error-message';
import { CallFailed, unwrap } from '../bridge/use-call';
import { downloadFile, fromBase64 } from './download';

type Format = (typeof EXPORT_FORMATS)[number];
const POLL_MS = 250;

/**
 * Exports many signed-off articles into one zip. The main process does the work (one article at a
 * time; a failure is listed and the rest go on; cancel stops before the next); this shows progress.
 */
export function BatchExportDialog({ articles, onClose }: { articles: ArticleSummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const reportError = useErrorReporter();
  const id = useId();
  const [format, setFormat] = useState<Format>('html');
  const [job, setJob] = useState<string | null>(null);
  const [status, setStatus] = useState<BatchExportStatus | null>(null);
  const closed = useRef(false);
  useEffect(() => () => void (closed.current = true), []);

  const run = async () => {
    try {
      const started = await unwrap(api.startBatchExport({ ids: articles.map((a) => a.id), format }));
      setJob(started.job);
      for (;;) {
        const next = await unwrap(api.batchExportStatus({ job: started.job }));
        if (closed.current) return;
        setStatus(next);
        if (next.finished) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (error) {
      reportError(error);
    } finally {
      setJob(null);
    }
  };

  useEffect(() => {
    const file = status?.finished?.file;
    if (file) downloadFile(file.fileName, file.mime, fromBase64(file.dataBase64));
    if (status?.finished?.error) reportError(new CallFailed(status.finished.error));
  }, [status?.finished, reportError]);

  const running = job !== null;
  const headline = (articleId: string) => articles.find((a) => a.id === articleId)?.headline || t('library.untitled');
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
      <progress className="export-progress" max={articles.length} value={status?.done ?? 0} aria-label={t('export.progress')} />
      <p className="muted">{t('export.progressText', { done: status?.done ?? 0, total: articles.length })}</p>
      {status && status.failures.length > 0 && (
        <ul className="export-failures" aria-label={t('export.failures')}>
          {status.failures.map((f) => (
            <li key={f.id}>
              <strong>{headline(f.id)}</strong>: {describeError(t, new CallFailed(f.error))}
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        {running ? (
          <button type="button" onClick={() => void api.cancelBatchExport({ job })}>
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

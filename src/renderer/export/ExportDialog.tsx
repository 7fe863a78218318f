import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../shared/export/formats';
import { api, getBridge } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { Modal } from '../app/Modal';
import { useErrorReporter } from '../app/error-context';
import { downloadFile, fromBase64 } from './download';

type Format = (typeof EXPORT_FORMATS)[number] | 'pdf';

/** Export one article: final copy once signed off; otherwise, after confirmation, a marked draft. */
export function ExportDialog({ articleId, onClose }: { articleId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const reportError = useErrorReporter();
  const id = useId();
  const [format, setFormat] = useState<Format>('html');
  const [gate, setGate] = useState<{ final: boolean; reason: string } | null>(null);
  const [draft, setDraft] = useState(false);
  const [busy, setBusy] = useState(false);
  const formats: Format[] = getBridge().host === 'electron' ? [...EXPORT_FORMATS, 'pdf'] : [...EXPORT_FORMATS];

  useEffect(() => {
    void unwrap(api.exportStatus({ id: articleId })).then(setGate, reportError);
  }, [articleId, reportError]);

  const run = async () => {
    setBusy(true);
    try {
      const file = await unwrap(api.exportArticle({ id: articleId, format, draft: !gate?.final && draft }));
      downloadFile(file.fileName, file.mime, fromBase64(file.dataBase64));
      onClose();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('export.title')} onClose={onClose}>
      <div className="form-row">
        <label htmlFor={`${id}-format`}>{t('export.format')}</label>
        <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          {formats.map((f) => (
            <option key={f} value={f}>
              {t(`export.formats.${f}`)}
            </option>
          ))}
        </select>
      </div>
      {gate && gate.final && <p className="export-final">{t('export.final')}</p>}
      {gate && !gate.final && (
        <div className="export-draft">
          <p>{t('export.notFinal', { reason: gate.reason })}</p>
          <label>
            <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} /> {t('export.asDraft')}
          </label>
        </div>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('export.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy || !gate || (!gate.final && !draft)} onClick={() => void run()}>
          {t('export.export')}
        </button>
      </div>
    </Modal>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/article/article';
import type { ReviewSheet } from '../../shared/contract/api';
import { Modal } from '../app/Modal';
import { useErrorReporter } from '../app/error-context';
import { api, getBridge } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { downloadFile, fromBase64 } from '../export/download';
import { formatDateTime } from '../i18n/i18n';

/**
 * The review sheet (审稿单) of a signed-off article, as the verified records give it: who
 * reviewed at each stage, their opinion, when, and the fingerprint of the key that signed;
 * the content hash that was signed off. Saved as HTML (and PDF in the desktop app) for filing.
 */
export function ReviewSheetDialog({ articleId, onClose }: { articleId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const reportError = useErrorReporter();
  const [sheet, setSheet] = useState<ReviewSheet | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void unwrap(api.getReviewSheet({ id: articleId })).then(setSheet, reportError);
  }, [articleId, reportError]);

  const save = async (format: 'html' | 'pdf') => {
    setBusy(true);
    try {
      const file = await unwrap(api.exportReviewSheet({ id: articleId, language: i18n.language as Language, format }));
      downloadFile(file.fileName, file.mime, fromBase64(file.dataBase64));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('sheet.title')} onClose={onClose} className="modal-wide">
      {!sheet ? (
        <p className="muted">{t('sheet.loading')}</p>
      ) : (
        <div className="review-sheet">
          <dl className="sheet-facts">
            <dt>{t('sheet.headline')}</dt>
            <dd>{sheet.headline}</dd>
            <dt>{t('sheet.channel')}</dt>
            <dd>{sheet.channel.join(' > ')}</dd>
            <dt>{t('sheet.author')}</dt>
            <dd>
              {sheet.author.name} {sheet.author.fingerprint && <code className="fingerprint">{sheet.author.fingerprint}</code>}
            </dd>
            <dt>{t('sheet.counts')}</dt>
            <dd>{t('sheet.countsValue', sheet.counts)}</dd>
          </dl>
          <table className="sheet-stages" aria-label={t('sheet.reviewers')}>
            <thead>
              <tr>
                <th scope="col">{t('sheet.stage')}</th>
                <th scope="col">{t('sheet.reviewer')}</th>
                <th scope="col">{t('sheet.opinion')}</th>
                <th scope="col">{t('sheet.when')}</th>
                <th scope="col">{t('sheet.fingerprint')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.stages.map((stage) => (
                <tr key={stage.stage}>
                  <th scope="row">{t(`stages.${stage.stage}`)}</th>
                  <td>{stage.reviewer}</td>
                  <td>{stage.opinion}</td>
                  <td>{formatDateTime(stage.at, i18n.language)}</td>
                  <td>{stage.fingerprint ? <code className="fingerprint">{stage.fingerprint}</code> : <span className="muted">{t('records.unsigned-legacy')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="sheet-hash">
            {t('sheet.contentHash')} <code>{sheet.contentHash}</code>
          </p>
          {sheet.chainHead && (
            <p className="sheet-hash">
              {t('sheet.chainHead')} <code>{sheet.chainHead}</code>
            </p>
          )}
        </div>
      )}
      <div className="modal-actions">
        <button type="button" disabled={!sheet || busy} onClick={() => void save('html')}>
          {t('sheet.saveHtml')}
        </button>
        {getBridge().host === 'electron' && (
          <button type="button" disabled={!sheet || busy} onClick={() => void save('pdf')}>
            {t('sheet.savePdf')}
          </button>
        )}
        <button type="button" className="primary" onClick={onClose}>
          {t('sheet.close')}
        </button>
      </div>
    </Modal>
  );
}

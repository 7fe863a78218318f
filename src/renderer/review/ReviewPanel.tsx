import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../shared/article/article';
import { findPerson } from '../../shared/review/people';
import { useAppStores } from '../app/app-stores';
import { FileProblems } from '../app/FileProblems';
import { useSelect, useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { ExportDialog } from '../export/ExportDialog';
import { FinishedCopy } from './FinishedCopy';
import { ReviewActions } from './ReviewActions';
import { ReviewHistory } from './ReviewHistory';
import { ReviewNotice } from './ReviewNotice';
import { ReviewSheetDialog } from './ReviewSheetDialog';
import { ReviewTimeline } from './ReviewTimeline';

export function ReviewPanel() {
  const { t } = useTranslation();
  const { desk, errors } = useAppStores();
  const open = useOpenArticle();
  const { review, busy } = useStore(open.review);
  const session = useSelect(desk, (d) => d.session);
  const [preview, setPreview] = useState<Article | null>(null);
  const [exporting, setExporting] = useState(false);
  const [sheet, setSheet] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const actions = review?.records.length ?? 0;
  const seen = useRef(actions);
  useEffect(() => {
    // After an action its button is gone: keep the focus in the panel rather than the page body.
    if (actions === seen.current) return;
    seen.current = actions;
    const focused = document.activeElement;
    if (!focused || focused === document.body || !focused.isConnected) panel.current?.focus();
  }, [actions]);
  if (!review) return null;
  const authorName = findPerson(session.roster, open.article.authorId)?.name ?? open.article.createdBy;
  const lastReturn = review.state.lastReturn;

  const openPreview = async () => {
    await open.session.flush();
    try {
      setPreview(await unwrap(api.getArticle({ id: open.id })));
    } catch (error) {
      errors.report(error);
    }
  };

  return (
    <section className="review-panel" aria-label={t('review.panel')} tabIndex={-1} ref={panel}>
      {review.problem && (
        <p className="review-problem" role="alert">
          {t('review.chainProblem', { problem: review.problem })}
        </p>
      )}
      <FileProblems role="status" title={t('review.logNotices')} problems={review.notices} />
      <ReviewTimeline review={review} authorName={authorName} />
      {lastReturn && <p className="review-returned">{t('review.returnedBy', { name: lastReturn.byName, reason: lastReturn.reason })}</p>}
      <ReviewNotice />
      <ReviewActions key={`${review.state.stage}-${review.records.length}`} review={review} session={session} busy={busy} onAction={(request) => void open.review.act(request)} />
      <div className="action-row">
        <button type="button" onClick={() => void openPreview()}>
          {t('review.finishedCopy')}
        </button>
        <button type="button" onClick={() => void open.session.flush().then(() => setExporting(true))}>
          {t('export.open')}
        </button>
        {review.state.stage === 'signed' && !review.problem && (
          <button type="button" onClick={() => setSheet(true)}>
            {t('sheet.open')}
          </button>
        )}
      </div>
      <ReviewHistory review={review} />
      {sheet && <ReviewSheetDialog articleId={open.id} onClose={() => setSheet(false)} />}
      {exporting && <ExportDialog articleId={open.id} onClose={() => setExporting(false)} />}
      {preview && <FinishedCopy article={preview} footer={review.footer} onClose={() => setPreview(null)} />}
    </section>
  );
}

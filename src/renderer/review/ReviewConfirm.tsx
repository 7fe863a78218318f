import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/checks/index';
import { checksGate, findingsAheadOfSubmit } from '../../shared/review/checks-gate';
import { isReviewStage } from '../../shared/review/stages';
import { useAppStores } from '../app/app-stores';
import { describeRefusal, interfaceLanguage } from '../app/error-message';
import { Modal } from '../app/Modal';
import { useSelect, useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { findingPlace } from '../checks/finding-place';

export function FindingSummaries({ findings, label }: { findings: Finding[]; label: string }) {
  const { t } = useTranslation();
  const language = interfaceLanguage();
  return (
    <ul className="finding-summaries" aria-label={label}>
      {findings.map((finding) => (
        <li key={finding.id}>
          <strong>{findingPlace(t, finding.location)}</strong> {finding.message[language]}
        </li>
      ))}
    </ul>
  );
}

/** Asks before an action the house lets through once confirmed, listing what it is confirmed over. */
export function ReviewConfirm() {
  const { t } = useTranslation();
  const { review, checks, tab } = useOpenArticle();
  const { confirming, review: current } = useStore(review);
  const { findings, proofreading } = useStore(checks);
  const blockingPolicy = useSelect(useAppStores().desk, (d) => d.session.policy.blockApprovalWithOpenAnnotations);
  if (!confirming || !current) return null;
  const { concern } = confirming;
  const stage = current.state.stage;
  const settings = proofreading?.settings;
  const openCount = current.openAnnotations;
  const openLine = describeRefusal({ code: 'open-annotations', params: { count: String(openCount), blocking: 'false' } });

  if (concern === 'annotations' || !settings) {
    return (
      <Modal title={t('review.confirmOpen')} onClose={review.cancel}>
        <p>{openLine}</p>
        <div className="modal-actions">
          <button type="button" onClick={review.cancel}>
            {t('review.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => review.confirm()}>
            {t('review.confirm')}
          </button>
        </div>
      </Modal>
    );
  }

  if (concern === 'ahead') {
    const ahead = findingsAheadOfSubmit(findings, settings);
    return (
      <Modal title={t('review.confirmAheadTitle')} onClose={review.cancel}>
        <p>{t('review.confirmAhead', { count: ahead.length })}</p>
        <FindingSummaries findings={ahead} label={t('review.findingsAhead')} />
        <div className="modal-actions">
          <button type="button" onClick={review.cancel}>
            {t('review.cancel')}
          </button>
          <button type="button" onClick={() => (review.cancel(), tab.put('checks'))}>
            {t('review.showChecks')}
          </button>
          <button type="button" className="primary" onClick={() => review.confirm()}>
            {t('review.submitAnyway')}
          </button>
        </div>
      </Modal>
    );
  }

  const recommended = isReviewStage(stage) ? checksGate(findings, settings, stage).recommended : [];
  const alsoOpen = openCount > 0 && !blockingPolicy;
  return (
    <Modal title={t('review.confirmRecommendedTitle')} onClose={review.cancel}>
      <p>{t('review.confirmRecommended', { count: recommended.length })}</p>
      <FindingSummaries findings={recommended} label={t('review.findingsRecommended')} />
      {alsoOpen && <p>{openLine}</p>}
      <div className="modal-actions">
        <button type="button" onClick={review.cancel}>
          {t('review.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => review.confirm(alsoOpen ? ['annotations'] : [])}>
          {t(stage === 'third' ? 'review.signOffOver' : 'review.approveOver', { count: recommended.length })}
        </button>
      </div>
    </Modal>
  );
}

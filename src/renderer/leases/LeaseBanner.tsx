import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaseHolder } from '../../shared/contract/lease-api';
import { useAppStores } from '../app/app-stores';
import { Modal } from '../app/Modal';
import { useSelect, useStore } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import { formatWhen } from '../i18n/i18n';
import './leases.css';

/** Whether the lease lets this window edit the open article: nobody else holds it. */
export function useLeaseLetsEdit(articleId: string): boolean {
  return useSelect(useAppStores().openLease, (view) => view.articleId !== articleId || !view.holder || view.holder.mine);
}

/**
 * Someone else holds the open article: who, at which desk, since when (or that they took it over
 * from the person here), with "Take over" for a person who may edit it, after a confirmation.
 */
export function LeaseBanner() {
  const { t, i18n } = useTranslation();
  const { openLease } = useAppStores();
  const open = useOpenArticle();
  const { articleId, holder, busy } = useStore(openLease);
  const mayEdit = useSelect(open.review, (view) => view.review?.edit.ok ?? false);
  const [confirming, setConfirming] = useState(false);
  if (articleId !== open.id || !holder || holder.mine) return null;
  const words = { name: holder.name, desk: holder.deskName, time: formatWhen(holder.since, i18n.language) };
  return (
    <div className="lease-banner" role="status" aria-label={t('leases.bannerLabel')}>
      <p>
        <strong>{holder.fromYou ? t('leases.tookOver', words) : t('leases.beingEdited', words)}</strong> {holder.fromYou ? t('leases.readOnlyTaken') : mayEdit ? t('leases.readOnly') : ''}
      </p>
      {mayEdit && (
        <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
          {t('leases.takeOver')}
        </button>
      )}
      {confirming && <TakeOverConfirm holder={holder} onClose={() => setConfirming(false)} />}
    </div>
  );
}

function TakeOverConfirm({ holder, onClose }: { holder: LeaseHolder; onClose: () => void }) {
  const { t } = useTranslation();
  const { openLease } = useAppStores();
  return (
    <Modal title={t('leases.confirmTitle')} onClose={onClose}>
      <p>{t('leases.confirmText', { name: holder.name, desk: holder.deskName })}</p>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('leases.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            onClose();
            void openLease.takeOver();
          }}
        >
          {t('leases.confirmTakeOver')}
        </button>
      </div>
    </Modal>
  );
}

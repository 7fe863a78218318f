import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/article/article';
import { getBridge } from '../bridge/bridge';
import { useAppStores } from './app-stores';
import { setInterfaceLanguage } from './language';
import { useStore } from './store';

/** The workspace, who is signed in here (with their key's fingerprint), and Lock and Switch person always at hand. */
export function TopBar() {
  const { t, i18n } = useTranslation();
  const { desk, deskDialog } = useAppStores();
  const { workspace, session } = useStore(desk);
  const currentUser = session.currentUser;
  const languageId = useId();
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">审</span>
        <span className="brand-name">{t('app.title')}</span>
      </div>
      <div className="top-bar-workspace" title={workspace?.path}>
        <span className="muted">{t('app.workspace')}</span> <strong>{workspace?.name ?? '…'}</strong>
        {getBridge().host === 'electron' && (
          <button type="button" className="link-button" onClick={() => void desk.chooseWorkspace()}>
            {t('app.openWorkspace')}
          </button>
        )}
      </div>
      <div className="top-bar-end">
        {currentUser?.roles.includes('admin') && (
          <button type="button" className="top-button" onClick={() => deskDialog.put('people')}>
            {t('people.manage')}
          </button>
        )}
        {currentUser ? (
          <>
            <span className="user-chip" role="status" aria-label={t('desk.signedInAs', { name: currentUser.name })} title={session.fingerprint ? `${t('desk.fingerprint')}: ${session.fingerprint}` : undefined}>
              <span className="muted">{t('app.user')}</span> <strong>{currentUser.name}</strong>
              <span className="user-roles">{currentUser.roles.map((r) => t(`roles.${r}`)).join(' · ')}</span>
            </span>
            <button type="button" className="top-button" onClick={() => deskDialog.put('switch')}>
              {t('desk.switchPerson')}
            </button>
            <button type="button" className="top-button" onClick={() => deskDialog.put('passphrase')}>
              {t('desk.changePassphrase')}
            </button>
            <button type="button" className="top-button" title={t('desk.lockHint', { minutes: session.lockAfterMinutes })} onClick={() => void desk.lock()}>
              {t('desk.lock')}
            </button>
          </>
        ) : (
          <span className="user-chip muted">{session.status === 'ready' ? t('desk.locked') : ''}</span>
        )}
        <label htmlFor={languageId} className="visually-hidden">
          {t('app.language')}
        </label>
        <select id={languageId} value={i18n.language} onChange={(event) => void setInterfaceLanguage(event.target.value as Language)}>
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </div>
    </header>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/article/article';
import { getBridge } from '../bridge/bridge';
import { useAppStores } from './app-stores';
import { setInterfaceLanguage } from './language';
import { useStore } from './store';

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
        <button
          type="button"
          className="user-chip"
          onClick={() => deskDialog.put('picker')}
          aria-label={`${t('people.switchUser')} (${t('app.user')}: ${currentUser?.name ?? t('people.noOne')})`}
        >
          <span className="muted">{t('app.user')}</span> <strong>{currentUser?.name ?? t('people.noOne')}</strong>
          {currentUser && <span className="user-roles">{currentUser.roles.map((r) => t(`roles.${r}`)).join(' · ')}</span>}
        </button>
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

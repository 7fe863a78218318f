import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/article/article';
import type { WorkspaceInfo } from '../../shared/contract/api';

interface TopBarProps {
  workspace: WorkspaceInfo | null;
  userName: string;
  canChooseWorkspace: boolean;
  onChooseWorkspace: () => void;
  onLanguage: (language: Language) => void;
}

export function TopBar({ workspace, userName, canChooseWorkspace, onChooseWorkspace, onLanguage }: TopBarProps) {
  const { t, i18n } = useTranslation();
  const languageId = useId();
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">审</span>
        <span className="brand-name">{t('app.title')}</span>
      </div>
      <div className="top-bar-workspace" title={workspace?.path}>
        <span className="muted">{t('app.workspace')}</span> <strong>{workspace?.name ?? '…'}</strong>
        {canChooseWorkspace && (
          <button type="button" className="link-button" onClick={onChooseWorkspace}>
            {t('app.openWorkspace')}
          </button>
        )}
      </div>
      <div className="top-bar-end">
        <span className="user-chip" aria-label={`${t('app.user')}: ${userName}`}>
          <span className="muted">{t('app.user')}</span> <strong>{userName}</strong>
        </span>
        <label htmlFor={languageId} className="visually-hidden">
          {t('app.language')}
        </label>
        <select id={languageId} value={i18n.language} onChange={(event) => onLanguage(event.target.value as Language)}>
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </div>
    </header>
  );
}

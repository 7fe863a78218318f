import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Settings } from '../shared/contract/api';
import { App } from './app/App';
import { api } from './bridge/bridge';
import { initI18n, systemLanguage } from './i18n/i18n';
import './styles/app.css';

async function boot(): Promise<void> {
  const result = await api.getSettings({});
  const settings: Settings = result.ok ? result.value : { language: null, userName: '' };
  await initI18n(settings.language ?? systemLanguage());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialSettings={settings} />
    </StrictMode>,
  );
}

void boot();

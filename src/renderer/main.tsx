import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Session, Settings } from '../shared/contract/api';
import { App } from './app/App';
import { api } from './bridge/bridge';
import { initI18n, systemLanguage } from './i18n/i18n';
import './styles/app.css';

async function boot(): Promise<void> {
  const [settingsResult, sessionResult] = await Promise.all([api.getSettings({}), api.getSession({})]);
  const settings: Settings = settingsResult.ok ? settingsResult.value : { language: null };
  const session: Session = sessionResult.ok
    ? sessionResult.value
    : {
        status: 'unreadable',
        currentUser: null,
        fingerprint: null,
        lastPersonId: null,
        roster: { format: 1, people: [] },
        keys: [],
        rosterProblem: sessionResult.error.message,
        policy: { authorMayReview: false, blockApprovalWithOpenAnnotations: false },
        lockAfterMinutes: 15,
        remember: { available: false, people: [] },
        upgrade: null,
      };
  await initI18n(settings.language ?? systemLanguage());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialSession={session} />
    </StrictMode>,
  );
}

void boot();

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import { SetUpScreen } from './SetUpScreen';
import { SignInForm } from './SignInForm';
import { UpgradeScreen } from './UpgradeScreen';

/**
 * What the window shows: the one-time upgrade, a new workspace's set-up, the sign-in while
 * nobody is signed in (a locked desk shows nobody's work), or the desk itself.
 */
export function DeskGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { desk } = useAppStores();
  const status = useSelect(desk, (d) => d.session.status);
  const signedIn = useSelect(desk, (d) => d.session.currentUser !== null);
  const rosterProblem = useSelect(desk, (d) => d.session.rosterProblem);
  if (status === 'needs-upgrade') return <UpgradeScreen />;
  if (status === 'new') return <SetUpScreen />;
  if (status === 'unreadable') return null;
  if (signedIn) return <>{children}</>;
  return (
    <section className="desk-screen" aria-label={t('desk.signInTitle')}>
      <h1>{t('desk.signInTitle')}</h1>
      <p>{t('desk.signInHint')}</p>
      {rosterProblem && (
        <p className="dialog-error" role="alert">
          {t('desk.rosterProblem', { problem: rosterProblem })}
        </p>
      )}
      <SignInForm />
    </section>
  );
}

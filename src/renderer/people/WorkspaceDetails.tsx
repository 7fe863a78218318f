import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCK_AFTER_MINUTES } from '../../shared/identity/workspace-settings';
import { api } from '../bridge/bridge';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import type { AdminChange } from './PeopleDialog';

/** The workspace's root of trust (its administrators' key fingerprints) and when a desk locks itself. */
export function WorkspaceDetails({ apply }: { apply: AdminChange }) {
  const { t } = useTranslation();
  const { desk } = useAppStores();
  const workspace = useSelect(desk, (d) => d.workspace);
  const minutes = useSelect(desk, (d) => d.session.lockAfterMinutes);
  const [lockAfter, setLockAfter] = useState(String(minutes));
  const id = useId();
  return (
    <section className="workspace-details" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('people.workspaceDetails')}</h3>
      <p className="muted">{t('people.rootOfTrustHint')}</p>
      <ul className="root-of-trust" aria-label={t('people.rootOfTrust')}>
        {workspace?.admins.map((admin) => (
          <li key={admin.id}>
            <strong>{admin.name}</strong> {admin.fingerprints.map((print) => <code key={print} className="fingerprint">{print}</code>)}
          </li>
        ))}
      </ul>
      <form
        className="form-row"
        onSubmit={(event) => {
          event.preventDefault();
          void apply(api.updateWorkspaceSettings({ lockAfterMinutes: Number(lockAfter) })).then(() => void desk.load());
        }}
      >
        <label htmlFor={`${id}-lock`}>{t('people.lockAfter')}</label>
        <input id={`${id}-lock`} type="number" min={LOCK_AFTER_MINUTES.min} max={LOCK_AFTER_MINUTES.max} value={lockAfter} onChange={(event) => setLockAfter(event.target.value)} />
        <button type="submit" disabled={!Number.isInteger(Number(lockAfter)) || Number(lockAfter) === minutes}>
          {t('people.saveLockAfter')}
        </button>
      </form>
    </section>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { describeError } from '../app/error-message';
import { useSelect } from '../app/store';
import { SubmitRow } from './SubmitRow';
import { NewPassphraseFields, newPassphraseState } from './PassphraseFields';

/** The one-time upgrade of a workspace made by an earlier version, explained, run by one of its administrators. */
export function UpgradeScreen() {
  const { t } = useTranslation();
  const { desk } = useAppStores();
  const upgrade = useSelect(desk, (d) => d.session.upgrade);
  const id = useId();
  const admins = upgrade?.admins ?? [];
  const [personId, setPersonId] = useState<string | null>(admins.length === 1 ? admins[0]!.id : null);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = personId !== null && newPassphraseState(first, second).valid && !busy;
  return (
    <section className="desk-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('desk.upgradeTitle')}</h1>
      <p>{t('desk.upgradeWhy')}</p>
      <ul className="upgrade-points">
        <li>{t('desk.upgradeKept', { count: upgrade?.articles ?? 0 })}</li>
        <li>{t('desk.upgradeUnsigned')}</li>
        <li>{t('desk.upgradeAdmin')}</li>
        <li>{t('desk.upgradeOthers')}</li>
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          setBusy(true);
          void desk.upgrade(personId!, first, (failure) => setError(describeError(t, failure))).then(() => setBusy(false));
        }}
      >
        <fieldset className="people-choice">
          <legend>{t('desk.upgradeAs')}</legend>
          {admins.length === 0 && <p className="dialog-error">{t('desk.upgradeNoAdmin')}</p>}
          {admins.map((admin) => (
            <label key={admin.id} className={admin.id === personId ? 'is-chosen' : undefined}>
              <input type="radio" name={`${id}-admin`} checked={admin.id === personId} onChange={() => setPersonId(admin.id)} />
              <span className="person-name">{admin.name}</span>
            </label>
          ))}
        </fieldset>
        <NewPassphraseFields first={first} second={second} onFirst={setFirst} onSecond={setSecond} />
        <SubmitRow error={error} ready={ready} busy={busy} label={t('desk.upgrade')} busyLabel={t('desk.upgrading')} />
      </form>
    </section>
  );
}

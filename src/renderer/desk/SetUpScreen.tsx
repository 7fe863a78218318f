import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { describeError } from '../app/error-message';
import { SubmitRow } from './SubmitRow';
import { NewPassphraseFields, newPassphraseState } from './PassphraseFields';

/** A new workspace's first person: their name and the passphrase of the key that becomes its root of trust. */
export function SetUpScreen() {
  const { t } = useTranslation();
  const { desk } = useAppStores();
  const nameId = useId();
  const [name, setName] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = name.trim() !== '' && newPassphraseState(first, second).valid && !busy;
  return (
    <section className="desk-screen" aria-labelledby={`${nameId}-title`}>
      <h1 id={`${nameId}-title`}>{t('desk.setUpTitle')}</h1>
      <p>{t('desk.setUpHint')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          setBusy(true);
          void desk.setUp(name, first, (failure) => setError(describeError(t, failure))).then(() => setBusy(false));
        }}
      >
        <div className="form-row">
          <label htmlFor={nameId}>{t('desk.yourName')}</label>
          <input id={nameId} value={name} maxLength={80} autoComplete="name" onChange={(event) => setName(event.target.value)} />
        </div>
        <NewPassphraseFields first={first} second={second} onFirst={setFirst} onSecond={setSecond} />
        <SubmitRow error={error} ready={ready} busy={busy} label={t('desk.setUp')} busyLabel={t('desk.signingIn')} />
      </form>
    </section>
  );
}

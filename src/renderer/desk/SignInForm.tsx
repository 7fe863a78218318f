import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { describeError } from '../app/error-message';
import { useSelect } from '../app/store';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { NewPassphraseFields, newPassphraseState, PassphraseInput } from './PassphraseFields';

/**
 * Choosing who you are and proving it: your passphrase, or at your first sign-in the enrolment
 * code an administrator gave you and the passphrase you choose. Refusals are shown here.
 */
export function SignInForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { desk } = useAppStores();
  const session = useSelect(desk, (d) => d.session);
  const people = session.roster.people.filter((person) => person.active);
  const keyOf = (id: string | null) => session.keys.find((keys) => keys.id === id);
  const initial = people.some((person) => person.id === session.lastPersonId) ? session.lastPersonId : people.length === 1 ? people[0]!.id : null;
  const [personId, setPersonId] = useState<string | null>(initial);
  const [firstTime, setFirstTime] = useState(() => !keyOf(initial)?.fingerprint);
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const groupId = useId();
  const codeId = useId();
  const person = people.find((candidate) => candidate.id === personId) ?? null;
  const remembered = person !== null && session.remember.people.includes(person.id);

  const choose = (id: string) => {
    setPersonId(id);
    setFirstTime(!keyOf(id)?.fingerprint);
    setPassphrase('');
    setError(null);
  };
  const run = async (attempt: (report: (failure: unknown) => void) => Promise<boolean>) => {
    setBusy(true);
    setError(null);
    const ok = await attempt((failure) => setError(describeError(t, failure)));
    setBusy(false);
    if (ok) onDone?.();
  };
  const submit = () => {
    if (!person) return;
    if (firstTime) void run((report) => desk.firstSignIn(person.id, code, first, report));
    else void run((report) => desk.signIn(person.id, passphrase, { remember, report }));
  };
  const ready = person !== null && !busy && (firstTime ? code.trim() !== '' && newPassphraseState(first, second).valid : passphrase !== '');

  return (
    <form
      className="sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) submit();
      }}
    >
      <fieldset className="people-choice" aria-describedby={`${groupId}-hint`}>
        <legend>{t('desk.person')}</legend>
        <p id={`${groupId}-hint`} className="muted">
          {t('desk.personHint')}
        </p>
        {people.map((candidate) => (
          <label key={candidate.id} className={candidate.id === personId ? 'is-chosen' : undefined}>
            <input type="radio" name={groupId} checked={candidate.id === personId} onChange={() => choose(candidate.id)} />
            <span className="person-name">{candidate.name}</span>
            <span className="person-roles">{candidate.roles.map((role) => t(`roles.${role}`)).join(' · ')}</span>
          </label>
        ))}
      </fieldset>
      {person && !firstTime && (
        <>
          <PassphraseInput label={t('desk.passphraseOf', { name: person.name })} value={passphrase} onChange={setPassphrase} autoFocus />
          {session.remember.available && (
            <label className="check-row">
              <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} /> {t('desk.remember')}
            </label>
          )}
        </>
      )}
      {person && firstTime && (
        <>
          <p className="muted">{t('desk.firstSignInHint')}</p>
          <div className="form-row">
            <label htmlFor={codeId}>{t('desk.enrolmentCode')}</label>
            <input id={codeId} value={code} autoComplete="one-time-code" spellCheck={false} maxLength={64} placeholder="XXXX-XXXX-XXXX-XXXX-XXXX" onChange={(event) => setCode(event.target.value)} />
          </div>
          <NewPassphraseFields first={first} second={second} onFirst={setFirst} onSecond={setSecond} />
        </>
      )}
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        {person && (
          <button type="button" className="link-button" onClick={() => setFirstTime(!firstTime)}>
            {firstTime ? t('desk.havePassphrase') : t('desk.haveCode')}
          </button>
        )}
        {remembered && (
          <>
            <button type="button" disabled={busy} onClick={() => void run((report) => desk.signIn(person.id, undefined, { report }))}>
              {t('desk.rememberedSignIn')}
            </button>
            <button type="button" className="link-button" onClick={() => void desk.apply(() => unwrap(api.forgetRemembered({ personId: person.id })), { personMayChange: false })}>
              {t('desk.forget')}
            </button>
          </>
        )}
        {onDone && (
          <button type="button" onClick={onDone}>
            {t('desk.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={!ready}>
          {busy ? t('desk.signingIn') : t('desk.signIn')}
        </button>
      </div>
    </form>
  );
}

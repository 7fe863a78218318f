import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_LIMITS, passphraseLength } from '../../shared/identity/passphrase';

/** A new passphrase, typed twice; `valid` once both agree and it is long enough. */
export function newPassphraseState(first: string, second: string): { valid: boolean; problem: 'short' | 'differ' | null } {
  if (first === '' && second === '') return { valid: false, problem: null };
  if (passphraseLength(first) < PASSPHRASE_LIMITS.min) return { valid: false, problem: 'short' };
  if (first !== second) return { valid: false, problem: second === '' ? null : 'differ' };
  return { valid: true, problem: null };
}

export function PassphraseInput({ label, value, onChange, autoFocus, autoComplete = 'current-password' }: { label: string; value: string; onChange: (value: string) => void; autoFocus?: boolean; autoComplete?: string }) {
  const id = useId();
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" value={value} autoComplete={autoComplete} autoFocus={autoFocus} maxLength={PASSPHRASE_LIMITS.max} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** A passphrase the person chooses: typed twice, with what is wrong with it said as they type. */
export function NewPassphraseFields({ first, second, onFirst, onSecond }: { first: string; second: string; onFirst: (value: string) => void; onSecond: (value: string) => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const { problem } = newPassphraseState(first, second);
  return (
    <>
      <PassphraseInput label={t('desk.newPassphrase')} value={first} onChange={onFirst} autoComplete="new-password" />
      <PassphraseInput label={t('desk.repeatPassphrase')} value={second} onChange={onSecond} autoComplete="new-password" />
      <p id={hintId} className={problem ? 'field-problem' : 'muted'} role={problem ? 'status' : undefined}>
        {problem === 'differ' ? t('desk.passphrasesDiffer') : t('desk.passphraseHint', { min: PASSPHRASE_LIMITS.min })}
      </p>
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../app/Modal';
import { useAppStores } from '../app/app-stores';
import { describeError } from '../app/error-message';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { NewPassphraseFields, newPassphraseState, PassphraseInput } from './PassphraseFields';

/** The signed-in person changes their passphrase; the key stays the same. */
export function ChangePassphraseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { desk } = useAppStores();
  const [current, setCurrent] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = current !== '' && newPassphraseState(first, second).valid && !busy;
  return (
    <Modal title={t('desk.changePassphrase')} onClose={onClose}>
      {done ? (
        <p role="status">{t('desk.passphraseChanged')}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!ready) return;
            setBusy(true);
            void desk
              .apply(() => unwrap(api.changePassphrase({ current, next: first })), { personMayChange: false, report: (failure) => setError(describeError(t, failure)) })
              .then((ok) => {
                setBusy(false);
                setDone(ok);
              });
          }}
        >
          <PassphraseInput label={t('desk.currentPassphrase')} value={current} onChange={setCurrent} autoFocus />
          <NewPassphraseFields first={first} second={second} onFirst={setFirst} onSecond={setSecond} />
          <p className="muted">{t('desk.passphraseNotKey')}</p>
          {error && (
            <p className="dialog-error" role="alert">
              {error}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              {t('desk.cancel')}
            </button>
            <button type="submit" className="primary" disabled={!ready}>
              {t('desk.changePassphrase')}
            </button>
          </div>
        </form>
      )}
      {done && (
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('people.close')}
          </button>
        </div>
      )}
    </Modal>
  );
}

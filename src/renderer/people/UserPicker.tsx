import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../shared/contract/api';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { Modal } from '../app/Modal';
import { useErrorReporter } from '../app/error-context';

/** Shared desk machines: whoever sits down says who they are. */
export function UserPicker({ session, onChosen, onClose }: { session: Session; onChosen: (session: Session) => void; onClose?: () => void }) {
  const { t } = useTranslation();
  const reportError = useErrorReporter();
  const nameId = useId();
  const [name, setName] = useState('');
  const people = session.roster.people.filter((p) => p.active);
  // An unreadable newsroom list is not an empty one: the workspace banner names the file, and nobody is asked to start afresh.
  if (session.rosterProblem) return null;

  if (session.roster.people.length === 0) {
    return (
      <Modal title={t('people.firstPersonTitle')}>
        <p>{t('people.firstPersonHint')}</p>
        <form
          className="form-row"
          onSubmit={(event) => {
            event.preventDefault();
            void unwrap(api.createFirstPerson({ name })).then(onChosen, reportError);
          }}
        >
          <label htmlFor={nameId}>{t('people.yourName')}</label>
          <input id={nameId} value={name} maxLength={80} required onChange={(event) => setName(event.target.value)} />
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('people.start')}
          </button>
        </form>
      </Modal>
    );
  }

  return (
    <Modal title={t('people.whoIsWorking')} onClose={onClose}>
      <p>{t('people.whoHint')}</p>
      <ul className="people-choice">
        {people.map((person) => (
          <li key={person.id}>
            <button
              type="button"
              aria-current={person.id === session.currentUser?.id ? 'true' : undefined}
              onClick={() => void unwrap(api.setCurrentUser({ id: person.id })).then(onChosen, reportError)}
            >
              <span className="person-name">{person.name}</span>
              <span className="person-roles">{person.roles.map((role) => t(`roles.${role}`)).join(' · ')}</span>
            </button>
          </li>
        ))}
      </ul>
      {onClose && (
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('people.close')}
          </button>
        </div>
      )}
    </Modal>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { Modal } from '../app/Modal';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';

/** Shared desk machines: whoever sits down in this window says who they are. */
export function UserPicker({ onClose }: { onClose?: () => void }) {
  const { t } = useTranslation();
  const { desk, deskDialog } = useAppStores();
  const session = useSelect(desk, (d) => d.session);
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
            void desk.apply(() => unwrap(api.createFirstPerson({ name })));
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
              onClick={() => void desk.switchTo(person.id).then((ok) => ok && deskDialog.put(null))}
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

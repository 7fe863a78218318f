import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../shared/review/people';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { Modal } from '../app/Modal';
import { RulesSettings } from './RulesSettings';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import type { Session } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';
import { ErrorContext } from '../app/error-context';
import { describeError } from '../app/error-message';

const FIRST_ROLES: Role[] = ['reporter'];

/** The administrator's screen: the newsroom list, each person's roles, and the workspace rules. */
export function PeopleDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { desk } = useAppStores();
  const session = useSelect(desk, (d) => d.session);
  const nameId = useId();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(FIRST_ROLES);
  // Refusals are shown here, in the dialog, not behind it; what was typed stays.
  const [error, setError] = useState<string | null>(null);
  const report = (failure: unknown) => setError(describeError(t, failure));
  const apply = async (pending: Promise<Result<Session>>) => {
    const ok = await desk.apply(() => unwrap(pending), { personMayChange: false, report });
    if (ok) setError(null);
    return ok;
  };

  const toggle = (list: Role[], role: Role, on: boolean) => (on ? [...list, role] : list.filter((r) => r !== role));

  return (
    <Modal title={t('people.dialogTitle')} onClose={onClose} className="modal-wide">
      <ErrorContext.Provider value={report}>
        {error && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}
        <table className="people-table">
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th>
              {ROLES.map((role) => (
                <th scope="col" key={role}>
                  {t(`roles.${role}`)}
                </th>
              ))}
              <th scope="col">{t('people.active')}</th>
            </tr>
          </thead>
          <tbody>
            {session.roster.people.map((person) => (
              <tr key={person.id} className={person.active ? undefined : 'is-inactive'}>
                <th scope="row">{person.name}</th>
                {ROLES.map((role) => (
                  <td key={role}>
                    <input
                      type="checkbox"
                      aria-label={t('people.roleOf', { role: t(`roles.${role}`), name: person.name })}
                      checked={person.roles.includes(role)}
                      onChange={(event) => void apply(api.updatePerson({ id: person.id, roles: toggle(person.roles, role, event.target.checked) }))}
                    />
                  </td>
                ))}
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('people.activeOf', { name: person.name })}
                    checked={person.active}
                    onChange={(event) => void apply(api.updatePerson({ id: person.id, active: event.target.checked }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <form
          className="add-person"
          onSubmit={(event) => {
            event.preventDefault();
            void apply(api.addPerson({ name, roles })).then((ok) => {
              if (!ok) return;
              setName('');
              setRoles(FIRST_ROLES);
            });
          }}
        >
          <h3>{t('people.addPerson')}</h3>
          <div className="form-row">
            <label htmlFor={nameId}>{t('people.newName')}</label>
            <input id={nameId} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
          </div>
          <fieldset className="role-choices">
            <legend>{t('people.roles')}</legend>
            {ROLES.map((role) => (
              <label key={role}>
                <input type="checkbox" checked={roles.includes(role)} onChange={(event) => setRoles(toggle(roles, role, event.target.checked))} />
                {t(`roles.${role}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('people.add')}
          </button>
        </form>

        <fieldset className="policy">
          <legend>{t('people.rules')}</legend>
          <label>
            <input
              type="checkbox"
              checked={session.policy.authorMayReview}
              onChange={(event) => void apply(api.updatePolicy({ authorMayReview: event.target.checked }))}
            />
            {t('people.authorMayReview')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={session.policy.blockApprovalWithOpenAnnotations}
              onChange={(event) => void apply(api.updatePolicy({ blockApprovalWithOpenAnnotations: event.target.checked }))}
            />
            {t('people.blockOpenAnnotations')}
          </label>
        </fieldset>
        <RulesSettings />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('people.close')}
          </button>
        </div>
      </ErrorContext.Provider>
    </Modal>
  );
}

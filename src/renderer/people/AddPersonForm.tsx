import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../shared/review/people';
import { api } from '../bridge/bridge';
import type { AdminChange } from './PeopleDialog';

const FIRST_ROLES: Role[] = ['reporter'];

/** A new person and their roles; their enrolment code is shown once they are added. */
export function AddPersonForm({ apply }: { apply: AdminChange }) {
  const { t } = useTranslation();
  const nameId = useId();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(FIRST_ROLES);
  const toggle = (role: Role, on: boolean) => setRoles(on ? [...roles, role] : roles.filter((r) => r !== role));
  return (
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
            <input type="checkbox" checked={roles.includes(role)} onChange={(event) => toggle(role, event.target.checked)} />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={!name.trim()}>
        {t('people.add')}
      </button>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import { ROLES, type Person, type Role } from '../../shared/review/people';
import type { PersonKeys } from '../../shared/contract/api';
import { api } from '../bridge/bridge';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import { formatWhen } from '../i18n/i18n';
import type { AdminChange } from './PeopleDialog';

const toggle = (list: Role[], role: Role, on: boolean) => (on ? [...list, role] : list.filter((r) => r !== role));

/** Each person's key as the roster binds it: its fingerprint, or a first sign-in still to come. */
function KeyCell({ keys }: { keys: PersonKeys | undefined }) {
  const { t, i18n } = useTranslation();
  if (keys?.fingerprint) return <code className="fingerprint">{keys.fingerprint}</code>;
  if (keys?.enrolmentExpiresAt) return <span className="muted">{t('people.waitingForSignIn', { when: formatWhen(keys.enrolmentExpiresAt, i18n.language) })}</span>;
  return <span className="muted">{t('people.noKey')}</span>;
}

export function PeopleTable({ apply }: { apply: AdminChange }) {
  const { t } = useTranslation();
  const session = useSelect(useAppStores().desk, (d) => d.session);
  const keysOf = (person: Person) => session.keys.find((keys) => keys.id === person.id);
  const revoke = (person: Person) => {
    const reason = window.prompt(t('people.revokeReason', { name: person.name }));
    if (reason !== null) void apply(api.revokeKey({ personId: person.id, reason }));
  };
  return (
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
          <th scope="col">{t('people.key')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('people.keyActions')}</span>
          </th>
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
            <td>
              <KeyCell keys={keysOf(person)} />
            </td>
            <td className="key-actions">
              <button type="button" className="link-button" onClick={() => void apply(api.issueEnrolment({ personId: person.id }))}>
                <span aria-hidden="true">{t('people.newCode')}</span>
                <span className="visually-hidden">{t('people.newCodeFor', { name: person.name })}</span>
              </button>
              {keysOf(person)?.fingerprint && (
                <button type="button" className="link-button" onClick={() => revoke(person)}>
                  <span aria-hidden="true">{t('people.revoke')}</span>
                  <span className="visually-hidden">{t('people.revokeFor', { name: person.name })}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useTranslation } from 'react-i18next';
import type { Enrolment } from '../../shared/contract/api';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import { formatWhen } from '../i18n/i18n';

/** The one-time enrolment code, shown once: the administrator hands it over; it is never stored. */
export function EnrolmentNotice({ enrolment, onDone }: { enrolment: Enrolment; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const name = useSelect(useAppStores().desk, (d) => d.session.roster.people.find((person) => person.id === enrolment.personId)?.name ?? '');
  return (
    <section className="enrolment-code" role="status" aria-label={t('people.codeFor', { name })}>
      <p>{t('people.codeIntro', { name })}</p>
      <p className="code" aria-label={t('people.code')}>
        {enrolment.code}
      </p>
      <p className="muted">{t('people.codeHint', { when: formatWhen(enrolment.expiresAt, i18n.language) })}</p>
      <button type="button" onClick={onDone}>
        {t('people.codeHandedOver')}
      </button>
    </section>
  );
}

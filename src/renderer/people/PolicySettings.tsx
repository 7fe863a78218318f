import { useTranslation } from 'react-i18next';
import { api } from '../bridge/bridge';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import type { AdminChange } from './PeopleDialog';

/** The house rules the review chain reads, each change signed by the administrator. */
export function PolicySettings({ apply }: { apply: AdminChange }) {
  const { t } = useTranslation();
  const policy = useSelect(useAppStores().desk, (d) => d.session.policy);
  return (
    <fieldset className="policy">
      <legend>{t('people.rules')}</legend>
      <label>
        <input type="checkbox" checked={policy.authorMayReview} onChange={(event) => void apply(api.updatePolicy({ authorMayReview: event.target.checked }))} />
        {t('people.authorMayReview')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={policy.blockApprovalWithOpenAnnotations}
          onChange={(event) => void apply(api.updatePolicy({ blockApprovalWithOpenAnnotations: event.target.checked }))}
        />
        {t('people.blockOpenAnnotations')}
      </label>
    </fieldset>
  );
}

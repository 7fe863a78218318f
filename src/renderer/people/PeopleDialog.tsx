import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment, Session } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';
import { unwrap } from '../bridge/use-call';
import { Modal } from '../app/Modal';
import { useAppStores } from '../app/app-stores';
import { ErrorContext } from '../app/error-context';
import { describeError } from '../app/error-message';
import { AddPersonForm } from './AddPersonForm';
import { EnrolmentNotice } from './EnrolmentNotice';
import { PeopleTable } from './PeopleTable';
import { PolicySettings } from './PolicySettings';
import { RulesSettings } from './RulesSettings';
import { WorkspaceDetails } from './WorkspaceDetails';

/** A change the administrator makes: the new session, or the session with an enrolment code to show once. */
export type AdminChange = (pending: Promise<Result<Session | { session: Session; enrolment: Enrolment }>>) => Promise<boolean>;

/** The administrator's screen: the newsroom list with each person's roles and key, enrolment codes, the workspace rules and its root of trust. */
export function PeopleDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { desk } = useAppStores();
  // Refusals are shown here, in the dialog, not behind it; what was typed stays.
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Enrolment | null>(null);
  const report = (failure: unknown) => setError(describeError(t, failure));
  const apply: AdminChange = async (pending) => {
    let enrolment: Enrolment | null = null;
    const ok = await desk.apply(
      async () => {
        const answer = await unwrap(pending);
        if ('enrolment' in answer) {
          enrolment = answer.enrolment;
          return answer.session;
        }
        return answer;
      },
      { personMayChange: false, report },
    );
    if (ok) setError(null);
    if (enrolment) setIssued(enrolment);
    return ok;
  };

  return (
    <Modal title={t('people.dialogTitle')} onClose={onClose} className="modal-wide">
      <ErrorContext.Provider value={report}>
        {error && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}
        {issued && <EnrolmentNotice enrolment={issued} onDone={() => setIssued(null)} />}
        <PeopleTable apply={apply} />
        <AddPersonForm apply={apply} />
        <PolicySettings apply={apply} />
        <WorkspaceDetails apply={apply} />
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

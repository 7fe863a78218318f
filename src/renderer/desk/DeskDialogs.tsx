import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { Modal } from '../app/Modal';
import { useStore } from '../app/store';
import { PeopleDialog } from '../people/PeopleDialog';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { SignInForm } from './SignInForm';

/** The desk's dialogs: switching person (the next person signs in), changing one's passphrase, the administrator's people and rules. */
export function DeskDialogs() {
  const { t } = useTranslation();
  const { deskDialog } = useAppStores();
  const dialog = useStore(deskDialog);
  const close = () => deskDialog.put(null);
  if (dialog === 'switch') {
    return (
      <Modal title={t('desk.switchTitle')} onClose={close}>
        <p className="muted">{t('desk.switchHint')}</p>
        <SignInForm onDone={close} />
      </Modal>
    );
  }
  if (dialog === 'passphrase') return <ChangePassphraseDialog onClose={close} />;
  if (dialog === 'people') return <PeopleDialog onClose={close} />;
  return null;
}

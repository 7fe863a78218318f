import { useAppStores } from '../app/app-stores';
import { useSelect, useStore } from '../app/store';
import { PeopleDialog } from '../people/PeopleDialog';
import { UserPicker } from '../people/UserPicker';

/** Who is working here (asked until someone is), and the administrator's people and rules. */
export function DeskDialogs() {
  const { desk, deskDialog } = useAppStores();
  const dialog = useStore(deskDialog);
  const someone = useSelect(desk, (d) => d.session.currentUser !== null);
  const close = () => deskDialog.put(null);
  if (dialog === 'picker' || !someone) return <UserPicker onClose={someone ? close : undefined} />;
  if (dialog === 'people') return <PeopleDialog onClose={close} />;
  return null;
}

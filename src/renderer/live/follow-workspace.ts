import i18next from 'i18next';
import { arrivals } from '../../shared/library/arrivals';
import { mergeChanges, type ChangeParts } from '../../shared/live/workspace-change';
import type { AppStores } from '../app/app-stores';
import { api, getBridge } from '../bridge/bridge';
import { arrivalText } from './ArrivalNotices';

/**
 * What this window shows follows what other desks do, without a reload: each change on the
 * feed refreshes the newsroom list, the library with its queues and open annotations, and the
 * open article (see OpenedStore.arrived); articles that came into "Waiting for me" or
 * "Returned to me" are announced (on the page, and by the desktop while its window is not in
 * front). Changes that come while one is applied are applied together next. The folder is
 * looked at again whenever the window gains focus.
 */
export function followWorkspace(stores: AppStores): () => void {
  const bridge = getBridge();
  let pending: ChangeParts | null = null;
  let applying = false;

  const apply = async (change: ChangeParts) => {
    const { desk, library, opened } = stores;
    const person = desk.person;
    const before = library.get().noticed;
    const whole = change.everything || change.roster || change.workspace;
    // A lease renewed or taken elsewhere changes only what shows leases.
    if (change.leases || whole) void stores.leases.refresh();
    if (!whole && change.articles.length === 0) return;
    if (whole) await desk.load();
    // A locked desk shows only the sign-in, which the newsroom list just refreshed.
    if (!desk.person) return;
    await library.refreshAll();
    const open = opened.current;
    if (open && (whole || change.articles.includes(open.id))) await opened.arrived();
    // Only news for the person who was here before and still is, and who had a library to compare with.
    if (!person || desk.person?.id !== person.id || !library.get().loaded) return;
    const news = arrivals(before, library.get().noticed, person, desk.get().session.policy);
    stores.arrivals.add(news);
    for (const arrival of news) bridge.notify?.({ title: i18next.t('app.title'), body: arrivalText(i18next.t, arrival) });
  };

  const drain = async () => {
    applying = true;
    while (pending) {
      const change = pending;
      pending = null;
      try {
        await apply(change);
      } catch (error) {
        stores.report(error);
      }
    }
    applying = false;
  };

  const off = bridge.onWorkspaceChange((change) => {
    pending = pending ? mergeChanges(pending, change) : change;
    if (!applying) void drain();
  });
  const onFocus = () => void api.rescanWorkspace({});
  window.addEventListener('focus', onFocus);
  const stopRenewing = stores.openLease.start();
  void stores.leases.refresh();
  return () => {
    off();
    stopRenewing();
    window.removeEventListener('focus', onFocus);
  };
}

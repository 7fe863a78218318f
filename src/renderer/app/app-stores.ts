import i18next from 'i18next';
import { createContext, useContext } from 'react';
import type { Session } from '../../shared/contract/api';
import { OpenedStore } from '../article/opened-store';
import { DeskStore } from '../desk/desk-store';
import { CallFailed } from '../bridge/use-call';
import { draftKey, DraftsStore } from '../drafts/drafts-store';
import { LibraryStore } from '../library/library-store';
import { ArrivalsStore } from '../live/arrivals-store';
import { Commands } from './commands';
import { interfaceLanguage } from './error-message';
import { ErrorsStore } from './errors-store';
import { setInterfaceLanguage } from './language';
import { Value } from './store';

/** Every store of the window, made once; features read the ones they need. */
export interface AppStores {
  errors: ErrorsStore;
  /** Reports an error to the banner; a refusal because the window was locked shows the sign-in instead. */
  report: (error: unknown) => void;
  commands: Commands;
  desk: DeskStore;
  library: LibraryStore;
  opened: OpenedStore;
  drafts: DraftsStore;
  /** What arrived for the person here from other desks. */
  arrivals: ArrivalsStore;
  /** Which of the desk's dialogs is open: switching person, changing one's passphrase, or the people and rules. */
  deskDialog: Value<DeskDialog>;
}

export type DeskDialog = 'switch' | 'passphrase' | 'people' | null;

/** The main process locked this window (idle, or a key revoked): the desk is read again and shows the sign-in. */
function isLocked(error: unknown): boolean {
  return error instanceof CallFailed && error.error.refusal?.code === 'locked';
}

export function createAppStores(session: Session): AppStores {
  const errors = new ErrorsStore();
  const report = (error: unknown) => {
    if (isLocked(error)) void desk.load();
    else errors.report(error);
  };
  const desk: DeskStore = new DeskStore(session, report);
  const library = new LibraryStore(report);
  const drafts = new DraftsStore();
  const arrivals = new ArrivalsStore();
  const opened = new OpenedStore({
    report,
    sent: (articleId, field) => drafts.clear(draftKey(desk.person?.id ?? '', articleId, field)),
    saved: library.saved,
    changed: () => void library.refreshAll(),
    refreshLibrary: library.refresh,
    words: { selectFirst: () => new Error(i18next.t('annotations.selectFirst')), fixFailed: () => new Error(i18next.t('checks.fixFailed')) },
  });

  // Whoever leaves, what they typed is saved under their name; whoever arrives sees the article with their rights.
  desk.on('leaving', opened.suspend);
  desk.on('settled', opened.resume);
  desk.on('person-changed', arrivals.clear);
  desk.on('person-changed', library.refreshAll);
  desk.on('workspace-changed', async () => {
    opened.forget();
    await library.refreshAll();
  });
  const commands = new Commands();
  commands.on('new-article', () => void opened.create(interfaceLanguage()));
  commands.on('save', () => void opened.current?.session.recordVersion('save'));
  commands.on('workspace-changed', () => void desk.workspaceChanged());
  commands.on('language-zh-CN', () => void setInterfaceLanguage('zh-CN'));
  commands.on('language-en', () => void setInterfaceLanguage('en'));
  const deskDialog = new Value<DeskDialog>(null);
  return { errors, report, commands, desk, library, opened, deskDialog, drafts, arrivals };
}

export const AppStoresContext = createContext<AppStores | null>(null);

export function useAppStores(): AppStores {
  const stores = useContext(AppStoresContext);
  if (!stores) throw new Error('useAppStores outside the app');
  return stores;
}

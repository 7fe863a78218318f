import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../shared/contract/api';
import { ArticlePage } from '../article/ArticlePage';
import { DeskDialogs } from '../desk/DeskDialogs';
import { DeskGate } from '../desk/DeskGate';
import { FindHost } from '../find/FindBar';
import { LibrarySidebar } from '../library/LibrarySidebar';
import { ArrivalNotices } from '../live/ArrivalNotices';
import { followWorkspace } from '../live/follow-workspace';
import { AppStoresContext, createAppStores, useAppStores } from './app-stores';
import { ErrorBanner } from './ErrorBanner';
import { ErrorContext } from './error-context';
import { useSelect, useStore } from './store';
import { TopBar } from './TopBar';
import { focusBody, GO_TO_BODY, useWindowEvents } from './use-window-events';
import { WorkspaceProblems } from './WorkspaceProblems';
import { ariaShortcut, shortcutText } from '../editor/shortcuts';

/** The first stop of the Tab key (and Ctrl/Cmd+Alt+B from anywhere): straight to the article's text. */
function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#article-body"
      aria-keyshortcuts={ariaShortcut(GO_TO_BODY)}
      onClick={(event) => {
        event.preventDefault();
        focusBody();
      }}
    >
      {t('app.skipToBody', { keys: shortcutText(GO_TO_BODY) })}
    </a>
  );
}

/**
 * Signing in replaces the form that had the focus; rather than let it fall to the page body, the
 * window's start takes it, so the first Tab reaches the skip link as on a fresh page.
 */
function useFocusStartOnSignIn(start: RefObject<HTMLElement | null>) {
  const signedIn = useSelect(useAppStores().desk, (d) => d.session.currentUser !== null);
  useEffect(() => {
    if (signedIn && (document.activeElement === null || document.activeElement === document.body)) start.current?.focus();
  }, [signedIn, start]);
}

function Shell({ children }: { children: ReactNode }) {
  const start = useRef<HTMLDivElement>(null);
  useFocusStartOnSignIn(start);
  return (
    <div className="app-shell" ref={start} tabIndex={-1}>
      {children}
    </div>
  );
}

function ArticlePane() {
  const { t } = useTranslation();
  const { open, loadingId } = useStore(useAppStores().opened);
  return (
    <main className="workspace-pane">
      {open ? <ArticlePage key={`${open.id}-${open.loadedAt}`} open={open} /> : <div className="empty-state">{loadingId ? t('editor.loading') : t('app.nothingOpen')}</div>}
    </main>
  );
}

/** The window: its stores, made once, and the top bar, library and article pane that read them. */
export function App({ initialSession }: { initialSession: Session }) {
  const [stores] = useState(() => createAppStores(initialSession));
  useWindowEvents(stores);
  useEffect(() => {
    // The library is read once someone is signed in (then again whenever the person changes).
    void stores.desk.load().then(() => stores.desk.person && stores.library.refreshAll());
    const stopFollowing = followWorkspace(stores);
    const stopWatchingIdle = stores.desk.watchIdle();
    return () => {
      stopFollowing();
      stopWatchingIdle();
    };
  }, [stores]);
  return (
    <AppStoresContext.Provider value={stores}>
      <ErrorContext.Provider value={stores.report}>
        <Shell>
          <SkipLink />
          <TopBar />
          <ErrorBanner errors={stores.errors} />
          <WorkspaceProblems />
          <DeskGate>
            <ArrivalNotices />
            <FindHost commands={stores.commands} />
            <div className="app-main">
              <LibrarySidebar />
              <ArticlePane />
            </div>
          </DeskGate>
        </Shell>
        <DeskDialogs />
      </ErrorContext.Provider>
    </AppStoresContext.Provider>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, Language } from '../../shared/article/article';
import type { ArticleList, ArticleReview, OpenAnnotation, Session, Settings, TrashEntry, WorkspaceInfo } from '../../shared/contract/api';
import type { MenuCommand } from '../../shared/contract/bridge';
import { api, getBridge } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { ArticleSession } from '../editor/article-session';
import { ArticleEditor } from '../editor/ArticleEditor';
import { FindBar } from '../find/FindBar';
import { changeLanguage } from '../i18n/i18n';
import { importDocument, isImportable } from '../import/import-document';
import { LibrarySidebar } from '../library/LibrarySidebar';
import { ErrorBanner } from './ErrorBanner';
import { ErrorContext } from './error-context';
import { describeError } from './error-message';
import { PeopleDialog } from '../people/PeopleDialog';
import { UserPicker } from '../people/UserPicker';
import { SessionContext } from './session-context';
import { TopBar } from './TopBar';
import { WorkspaceProblems } from './WorkspaceProblems';

interface OpenArticle {
  article: Article;
  session: ArticleSession;
  review: ArticleReview | null;
  revealMark: string | null;
  /** Changes whenever the article is (re)loaded, so the editor starts from what is stored. */
  loadedAt: number;
}

/** The article and its review state together, so the editor knows who may edit from the start. */
async function fetchArticle(id: string): Promise<{ article: Article; review: ArticleReview | null }> {
  const [article, review] = await Promise.all([unwrap(api.getArticle({ id })), api.getReview({ id })]);
  return { article, review: review.ok ? review.value : null };
}

export function App({ initialSettings, initialSession }: { initialSettings: Settings; initialSession: Session }) {
  const { t, i18n } = useTranslation();
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [, setSettings] = useState(initialSettings);
  const [desk, setDesk] = useState<Session>(initialSession);
  const [picking, setPicking] = useState(initialSession.currentUser === null);
  const [managing, setManaging] = useState(false);
  const [openAnnotations, setOpenAnnotations] = useState<OpenAnnotation[]>([]);
  const [library, setLibrary] = useState<ArticleList>({ articles: [], damaged: [] });
  const [trash, setTrash] = useState<TrashEntry[]>([]);
  const [open, setOpen] = useState<OpenArticle | null>(null);
  const [loadingId, setLoadingId] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [findOpen, setFindOpen] = useState(false);
  const openRef = useRef<OpenArticle | null>(null);
  openRef.current = open;

  const reportError = useCallback((error: unknown) => setErrors((list) => [...list, describeError(t, error)].slice(-4)), [t]);

  const refreshLibrary = useCallback(async () => {
    try {
      setLibrary(await unwrap(api.listArticles({})));
    } catch (error) {
      reportError(error);
    }
  }, [reportError]);

  const refreshTrash = useCallback(async () => {
    try {
      setTrash(await unwrap(api.listTrash({})));
    } catch (error) {
      reportError(error);
    }
  }, [reportError]);

  const onSaved = useCallback((saved: Pick<Article, 'id' | 'updatedAt' | 'updatedBy' | 'headline' | 'channel'>) => {
    setLibrary((current) => {
      const before = current.articles.find((a) => a.id === saved.id);
      // Re-render the library only for what it shows: the headline, the channel, the minute of the change.
      const unchanged =
        before &&
        before.headline === saved.headline &&
        before.channel.join('>') === saved.channel.join('>') &&
        before.updatedBy === saved.updatedBy &&
        before.updatedAt.slice(0, 16) === saved.updatedAt.slice(0, 16);
      if (unchanged) return current;
      return {
        ...current,
        articles: current.articles
          .map((a) => (a.id === saved.id ? { ...a, headline: saved.headline, channel: saved.channel, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy } : a))
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
      };
    });
  }, []);

  const closeCurrent = useCallback(async () => {
    const current = openRef.current;
    if (current) await current.session.close();
  }, []);

  const refreshOpenAnnotations = useCallback(async () => {
    try {
      setOpenAnnotations(await unwrap(api.listOpenAnnotations({})));
    } catch (error) {
      reportError(error);
    }
  }, [reportError]);

  const openArticle = useCallback(
    async (id: string, revealMark: string | null = null) => {
      if (openRef.current?.article.id === id && !revealMark) return;
      setLoadingId(id);
      try {
        await closeCurrent();
        const { article, review } = await fetchArticle(id);
        setOpen({ article, review, session: new ArticleSession(article, onSaved), revealMark, loadedAt: Date.now() });
      } catch (error) {
        reportError(error);
      } finally {
        setLoadingId(null);
      }
    },
    [closeCurrent, onSaved, reportError],
  );

  const reloadArticle = useCallback(async () => {
    const current = openRef.current;
    if (!current) return;
    try {
      await current.session.close();
      const { article, review } = await fetchArticle(current.article.id);
      setOpen({ article, review, session: new ArticleSession(article, onSaved), revealMark: null, loadedAt: Date.now() });
      void refreshLibrary();
    } catch (error) {
      reportError(error);
    }
  }, [onSaved, refreshLibrary, reportError]);

  const createArticle = useCallback(async () => {
    try {
      await closeCurrent();
      const created = await unwrap(api.createArticle({ language: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' }));
      const { article, review } = await fetchArticle(created.id);
      setOpen({ article, review, session: new ArticleSession(article, onSaved), revealMark: null, loadedAt: Date.now() });
      await refreshLibrary();
      requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>('.meta-headline textarea')?.focus());
    } catch (error) {
      reportError(error);
    }
  }, [closeCurrent, i18n.language, onSaved, refreshLibrary, reportError]);

  const importFile = useCallback(
    async (file: File) => {
      try {
        const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
        const content = await importDocument(file, language);
        await closeCurrent();
        const created = await unwrap(api.createArticle({ language }));
        await unwrap(api.saveArticle({ id: created.id, baseRevision: created.revision, content }));
        const { article, review } = await fetchArticle(created.id);
        setOpen({ article, review, session: new ArticleSession(article, onSaved), revealMark: null, loadedAt: Date.now() });
        await refreshLibrary();
      } catch (error) {
        reportError(error);
      }
    },
    [closeCurrent, i18n.language, onSaved, refreshLibrary, reportError],
  );

  // A document dropped anywhere on the window becomes a new article (pictures dropped on the body are figures).
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const files = Array.from(event.dataTransfer?.files ?? []).filter(isImportable);
      if (files.length === 0) {
        if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
        return;
      }
      event.preventDefault();
      void (async () => {
        for (const file of files) await importFile(file);
      })();
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [importFile]);

  const trashArticle = useCallback(
    async (id: string) => {
      try {
        if (openRef.current?.article.id === id) {
          await closeCurrent();
          setOpen(null);
        }
        await unwrap(api.trashArticle({ id }));
        await Promise.all([refreshLibrary(), refreshTrash()]);
      } catch (error) {
        reportError(error);
      }
    },
    [closeCurrent, refreshLibrary, refreshTrash, reportError],
  );

  const restoreArticle = useCallback(
    async (id: string) => {
      try {
        await unwrap(api.restoreArticle({ id }));
        await Promise.all([refreshLibrary(), refreshTrash()]);
      } catch (error) {
        reportError(error);
      }
    },
    [refreshLibrary, refreshTrash, reportError],
  );

  const setLanguage = useCallback(
    async (language: Language) => {
      await changeLanguage(language);
      const result = await api.updateSettings({ language });
      if (result.ok) setSettings(result.value);
    },
    [],
  );

  const changeDesk = useCallback(
    async (next: Session) => {
      const switched = next.currentUser?.id !== desk.currentUser?.id;
      const current = openRef.current;
      if (switched && current) {
        // Save under the person who typed, then reopen under the new person so their rights apply.
        await current.session.close();
        setOpen(null);
        const reopened = await fetchArticle(current.article.id).catch(() => null);
        if (reopened) setOpen({ ...reopened, session: new ArticleSession(reopened.article, onSaved), revealMark: null, loadedAt: Date.now() });
      }
      setDesk(next);
      setPicking(next.currentUser === null);
      if (switched) await refreshLibrary();
    },
    [desk.currentUser?.id, onSaved, refreshLibrary],
  );

  const loadWorkspace = useCallback(async () => {
    try {
      setWorkspace(await unwrap(api.getWorkspace({})));
      const next = await unwrap(api.getSession({}));
      setDesk(next);
      setPicking(next.currentUser === null);
      await refreshLibrary();
    } catch (error) {
      reportError(error);
    }
  }, [refreshLibrary, reportError]);

  const chooseWorkspace = useCallback(async () => {
    try {
      await closeCurrent();
      const chosen = await unwrap(api.chooseWorkspace({}));
      if (chosen) {
        setOpen(null);
        await loadWorkspace();
      }
    } catch (error) {
      reportError(error);
    }
  }, [closeCurrent, loadWorkspace, reportError]);

  useEffect(() => {
    void loadWorkspace();
  }, [loadWorkspace]);

  useEffect(() => {
    const handle = (command: MenuCommand) => {
      switch (command) {
        case 'new-article':
          return void createArticle();
        case 'save':
          return void openRef.current?.session.recordVersion('save');
        case 'find':
          return setFindOpen(true);
        case 'workspace-changed':
          setOpen(null);
          return void loadWorkspace();
        case 'language-zh-CN':
          return void setLanguage('zh-CN');
        case 'language-en':
          return void setLanguage('en');
      }
    };
    const off = getBridge().onMenuCommand(handle);
    // The preview has no native menu: its shortcuts are handled here.
    const onKey = (event: KeyboardEvent) => {
      if (getBridge().host !== 'preview' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') handle('save');
      else if (key === 'f') handle('find');
      else if (key === 'n' && event.shiftKey) handle('new-article');
      else return;
      event.preventDefault();
    };
    const onHide = () => void openRef.current?.session.flush();
    window.addEventListener('keydown', onKey);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [createArticle, loadWorkspace, setLanguage]);

  return (
    <ErrorContext.Provider value={reportError}>
      <SessionContext.Provider value={{ session: desk, setSession: (next) => void changeDesk(next) }}>
      <div className="app-shell">
        <TopBar
          workspace={workspace}
          currentUser={desk.currentUser}
          canChooseWorkspace={getBridge().host === 'electron'}
          onChooseWorkspace={chooseWorkspace}
          onLanguage={setLanguage}
          onSwitchUser={() => setPicking(true)}
          onManagePeople={() => setManaging(true)}
        />
        <ErrorBanner messages={errors} onDismiss={(index) => setErrors((list) => list.filter((_, i) => i !== index))} />
        <WorkspaceProblems problems={workspace?.problems ?? []} />
        {findOpen && <FindBar onClose={() => setFindOpen(false)} />}
        <div className="app-main">
          <LibrarySidebar
            articles={library.articles}
            damaged={library.damaged}
            trash={trash}
            openAnnotations={openAnnotations}
            onShowAnnotations={() => void refreshOpenAnnotations()}
            onOpenAnnotation={(articleId, threadId) => void openArticle(articleId, threadId)}
            currentId={open?.article.id ?? loadingId}
            onOpen={(id) => void openArticle(id)}
            onCreate={() => void createArticle()}
            onImport={(file) => void importFile(file)}
            onTrash={(id) => void trashArticle(id)}
            onRestore={(id) => void restoreArticle(id)}
            onShowTrash={() => void refreshTrash()}
          />
          <main className="workspace-pane">
            {open ? (
              <ArticleEditor
                key={`${open.article.id}-${desk.currentUser?.id ?? ''}-${open.loadedAt}`}
                article={open.article}
                session={open.session}
                channels={workspace?.channels ?? []}
                revealMark={open.revealMark}
                initialReview={open.review}
                onReload={() => void reloadArticle()}
                onReviewChanged={() => {
                  void refreshLibrary();
                  void refreshOpenAnnotations();
                }}
              />
            ) : (
              <div className="empty-state">{loadingId ? t('editor.loading') : t('app.nothingOpen')}</div>
            )}
          </main>
        </div>
      </div>
      {picking && <UserPicker session={desk} onChosen={(next) => void changeDesk(next)} onClose={desk.currentUser ? () => setPicking(false) : undefined} />}
      {managing && <PeopleDialog session={desk} onChange={(next) => void changeDesk(next)} onClose={() => setManaging(false)} />}
      </SessionContext.Provider>
    </ErrorContext.Provider>
  );
}

import type { BaseSelection, LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleContent } from '../../shared/article/article';
import type { SerializedBody } from '../../shared/article/body';
import { addCounts, countText, type ArticleCounts } from '../../shared/article/counts';
import type { AnnotationThread } from '../../shared/annotations/events';
import type { AnnotationOp, ArticleReview, Proofreading } from '../../shared/contract/api';
import { applyFix, type Finding } from '../../shared/checks/index';
import { ChecksPanel } from '../checks/ChecksPanel';
import { jumpToFinding } from '../checks/jump';
import { findPerson } from '../../shared/review/people';
import type { ReviewRequest } from '../../shared/review/rules';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { describeRefusal } from '../app/error-message';
import { useErrorReporter } from '../app/error-context';
import { Modal } from '../app/Modal';
import { useSession } from '../app/session-context';
import { StatusBar } from '../app/StatusBar';
import { api } from '../bridge/bridge';
import { CallFailed, unwrap } from '../bridge/use-call';
import { FinishedCopy } from '../review/FinishedCopy';
import { ExportDialog } from '../export/ExportDialog';
import { HistoryPanel } from '../history/HistoryPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import type { ArticleSession, MetaFields as Meta } from './article-session';
import { ArticleFileProblems } from './ArticleFileProblems';
import { BodyEditor } from './BodyEditor';
import { MetaFields } from './MetaFields';
import type { AnnotationAnchors } from './plugins/AnnotationMarksPlugin';

interface ArticleEditorProps {
  article: Article;
  session: ArticleSession;
  channels: string[][];
  /** The article's place in the chain changed: the library lists need refreshing. */
  onReviewChanged: () => void;
  /** Annotation to scroll to once the article is open. */
  revealMark?: string | null;
  /** The review state fetched with the article, so rights are known before the first keystroke. */
  initialReview: ArticleReview | null;
  /** The stored copy was replaced (a revision restored): open it afresh. */
  onReload: () => void;
}

const NO_COUNTS: ArticleCounts = { chineseCharacters: 0, latinWords: 0, characters: 0, figures: 0, figuresWithoutCaption: 0 };
const newMarkId = () => `m-${crypto.getRandomValues(new Uint32Array(2)).reduce((s, n) => s + n.toString(36), '')}`;

export function ArticleEditor({ article, session, channels, onReviewChanged, revealMark, initialReview, onReload }: ArticleEditorProps) {
  const { t } = useTranslation();
  const reportError = useErrorReporter();
  const { session: desk } = useSession();
  const editorRef = useRef<LexicalEditor | null>(null);
  const anchorsRef = useRef<AnnotationAnchors | null>(null);
  const [meta, setMeta] = useState<Meta>(session.getMeta());
  const [bodyCounts, setBodyCounts] = useState<ArticleCounts>(NO_COUNTS);
  const [review, setReview] = useState<ArticleReview | null>(initialReview);
  const reviewRef = useRef(review);
  reviewRef.current = review;
  const [threads, setThreads] = useState<AnnotationThread[]>([]);
  const [tab, setTab] = useState<'review' | 'annotations' | 'history' | 'checks'>(revealMark ? 'annotations' : 'review');
  const [proofreading, setProofreading] = useState<Proofreading | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [draft, setDraft] = useState<{ quote: string; selection: BaseSelection } | null>(null);
  const [activeMark, setActiveMark] = useState<string | null>(revealMark ?? null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<ReviewRequest | null>(null);
  const [preview, setPreview] = useState<Article | null>(null);
  const [exporting, setExporting] = useState(false);

  const loadReview = useCallback(() => unwrap(api.getReview({ id: article.id })).then(setReview, reportError), [article.id, reportError]);
  const loadThreads = useCallback(
    () => unwrap(api.listAnnotations({ id: article.id })).then((list) => setThreads(list.threads), reportError),
    [article.id, reportError],
  );

  useEffect(() => {
    void unwrap(api.getProofreading({ id: article.id })).then(setProofreading, reportError);
  }, [article.id, reportError]);

  useEffect(() => {
    void loadReview();
    void loadThreads();
    // A save changes the copy's hash: only approvals can go stale, so refresh only when there are some.
    return session.onSaved(() => {
      if (Object.keys(reviewRef.current?.state.approvals ?? {}).length > 0) void loadReview();
    });
  }, [session, loadReview, loadThreads, desk.currentUser?.id]);

  useEffect(() => {
    session.attachBody(() => (editorRef.current?.getEditorState().toJSON() as unknown as SerializedBody) ?? article.body);
  }, [session, article.body]);

  useEffect(() => {
    if (!revealMark) return;
    const timer = setTimeout(() => anchorsRef.current?.reveal(revealMark), 150);
    return () => clearTimeout(timer);
  }, [revealMark]);

  const editable = review?.edit.ok ?? false;
  const onMetaChange = useCallback(
    (patch: Partial<Meta>) => {
      setMeta((previous) => ({ ...previous, ...patch }));
      session.updateMeta(patch);
    },
    [session],
  );
  const onBodyChange = useCallback(() => session.markDirty(), [session]);

  const counts = useMemo<ArticleCounts>(() => {
    const text = [meta.headline, meta.deck, meta.byline].map(countText).reduce(addCounts, bodyCounts);
    return { ...bodyCounts, ...text };
  }, [meta.headline, meta.deck, meta.byline, bodyCounts]);

  const act = async (request: ReviewRequest, acknowledgeOpenAnnotations = false) => {
    setBusy(true);
    try {
      await session.flush();
      const result = await api.reviewAction({ id: article.id, request, acknowledgeOpenAnnotations });
      if (result.ok) {
        setReview(result.value);
        onReviewChanged();
      } else if (result.error.refusal?.code === 'open-annotations' && result.error.refusal.params.blocking !== 'true') {
        setConfirm(request);
      } else {
        reportError(new CallFailed(result.error));
      }
    } finally {
      setBusy(false);
    }
  };

  const annotate = async (op: AnnotationOp): Promise<boolean> => {
    try {
      const list = await unwrap(api.annotate({ id: article.id, op }));
      setThreads(list.threads);
      void loadReview();
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  };

  const startComment = useCallback(() => {
    const captured = anchorsRef.current?.captureSelection();
    if (!captured) return reportError(new Error(t('annotations.selectFirst')));
    setDraft(captured);
    setTab('annotations');
  }, [reportError, t]);

  /**
   * The thread is recorded first (main checks the person may annotate), then its anchor is
   * placed in the copy and saved: a failure can leave a thread without its highlight, never a
   * highlight without its thread.
   */
  const createComment = async (text: string): Promise<boolean> => {
    if (!draft || !anchorsRef.current) return false;
    const markId = newMarkId();
    const ok = await annotate({ kind: 'open', thread: markId, quote: draft.quote.slice(0, 500), text });
    if (!ok) return false;
    anchorsRef.current?.anchor(markId, draft.selection);
    session.markDirty();
    setDraft(null);
    setActiveMark(markId);
    await session.flush();
    return true;
  };

  const jumpTo = (finding: Finding) => jumpToFinding(finding, editorRef.current);

  const fix = (finding: Finding) => {
    const editor = editorRef.current;
    if (!editor) return;
    const before: ArticleContent = { ...meta, body: editor.getEditorState().toJSON() as unknown as SerializedBody };
    const result = applyFix(before, finding);
    if (!result.ok) return reportError(new Error(t('checks.fixFailed')));
    const { body, ...fields } = result.content;
    const patch = Object.fromEntries(Object.entries(fields).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof ArticleContent])));
    if (Object.keys(patch).length > 0) onMetaChange(patch as Partial<Meta>);
    if (JSON.stringify(body) !== JSON.stringify(before.body)) editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
    session.markDirty();
  };

  const ignore = async (finding: Finding, reason: string): Promise<boolean> => {
    try {
      const ignores = await unwrap(api.ignoreFinding({ id: article.id, findingId: finding.id, reason }));
      setProofreading((current) => (current ? { ...current, ignores } : current));
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  };

  const openPreview = async () => {
    await session.flush();
    try {
      setPreview(await unwrap(api.getArticle({ id: article.id })));
    } catch (error) {
      reportError(error);
    }
  };

  const resolvedIds = useMemo(() => new Set(threads.filter((th) => th.resolved).map((th) => th.id)), [threads]);
  const authorName = findPerson(desk.roster, article.authorId)?.name ?? article.createdBy;
  const openCount = threads.filter((th) => !th.resolved).length;
  const requiredCount = findings.filter((f) => f.severity === 'required' && !f.ignored).length;

  return (
    <div className="article-editor">
      <div className="article-columns">
        <div className="article-scroll">
          <ArticleFileProblems articleId={article.id} />
          {review && !review.edit.ok && review.edit.refusal && (
            <p className="read-only-banner" role="status">
              <strong>{t('review.readOnly')}</strong> {describeRefusal(review.edit.refusal)}
            </p>
          )}
          <article className="article-page" lang={meta.language}>
            <MetaFields meta={meta} channels={channels} editable={editable} onChange={onMetaChange} />
            <BodyEditor
              articleId={article.id}
              initialBody={article.body}
              editable={editable}
              editorRef={editorRef}
              anchorsRef={anchorsRef}
              resolvedMarkIds={resolvedIds}
              activeMarkId={activeMark}
              onChange={onBodyChange}
              onCounts={setBodyCounts}
              onComment={startComment}
              meta={meta}
              proofreading={proofreading}
              onFindings={setFindings}
            />
          </article>
        </div>
        <aside className="side-panel">
          <div className="side-tabs" role="tablist" aria-label={t('review.panel')}>
            <button type="button" role="tab" aria-selected={tab === 'review'} onClick={() => setTab('review')}>
              {t('review.panel')}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'annotations'} onClick={() => setTab('annotations')}>
              {t('annotations.panel')} {openCount > 0 && <span className="badge">{openCount}</span>}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'checks'} onClick={() => setTab('checks')}>
              {t('checks.panel')} {requiredCount > 0 && <span className="badge">{requiredCount}</span>}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => setTab('history')}>
              {t('history.panel')}
            </button>
          </div>
          <div className="side-body" role="tabpanel">
            {tab === 'review' && review && (
              <ReviewPanel review={review} session={desk} authorName={authorName} busy={busy} onAction={(r) => void act(r)} onPreview={() => void openPreview()} onExport={() => void session.flush().then(() => setExporting(true))} />
            )}
            {tab === 'checks' && <ChecksPanel findings={findings} canEdit={editable} onJump={jumpTo} onFix={fix} onIgnore={ignore} />}
            {tab === 'history' && (
              <HistoryPanel articleId={article.id} session={session} currentUserId={desk.currentUser?.id ?? null} canEdit={editable} records={review?.records ?? []} onRestored={onReload} />
            )}
            {tab === 'annotations' && (
              <AnnotationsPanel
                threads={threads}
                currentUserId={desk.currentUser?.id ?? null}
                activeId={activeMark}
                draft={draft}
                onSelect={(id) => {
                  setActiveMark(id);
                  anchorsRef.current?.reveal(id);
                }}
                onOp={annotate}
                onCreate={createComment}
                onCancelDraft={() => setDraft(null)}
              />
            )}
          </div>
        </aside>
      </div>
      <StatusBar counts={counts} session={session} />
      {confirm && (
        <Modal title={t('review.confirmOpen')} onClose={() => setConfirm(null)}>
          <p>{review ? describeRefusal({ code: 'open-annotations', params: { count: String(openCount), blocking: 'false' } }) : ''}</p>
          <div className="modal-actions">
            <button type="button" onClick={() => setConfirm(null)}>
              {t('review.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                const request = confirm;
                setConfirm(null);
                void act(request, true);
              }}
            >
              {t('review.confirm')}
            </button>
          </div>
        </Modal>
      )}
      {exporting && <ExportDialog articleId={article.id} onClose={() => setExporting(false)} />}
      {preview && <FinishedCopy article={preview} footer={review?.footer ?? null} onClose={() => setPreview(null)} />}
    </div>
  );
}

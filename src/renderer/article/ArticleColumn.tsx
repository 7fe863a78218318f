import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { describeRefusal } from '../app/error-message';
import { useSelect } from '../app/store';
import { jumpTo } from '../checks/jump';
import { ArticleFileProblems } from '../editor/ArticleFileProblems';
import { BodyEditor } from '../editor/BodyEditor';
import { MetaFields } from '../editor/MetaFields';
import { LeaseBanner, useLeaseLetsEdit } from '../leases/LeaseBanner';
import { NewerVersionNotice } from '../live/NewerVersionNotice';
import { CrossedCopies } from '../crossed/CrossedCopies';
import { ChangesContext } from '../changes/FieldChanges';
import { ChangesOverlay } from '../changes/ChangesOverlay';
import { OriginalCopy } from '../changes/OriginalCopy';
import { SuggestingContext } from '../editor/suggesting/suggesting-context';
import { SuggestionsBar } from '../suggestions/SuggestionsBar';
import { useSuggesting } from '../suggestions/use-suggesting';
import { useMeta, useOpenArticle } from './article-context';

/** The copy: its damaged files and why it is read-only (if so), the meta fields and the body. */
export function ArticleColumn() {
  const { t } = useTranslation();
  const open = useOpenArticle();
  const { session, annotations, checks } = open;
  const channels = useSelect(useAppStores().desk, (desk) => desk.workspace?.channels) ?? [];
  const review = useSelect(open.review, (view) => view.review);
  const threads = useSelect(annotations, (a) => a.threads);
  const active = useSelect(annotations, (a) => a.active);
  const proofreading = useSelect(checks, (c) => c.proofreading);
  const meta = useMeta();
  const mayEdit = review?.edit.ok ?? false;
  const leaseLetsEdit = useLeaseLetsEdit(open.id);
  const resolved = useMemo(() => new Set(threads.filter((th) => th.resolved).map((th) => th.id)), [threads]);
  const suggesting = useSuggesting(meta.language);
  const since = useSelect(open.changes, (c) => c.since);
  const view = useSelect(open.suggestions, (s) => s.view);
  const original = view === 'original' && since && since.tracked.authors.length > 0 ? since.tracked : null;
  // Another desk's check-out leaves this one reading; crossed copies that collide are settled first.
  const editable = suggesting.editable && leaseLetsEdit && (open.article.crossed?.collisions.length ?? 0) === 0;

  useEffect(() => {
    if (open.created) requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>('.meta-headline textarea')?.focus());
    if (!open.revealMark) return;
    const timer = setTimeout(() => open.anchors.current?.reveal(open.revealMark!), 150);
    return () => clearTimeout(timer);
  }, [open]);
  const revealAt = useSelect(open.revealAt, (at) => at);
  useEffect(() => {
    if (!revealAt || revealAt.field === 'opinion' || revealAt.field === 'annotation') return;
    // The editor lays out its figures first.
    const timer = setTimeout(() => jumpTo(revealAt, open.editor.current), 150);
    return () => clearTimeout(timer);
  }, [open, revealAt]);

  return (
    <div className="article-scroll">
      <ArticleFileProblems articleId={open.id} />
      <NewerVersionNotice />
      <LeaseBanner />
      <CrossedCopies key={open.article.crossed?.heads.map((head) => head.id).join() ?? ''} canPick={mayEdit} />
      {review && !review.edit.ok && review.edit.refusal && !suggesting.maySuggest && (
        <p className="read-only-banner" role="status">
          <strong>{t('review.readOnly')}</strong> {describeRefusal(review.edit.refusal)}
        </p>
      )}
      <SuggestionsBar store={open.suggestions} changes={open.changes} suggesting={suggesting} />
      <ChangesContext.Provider value={open.shownChanges}>
        <article className={original ? 'article-page showing-original' : 'article-page'} lang={meta.language}>
          <ChangesOverlay />
          {original && <OriginalCopy tracked={original} />}
          <SuggestingContext.Provider value={suggesting.fields}>
            <MetaFields meta={meta} channels={channels} editable={editable} onChange={(patch) => session.updateMeta(patch)} onLanguage={open.chooseLanguage} />
          </SuggestingContext.Provider>
          <BodyEditor
            articleId={open.id}
            initialBody={open.article.body}
            editable={editable}
            editorRef={open.editor}
            anchorsRef={open.anchors}
            resolvedMarkIds={resolved}
            activeMarkId={active}
            onChange={session.markDirty}
            onCounts={open.bodyCounts.put}
            onComment={annotations.startComment}
            meta={meta}
            proofreading={proofreading}
            onFindings={checks.found}
            suggestions={suggesting.body}
          />
        </article>
      </ChangesContext.Provider>
    </div>
  );
}

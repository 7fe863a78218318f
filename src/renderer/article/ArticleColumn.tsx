import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../app/app-stores';
import { describeRefusal } from '../app/error-message';
import { useSelect } from '../app/store';
import { jumpTo } from '../checks/jump';
import { ArticleFileProblems } from '../editor/ArticleFileProblems';
import { BodyEditor } from '../editor/BodyEditor';
import { MetaFields } from '../editor/MetaFields';
import { NewerVersionNotice } from '../live/NewerVersionNotice';
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
  const editable = review?.edit.ok ?? false;
  const resolved = useMemo(() => new Set(threads.filter((th) => th.resolved).map((th) => th.id)), [threads]);

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
      {review && !review.edit.ok && review.edit.refusal && (
        <p className="read-only-banner" role="status">
          <strong>{t('review.readOnly')}</strong> {describeRefusal(review.edit.refusal)}
        </p>
      )}
      <article className="article-page" lang={meta.language}>
        <MetaFields meta={meta} channels={channels} editable={editable} onChange={(patch) => session.updateMeta(patch)} onLanguage={open.chooseLanguage} />
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
        />
      </article>
    </div>
  );
}

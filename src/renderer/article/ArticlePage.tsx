import { useMemo } from 'react';
import { addCounts, countText, type ArticleCounts } from '../../shared/article/counts';
import { StatusBar } from '../app/StatusBar';
import { useStore } from '../app/store';
import { ReviewConfirm } from '../review/ReviewConfirm';
import { OpenArticleContext, useMeta, useOpenArticle } from './article-context';
import { ArticleColumn } from './ArticleColumn';
import type { OpenArticle } from './open-article';
import { SidePanel } from './SidePanel';

function ArticleStatus() {
  const open = useOpenArticle();
  const body = useStore(open.bodyCounts);
  const { headline, deck, byline } = useMeta();
  const counts = useMemo<ArticleCounts>(() => ({ ...body, ...[headline, deck, byline].map(countText).reduce(addCounts, body) }), [headline, deck, byline, body]);
  return <StatusBar counts={counts} session={open.session} />;
}

/** An open article: the copy, its side panel and its status bar. Each feature brings its own state. */
export function ArticlePage({ open }: { open: OpenArticle }) {
  return (
    <OpenArticleContext.Provider value={open}>
      <div className="article-editor">
        <div className="article-columns">
          <ArticleColumn />
          <SidePanel />
        </div>
        <ArticleStatus />
        <ReviewConfirm />
      </div>
    </OpenArticleContext.Provider>
  );
}

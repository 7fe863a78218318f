import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '../../shared/article/article';
import type { SerializedBody } from '../../shared/article/body';
import { addCounts, countText, type ArticleCounts } from '../../shared/article/counts';
import { StatusBar } from '../app/StatusBar';
import type { ArticleSession, MetaFields as Meta } from './article-session';
import { BodyEditor } from './BodyEditor';
import { MetaFields } from './MetaFields';

interface ArticleEditorProps {
  article: Article;
  session: ArticleSession;
  channels: string[][];
}

const NO_COUNTS: ArticleCounts = { chineseCharacters: 0, latinWords: 0, characters: 0, figures: 0, figuresWithoutCaption: 0 };

export function ArticleEditor({ article, session, channels }: ArticleEditorProps) {
  const editorRef = useRef<LexicalEditor | null>(null);
  const [meta, setMeta] = useState<Meta>(session.getMeta());
  const [bodyCounts, setBodyCounts] = useState<ArticleCounts>(NO_COUNTS);

  useEffect(() => {
    session.attachBody(() => (editorRef.current?.getEditorState().toJSON() as unknown as SerializedBody) ?? article.body);
  }, [session, article.body]);

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

  return (
    <div className="article-editor">
      <div className="article-scroll">
        <article className="article-page" lang={meta.language}>
          <MetaFields meta={meta} channels={channels} editable onChange={onMetaChange} />
          <BodyEditor
            articleId={article.id}
            initialBody={article.body}
            editable
            editorRef={editorRef}
            onChange={onBodyChange}
            onCounts={setBodyCounts}
          />
        </article>
      </div>
      <StatusBar counts={counts} session={session} />
    </div>
  );
}

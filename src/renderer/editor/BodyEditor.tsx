import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import type { LexicalEditor } from 'lexical';
import { memo, useMemo, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SerializedBody } from '../../shared/article/body';
import type { ArticleCounts } from '../../shared/article/counts';
import { safeLinkTarget } from '../../shared/security/urls';
import { BODY_NODES } from './nodes/body-nodes';
import { AnnotationMarksPlugin, type AnnotationAnchors } from './plugins/AnnotationMarksPlugin';
import { BodySafetyPlugin } from './plugins/BodySafetyPlugin';
import { BoundedHistoryPlugin } from './plugins/BoundedHistoryPlugin';
import { EditablePlugin } from './plugins/EditablePlugin';
import { ChecksPlugin } from './plugins/ChecksPlugin';
import { CountsPlugin } from './plugins/CountsPlugin';
import type { Finding } from '../../shared/checks/index';
import type { Proofreading } from '../../shared/contract/api';
import type { MetaFields } from './article-session';
import { HeadingLevelPlugin } from './plugins/HeadingLevelPlugin';
import { ImageDropPlugin } from './plugins/ImageDropPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { editorTheme } from './theme';
import { SuggestingPlugin } from './plugins/SuggestingPlugin';
import { SuggestionCardPlugin } from './plugins/SuggestionCardPlugin';
import { SuggestionChangesPlugin } from './plugins/SuggestionChangesPlugin';
import { SuggestingContext, type SuggestionsView } from './suggesting/suggesting-context';
import type { Suggester } from './suggesting/suggester';
import type { Decision } from '../../shared/suggestions/resolve-body';

/** Suggestions in the body: who suggests now (null while editing), how they are shown, and deciding them. */
export interface BodySuggestions {
  suggester: Suggester | null;
  view: SuggestionsView;
  mayDecide: boolean;
  decide: (key: string, decision: Decision) => void;
  changed: () => void;
}

interface BodyEditorProps {
  articleId: string;
  initialBody: SerializedBody;
  editable: boolean;
  editorRef: MutableRefObject<LexicalEditor | null>;
  anchorsRef: MutableRefObject<AnnotationAnchors | null>;
  resolvedMarkIds: ReadonlySet<string>;
  activeMarkId: string | null;
  onChange: () => void;
  onCounts: (counts: ArticleCounts) => void;
  onComment: () => void;
  meta: MetaFields;
  proofreading: Proofreading | null;
  onFindings: (findings: Finding[]) => void;
  suggestions: BodySuggestions;
}

const validateLink = (url: string) => safeLinkTarget(url) !== null;

/** Memoized: the page around it re-renders (review, checks, status) without touching the body. */
export const BodyEditor = memo(function BodyEditor(props: BodyEditorProps) {
  const { articleId, initialBody, editorRef, anchorsRef, resolvedMarkIds, activeMarkId, onChange, onCounts, onComment, suggestions } = props;
  const { t } = useTranslation();
  // Only the changes-shown view is edited: the final and original copies are read.
  const editable = props.editable && suggestions.view === 'changes';
  const suggesting = useMemo(() => ({ suggester: suggestions.suggester, view: suggestions.view, language: props.meta.language }), [suggestions.suggester, suggestions.view, props.meta.language]);
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `article-${articleId}`,
      nodes: BODY_NODES,
      theme: editorTheme,
      editable: props.editable,
      editorState: JSON.stringify(initialBody),
      onError: (error) => {
        throw error;
      },
    }),
    // The composer reads its config once; a new article mounts a new composer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [articleId],
  );
  return (
    <SuggestingContext.Provider value={suggesting}>
    <LexicalComposer initialConfig={initialConfig}>
      <div className="body-editor" data-suggestions-view={suggestions.view} data-suggesting={suggestions.suggester ? '' : undefined}>
        {editable && <ToolbarPlugin onComment={onComment} suggesting={suggestions.suggester !== null} />}
        <div className="body-surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                id="article-body"
                className="body-content"
                aria-label={t('editor.body')}
                aria-placeholder={t('editor.bodyPlaceholder')}
                placeholder={<div className="body-placeholder">{t('editor.bodyPlaceholder')}</div>}
                spellCheck
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          {suggestions.view === 'changes' && <SuggestionCardPlugin mayDecide={suggestions.mayDecide && editable} onDecide={suggestions.decide} />}
        </div>
      </div>
      <EditorRefPlugin editorRef={editorRef} />
      <EditablePlugin editable={editable} />
      <BodySafetyPlugin />
      <AnnotationMarksPlugin anchorsRef={anchorsRef} resolvedIds={resolvedMarkIds} activeId={activeMarkId} />
      <BoundedHistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={validateLink} />
      <HeadingLevelPlugin />
      {editable && <ShortcutsPlugin />}
      <PastePlugin />
      <ImageDropPlugin />
      <CountsPlugin onCounts={onCounts} />
      <ChecksPlugin meta={props.meta} proofreading={props.proofreading} onFindings={props.onFindings} />
      <OnChangePlugin ignoreSelectionChange ignoreHistoryMergeTagChange onChange={onChange} />
      <SuggestingPlugin suggester={editable ? suggestions.suggester : null} />
      <SuggestionChangesPlugin onChange={suggestions.changed} />
    </LexicalComposer>
    </SuggestingContext.Provider>
  );
});

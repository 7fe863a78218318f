import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $nodesOfType, $isElementNode, $isRangeSelection, $setSelection, type BaseSelection, type LexicalNode } from 'lexical';
import { useEffect, type MutableRefObject } from 'react';

/** What the rest of the page may ask of the body about annotation anchors. */
export interface AnnotationAnchors {
  /** The selected text, remembered so a comment can be written before anchoring it. */
  captureSelection(): { quote: string; selection: BaseSelection } | null;
  anchor(markId: string, selection: BaseSelection): void;
  remove(markId: string): void;
  reveal(markId: string): boolean;
}

function $marksWith(id: string, node: LexicalNode = $getRoot(), found: MarkNode[] = []): MarkNode[] {
  if ($isMarkNode(node) && node.hasID(id)) found.push(node);
  if ($isElementNode(node)) for (const child of node.getChildren()) $marksWith(id, child, found);
  return found;
}

/**
 * Keeps each mark element labelled with its annotation ids (so resolved ones can be dimmed and
 * a thread can scroll to its text) and gives the page a handle to place and remove anchors.
 */
export function AnnotationMarksPlugin({ anchorsRef, resolvedIds, activeId }: { anchorsRef: MutableRefObject<AnnotationAnchors | null>; resolvedIds: ReadonlySet<string>; activeId: string | null }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const label = () =>
      editor.getEditorState().read(() => {
        for (const mark of $nodesOfType(MarkNode)) {
          const element = editor.getElementByKey(mark.getKey());
          if (!element) continue;
          const ids = mark.getIDs();
          element.dataset.markIds = ids.join(' ');
          element.classList.toggle('is-resolved', ids.length > 0 && ids.every((id) => resolvedIds.has(id)));
          element.classList.toggle('is-active', activeId !== null && ids.includes(activeId));
        }
      });
    label();
    return editor.registerMutationListener(MarkNode, label, { skipInitialization: true });
  }, [editor, resolvedIds, activeId]);

  useEffect(() => {
    anchorsRef.current = {
      captureSelection: () =>
        editor.getEditorState().read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
          const quote = selection.getTextContent().trim();
          return quote ? { quote, selection: selection.clone() } : null;
        }),
      anchor: (markId, selection) =>
        editor.update(
          () => {
            const range = selection.clone();
            $setSelection(range);
            if ($isRangeSelection(range)) $wrapSelectionInMarkNode(range, range.isBackward(), markId);
          },
          { discrete: true },
        ),
      remove: (markId) =>
        editor.update(
          () => {
            for (const mark of $marksWith(markId)) {
              mark.deleteID(markId);
              if (mark.getIDs().length === 0) $unwrapMarkNode(mark);
            }
          },
          { discrete: true },
        ),
      reveal: (markId) => {
        const element = editor.getRootElement()?.querySelector(`mark[data-mark-ids~="${CSS.escape(markId)}"]`);
        element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        return Boolean(element);
      },
    };
    return () => {
      anchorsRef.current = null;
    };
  }, [editor, anchorsRef]);

  return null;
}

import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/** Undo/redo that keeps at most `maxDepth` steps, so a long session never grows without bound. */
export function BoundedHistoryPlugin({ maxDepth = 300, delay = 400 }: { maxDepth?: number; delay?: number }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerHistory(editor, createEmptyHistoryState(), delay, Date.now, undefined, maxDepth), [editor, delay, maxDepth]);
  return null;
}

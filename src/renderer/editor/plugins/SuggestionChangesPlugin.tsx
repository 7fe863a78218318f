import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { useEffect } from 'react';
import { FigureNode } from '../nodes/FigureNode';
import { SuggestionNode } from '../nodes/SuggestionNode';

/** Tells the page when suggestions or figures (whose captions carry proposals) change, so the list can follow. */
export function SuggestionChangesPlugin({ onChange }: { onChange: () => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => mergeRegister(editor.registerMutationListener(SuggestionNode, onChange), editor.registerMutationListener(FigureNode, onChange)), [editor, onChange]);
  return null;
}

import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerBodySafety } from '../body-safety';

/** No style the editor does not make and no refused link ever reaches the page (body-safety.ts). */
export function BodySafetyPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerBodySafety(editor), [editor]);
  return null;
}

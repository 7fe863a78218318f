import { HeadingNode } from '@lexical/rich-text';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/** The headline is the page's only h1: pasted headings become subheadings (h2) or minor ones (h3). */
export function HeadingLevelPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerNodeTransform(HeadingNode, (node) => {
        const tag = node.getTag();
        if (tag === 'h1') node.setTag('h2');
        else if (tag === 'h4' || tag === 'h5' || tag === 'h6') node.setTag('h3');
      }),
    [editor],
  );
  return null;
}

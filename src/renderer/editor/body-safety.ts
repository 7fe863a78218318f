import { AutoLinkNode, LinkNode } from '@lexical/link';
import { $unwrapNode, mergeRegister } from '@lexical/utils';
import { TabNode, TextNode, type LexicalEditor } from 'lexical';
import { isEditorStyle } from '../../shared/article/body-safety';
import { safeLinkTarget } from '../../shared/security/urls';

/**
 * Keeps an editor's body as the editor makes it, whatever is inserted (a Lexical clipboard
 * payload, a state set from outside): a style the editor does not produce is cleared and a link
 * the link rule refuses becomes its text, in the same update, before anything reaches the page.
 * The same rule as the stored format's (shared/article/body-safety.ts).
 */
export function registerBodySafety(editor: LexicalEditor): () => void {
  const clearStyle = (node: TextNode) => {
    if (!isEditorStyle(node.getStyle())) node.setStyle('');
  };
  const unwrapRefused = (node: LinkNode) => {
    if (safeLinkTarget(node.getURL()) === null) $unwrapNode(node);
  };
  return mergeRegister(
    editor.registerNodeTransform(TextNode, clearStyle),
    editor.registerNodeTransform(TabNode, clearStyle),
    editor.registerNodeTransform(LinkNode, unwrapRefused),
    editor.registerNodeTransform(AutoLinkNode, unwrapRefused),
  );
}

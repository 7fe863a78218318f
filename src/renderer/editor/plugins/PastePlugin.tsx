import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { useErrorReporter } from '../../app/error-context';
import { imageFiles } from '../image-import';
import { insertImageFiles } from '../insert-figure';
import { sanitizeHtml } from '../sanitize-html';

/** Pasted HTML (Word, web pages) is sanitized before it becomes nodes; pasted images become figures. */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  const reportError = useErrorReporter();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!(event instanceof ClipboardEvent) || !event.clipboardData) return false;
          const files = imageFiles(event.clipboardData.files);
          if (files.length > 0) {
            event.preventDefault();
            void insertImageFiles(editor, files).catch(reportError);
            return true;
          }
          const html = event.clipboardData.getData('text/html');
          if (!html) return false;
          event.preventDefault();
          const dom = sanitizeHtml(html);
          editor.update(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const nodes = $generateNodesFromDOM(editor, dom);
            $insertGeneratedNodes(editor, nodes, selection);
          });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, reportError],
  );
  return null;
}

import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, $isElementNode, COMMAND_PRIORITY_HIGH, DRAGOVER_COMMAND, DROP_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { useErrorReporter } from '../../app/error-context';
import { imageFiles } from '../image-import';
import { insertImageFiles } from '../insert-figure';

/** Image files dropped on the body become figures where they land. */
export function ImageDropPlugin() {
  const [editor] = useLexicalComposerContext();
  const reportError = useErrorReporter();
  useEffect(() => {
    const offDragOver = editor.registerCommand(
      DRAGOVER_COMMAND,
      (event) => {
        if (!event.dataTransfer?.types.includes('Files')) return false;
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    const offDrop = editor.registerCommand(
      DROP_COMMAND,
      (event) => {
        const files = imageFiles(event.dataTransfer?.files);
        if (files.length === 0) return false;
        event.preventDefault();
        editor.update(() => {
          const target = event.target instanceof Node ? $getNearestNodeFromDOMNode(event.target) : null;
          if (!target) return;
          const block = target.getTopLevelElement() ?? target;
          if ($isElementNode(block)) block.selectEnd();
          else block.selectNext();
        });
        void insertImageFiles(editor, files).catch(reportError);
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    return () => {
      offDragOver();
      offDrop();
    };
  }, [editor, reportError]);
  return null;
}

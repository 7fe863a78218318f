import { HEADING, ORDERED_LIST, QUOTE, UNORDERED_LIST } from '@lexical/markdown';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { setBlock } from '../set-block';
import { headingShortcut } from '../shortcuts';

// Block shortcuts only: `## ` and `### ` (a `# ` heading becomes a subheading too), `> `, `- ` and `1. `.
const BLOCK_TRANSFORMERS = [HEADING, QUOTE, UNORDERED_LIST, ORDERED_LIST];

/** What writers expect of a Lexical editor: Markdown starts of lines, and Ctrl/Cmd+Alt+0…3 for headings. */
export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const block = headingShortcut(event);
          if (!block) return false;
          event.preventDefault();
          setBlock(editor, block);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return <MarkdownShortcutPlugin transformers={BLOCK_TRANSFORMERS} />;
}

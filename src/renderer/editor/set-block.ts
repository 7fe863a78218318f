import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $createParagraphNode, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

/**
 * Turns the selected blocks into `block`. `current` is what they are now: choosing the list they
 * already are takes them out of it.
 */
export function setBlock(editor: LexicalEditor, block: BlockType, current: BlockType | null = null): void {
  if (block === 'bullet' || block === 'number') {
    const command = block === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND;
    editor.dispatchCommand(current === block ? REMOVE_LIST_COMMAND : command, undefined);
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (block === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
    else if (block === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else $setBlocksType(selection, () => $createHeadingNode(block));
  });
}

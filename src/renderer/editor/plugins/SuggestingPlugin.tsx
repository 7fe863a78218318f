import { copyToClipboard } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMPOSITION_START_COMMAND,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_DOWN_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { headingShortcut } from '../shortcuts';
import { $characterRange } from '../suggesting/character';
import { $suggestDelete, type Direction } from '../suggesting/delete';
import { $suggestInsertText } from '../suggesting/insert';
import { $ownInsertionOf, type Suggester } from '../suggesting/suggester';
import { setActiveSuggester } from '../suggesting/active-suggester';

/** Lexical's own placeholder for text being composed (Chromium's value). */
const COMPOSITION_START_CHAR = '\u200b';

function $deleteFrom(who: Suggester, direction: Direction, granularity: 'character' | 'word' | 'lineboundary' = 'character'): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (!selection.isCollapsed()) {
    $suggestDelete(selection, who, direction);
    return;
  }
  if (granularity !== 'character') {
    selection.modify('extend', direction === 'backward', granularity);
    $suggestDelete(selection, who, direction);
    return;
  }
  const range = $characterRange(selection, direction);
  if (range) $suggestDelete(range, who, direction);
}

/**
 * Composition runs in the person's own insertion: before the input method starts, the caret is
 * moved into one (a new one holding Lexical's composition placeholder, the selection suggested for
 * deletion first). Nothing is changed while composing, so the committed text lands once, where
 * the input method put it.
 */
function $prepareComposition(who: Suggester): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const anchor = selection.anchor.getNode();
  if (selection.isCollapsed() && selection.anchor.type === 'text' && $ownInsertionOf(anchor, who)) return;
  $suggestInsertText(COMPOSITION_START_CHAR, who);
}

function pastedText(event: unknown): string | null {
  const data = event instanceof ClipboardEvent ? event.clipboardData : event instanceof InputEvent ? event.dataTransfer : null;
  const text = data?.getData('text/plain') ?? (event instanceof InputEvent ? event.data : null);
  return text ? text.replace(/\s*\r?\n\s*/g, ' ') : null;
}

/** What the structure of the copy would change: not suggested, so refused while suggesting. */
const STRUCTURAL: Array<LexicalCommand<unknown>> = [
  INSERT_PARAGRAPH_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  FORMAT_TEXT_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  INSERT_TAB_COMMAND,
  DROP_COMMAND,
] as Array<LexicalCommand<unknown>>;

function registerSuggesting(editor: LexicalEditor, who: Suggester): () => void {
  const critical = <P,>(command: LexicalCommand<P>, handler: (payload: P) => boolean) => editor.registerCommand(command, handler, COMMAND_PRIORITY_CRITICAL);
  const deleting = (direction: Direction) => (event: KeyboardEvent | null) => {
    event?.preventDefault();
    $deleteFrom(who, direction);
    return true;
  };
  return mergeRegister(
    critical(BEFORE_INPUT_COMMAND, (event) => {
      if (event.isComposing || editor.isComposing() || event.inputType.includes('Composition')) return false;
      if (event.inputType === 'insertText' || event.inputType === 'insertReplacementText') {
        const text = pastedText(event);
        event.preventDefault();
        if (text) $suggestInsertText(text, who);
        return true;
      }
      if (event.inputType.startsWith('insert') && event.inputType !== 'insertFromPaste') {
        event.preventDefault();
        return true;
      }
      if (event.inputType.startsWith('format')) {
        event.preventDefault();
        return true;
      }
      return false;
    }),
    critical(CONTROLLED_TEXT_INSERTION_COMMAND, (payload) => {
      if (editor.isComposing()) return false;
      const text = typeof payload === 'string' ? payload : pastedText(payload);
      if (text) $suggestInsertText(text, who);
      return true;
    }),
    critical(COMPOSITION_START_COMMAND, () => {
      $prepareComposition(who);
      return false;
    }),
    critical(KEY_BACKSPACE_COMMAND, deleting('backward')),
    critical(KEY_DELETE_COMMAND, deleting('forward')),
    critical(DELETE_CHARACTER_COMMAND, (backward) => deleting(backward ? 'backward' : 'forward')(null)),
    critical(DELETE_WORD_COMMAND, (backward) => ($deleteFrom(who, backward ? 'backward' : 'forward', 'word'), true)),
    critical(DELETE_LINE_COMMAND, (backward) => ($deleteFrom(who, backward ? 'backward' : 'forward', 'lineboundary'), true)),
    critical(REMOVE_TEXT_COMMAND, () => ($deleteFrom(who, 'forward'), true)),
    critical(CUT_COMMAND, (event) => {
      void copyToClipboard(editor, event instanceof ClipboardEvent ? event : null).then(() => editor.update(() => $deleteFrom(who, 'forward')));
      return true;
    }),
    critical(PASTE_COMMAND, (event) => {
      const text = pastedText(event);
      if (event instanceof ClipboardEvent) event.preventDefault();
      if (text) $suggestInsertText(text, who);
      return true;
    }),
    critical(KEY_DOWN_COMMAND, (event) => {
      if (!headingShortcut(event)) return false;
      event.preventDefault();
      return true;
    }),
    ...STRUCTURAL.map((command) => critical(command, () => true)),
  );
}

/**
 * Suggesting mode: while `suggester` is set, typing, deleting, pasting and input-method
 * composition make suggestions attributed to that person instead of changing the copy
 * (suggesting/*.ts); changes to the structure (new paragraphs, formats, figures) wait for editing.
 */
export function SuggestingPlugin({ suggester }: { suggester: Suggester | null }) {
  const [editor] = useLexicalComposerContext();
  const by = suggester?.by;
  const byName = suggester?.byName;
  const stage = suggester?.stage;
  useEffect(() => {
    if (by === undefined || byName === undefined || stage === undefined) return;
    const who = { by, byName, stage };
    setActiveSuggester(editor, who);
    const unregister = registerSuggesting(editor, who);
    return () => {
      setActiveSuggester(editor, null);
      unregister();
    };
  }, [editor, by, byName, stage]);
  return null;
}

import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { safeLinkTarget } from '../../../shared/security/urls';
import { useErrorReporter } from '../../app/error-context';
import { BulletListIcon, CommentIcon, HeadingIcon, ImageIcon, LinkIcon, NumberListIcon, QuoteIcon, RedoIcon, UndoIcon } from '../../app/icons';
import { ACCEPTED_IMAGE_TYPES, imageFiles } from '../image-import';
import { insertImageFiles } from '../insert-figure';
import { setBlock as applyBlock, type BlockType } from '../set-block';
import { ariaShortcut, MARKDOWN_STARTS, SHORTCUTS, shortcutText } from '../shortcuts';

interface ToolbarState {
  block: BlockType;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: boolean;
}

const INITIAL: ToolbarState = { block: 'paragraph', bold: false, italic: false, underline: false, link: false };

function $readToolbarState(): ToolbarState | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
  let block: BlockType = 'paragraph';
  if ($isHeadingNode(top)) block = top.getTag() === 'h3' ? 'h3' : 'h2';
  else if ($isQuoteNode(top)) block = 'quote';
  else if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    block = list.getListType() === 'number' ? 'number' : 'bullet';
  }
  const parent = anchor.getParent();
  return {
    block,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    link: $isLinkNode(parent) || $isLinkNode(anchor),
  };
}

/** While suggesting, only what suggestions can carry is offered: undo, redo and comments, not formats, blocks or figures. */
export function ToolbarPlugin({ onComment, suggesting = false }: { onComment: () => void; suggesting?: boolean }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const reportError = useErrorReporter();
  const [state, setState] = useState<ToolbarState>(INITIAL);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(() => {
    const next = editor.getEditorState().read($readToolbarState);
    if (next) setState((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerUpdateListener(({ tags }) => {
          if (!tags.has('collaboration')) refresh();
        }),
      ),
    [editor, refresh],
  );

  const setBlock = (block: BlockType) => applyBlock(editor, block, state.block);
  // Tooltips name the shortcut: a key combination, or what to type at the start of a line.
  const tip = (label: string, keys?: string, markdown?: string) =>
    keys ? `${label} (${shortcutText(keys)})` : markdown ? `${label} (${t('toolbar.typeAtStart', { markdown: markdown.trim() })})` : label;

  const format = (type: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);

  const applyLink = () => {
    const url = (linkDraft ?? '').trim();
    const href = /^[a-z]+:/i.test(url) ? url : `https://${url}`;
    if (url && safeLinkTarget(href) !== null) editor.dispatchCommand(TOGGLE_LINK_COMMAND, href);
    setLinkDraft(null);
  };

  const toggleButton = (key: 'bold' | 'italic' | 'underline', label: string, glyph: string) => (
    <button
      type="button"
      className={`tool tool-${key}`}
      aria-label={label}
      aria-keyshortcuts={ariaShortcut(SHORTCUTS[key])}
      title={tip(label, SHORTCUTS[key])}
      aria-pressed={state[key]}
      onClick={() => format(key)}
    >
      {glyph}
    </button>
  );

  const blockButton = (block: Exclude<BlockType, 'paragraph' | 'h3'>, label: string, glyph: ReactNode) => (
    <button
      type="button"
      className="tool"
      aria-label={label}
      title={block === 'h2' ? `${tip(label, SHORTCUTS.h2)} · ${t('toolbar.typeAtStart', { markdown: MARKDOWN_STARTS.h2.trim() })}` : tip(label, undefined, MARKDOWN_STARTS[block])}
      aria-pressed={state.block === block}
      onClick={() => setBlock(state.block === block && block !== 'bullet' && block !== 'number' ? 'paragraph' : block)}
    >
      {glyph}
    </button>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" className="tool" aria-label={t('toolbar.undo')} title={tip(t('toolbar.undo'), SHORTCUTS.undo)} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        <UndoIcon />
      </button>
      <button type="button" className="tool" aria-label={t('toolbar.redo')} title={tip(t('toolbar.redo'), SHORTCUTS.redo)} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        <RedoIcon />
      </button>
      {!suggesting && (
        <>
          <span className="tool-separator" aria-hidden="true" />
          <select
            className="tool-select"
            aria-label={t('toolbar.blockType')}
            title={t('toolbar.blockShortcuts', { paragraph: shortcutText(SHORTCUTS.paragraph), h2: shortcutText(SHORTCUTS.h2), h3: shortcutText(SHORTCUTS.h3) })}
            value={state.block}
            onChange={(event) => setBlock(event.target.value as BlockType)}
          >
            <option value="paragraph">{t('toolbar.paragraph')}</option>
            <option value="h2">{t('toolbar.heading')}</option>
            <option value="h3">{t('toolbar.subheading')}</option>
            <option value="quote">{t('toolbar.quote')}</option>
            <option value="bullet">{t('toolbar.bulletList')}</option>
            <option value="number">{t('toolbar.numberList')}</option>
          </select>
          {blockButton('h2', t('toolbar.heading'), <HeadingIcon />)}
          {blockButton('quote', t('toolbar.quote'), <QuoteIcon />)}
          {blockButton('bullet', t('toolbar.bulletList'), <BulletListIcon />)}
          {blockButton('number', t('toolbar.numberList'), <NumberListIcon />)}
          <span className="tool-separator" aria-hidden="true" />
          {toggleButton('bold', t('toolbar.bold'), 'B')}
          {toggleButton('italic', t('toolbar.italic'), 'I')}
          {toggleButton('underline', t('toolbar.underline'), 'U')}
          <button
            type="button"
            className="tool"
            aria-label={state.link ? t('toolbar.removeLink') : t('toolbar.link')}
            title={state.link ? t('toolbar.removeLink') : t('toolbar.link')}
            aria-pressed={state.link}
            onClick={() => (state.link ? editor.dispatchCommand(TOGGLE_LINK_COMMAND, null) : setLinkDraft(''))}
          >
            <LinkIcon />
          </button>
          {linkDraft !== null && (
            <span className="link-editor">
              <input
                autoFocus
                type="url"
                aria-label={t('toolbar.linkUrl')}
                placeholder="https://"
                value={linkDraft}
                onChange={(event) => setLinkDraft(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') applyLink();
                  if (event.key === 'Escape') setLinkDraft(null);
                }}
              />
              <button type="button" onClick={applyLink}>
                {t('toolbar.applyLink')}
              </button>
              <button type="button" onClick={() => setLinkDraft(null)}>
                {t('toolbar.cancel')}
              </button>
            </span>
          )}
        </>
      )}
      <span className="tool-separator" aria-hidden="true" />
      <button type="button" className="tool tool-wide" onMouseDown={(event) => event.preventDefault()} onClick={onComment}>
        <CommentIcon /> {t('annotations.comment')}
      </button>
      {!suggesting && (
        <>
          <button type="button" className="tool tool-wide" onClick={() => fileInput.current?.click()}>
            <ImageIcon /> {t('toolbar.insertFigure')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPTED_IMAGE_TYPES}
            multiple
            hidden
            aria-label={t('toolbar.insertFigure')}
            onChange={(event) => {
              const files = imageFiles(event.target.files);
              event.target.value = '';
              void insertImageFiles(editor, files).catch(reportError);
            }}
          />
        </>
      )}
    </div>
  );
}

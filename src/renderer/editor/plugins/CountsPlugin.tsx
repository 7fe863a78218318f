import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';
import { addCounts, countText, type ArticleCounts, type TextCounts } from '../../../shared/article/counts';
import { $isFigureNode } from '../nodes/FigureNode';

export interface BodyCounts extends TextCounts {
  figures: number;
  figuresWithoutCaption: number;
}

function $countBody(): BodyCounts {
  let text: TextCounts = { chineseCharacters: 0, latinWords: 0, characters: 0 };
  let figures = 0;
  let figuresWithoutCaption = 0;
  for (const node of $getRoot().getChildren()) {
    if ($isFigureNode(node)) {
      const { caption } = node.getFields();
      figures++;
      if (caption.trim() === '') figuresWithoutCaption++;
      text = addCounts(text, countText(caption));
    } else {
      text = addCounts(text, countText(node.getTextContent()));
    }
  }
  return { ...text, figures, figuresWithoutCaption };
}

/** Recounts the body when typing pauses, off the keystroke path. */
export function CountsPlugin({ onCounts, delay = 250 }: { onCounts: (counts: ArticleCounts) => void; delay?: number }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => onCounts(editor.getEditorState().read($countBody));
    run();
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor, onCounts, delay]);
  return null;
}

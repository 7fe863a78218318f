import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useMemo } from 'react';
import type { SerializedBody } from '../../../shared/article/body';
import { applyIgnores, createChecker, type Finding } from '../../../shared/checks/index';
import type { Proofreading } from '../../../shared/contract/api';
import { clearFindingHighlights, showFindingHighlights } from '../../checks/highlight';
import type { MetaFields } from '../article-session';

interface ChecksPluginProps {
  meta: MetaFields;
  proofreading: Proofreading | null;
  onFindings: (findings: Finding[]) => void;
  delay?: number;
}

/**
 * Proofreads the copy when typing pauses (the checker reuses what it found in unchanged
 * paragraphs) and underlines body findings in place.
 */
export function ChecksPlugin({ meta, proofreading, onFindings, delay = 350 }: ChecksPluginProps) {
  const [editor] = useLexicalComposerContext();
  const checker = useMemo(() => (proofreading ? createChecker(proofreading.settings, proofreading.lists) : null), [proofreading]);

  useEffect(() => {
    if (!checker || !proofreading) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let highlighted = false;
    const run = () => {
      const body = editor.getEditorState().toJSON() as unknown as SerializedBody;
      const findings = applyIgnores(checker.check({ ...meta, body }), proofreading.ignores);
      onFindings(findings);
      showFindingHighlights(editor, findings);
      highlighted = true;
    };
    run();
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      // While highlights are shown, Chromium re-checks every highlighted range after each change
      // to the page: with ~120 findings in a 200,000-character article that added ~8 ms to every
      // keystroke (npm run bench). Typing also moves the text under them, so hide them until
      // the checks run again when typing pauses.
      if (highlighted) {
        clearFindingHighlights();
        highlighted = false;
      }
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor, checker, proofreading, meta, onFindings, delay]);

  useEffect(() => clearFindingHighlights, []);
  return null;
}

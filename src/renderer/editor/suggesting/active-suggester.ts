import type { LexicalEditor } from 'lexical';
import type { Stage } from '../../../shared/review/stages';

/** Who is suggesting in each editor right now (set by SuggestingPlugin while suggesting). */
const active = new WeakMap<LexicalEditor, { by: string; byName: string; stage: Stage }>();

export function setActiveSuggester(editor: LexicalEditor, who: { by: string; byName: string; stage: Stage } | null): void {
  if (who) active.set(editor, who);
  else active.delete(editor);
}

export function activeSuggester(editor: LexicalEditor): { by: string; byName: string; stage: Stage } | undefined {
  return active.get(editor);
}

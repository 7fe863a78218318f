import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestionKey, type SuggestionAttrs } from '../../../shared/suggestions/model';
import type { Decision } from '../../../shared/suggestions/resolve-body';
import { $suggestionOf, describeSuggestion } from '../nodes/SuggestionNode';

interface Card {
  attrs: SuggestionAttrs;
  top: number;
  left: number;
}

/**
 * When the caret rests in a suggestion, a card under it says who suggested it, when and at which
 * stage (announced politely to screen readers), with accept and reject for whoever holds the copy.
 * Hidden while typing, so it never covers the text being written.
 */
export function SuggestionCardPlugin({ mayDecide, onDecide }: { mayDecide: boolean; onDecide: (key: string, decision: Decision) => void }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const [card, setCard] = useState<Card | null>(null);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyLeaves, dirtyElements }) => {
        if (dirtyLeaves.size > 0 || dirtyElements.size > 0) {
          setCard(null);
          return;
        }
        const found = editorState.read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
          const suggestion = $suggestionOf(selection.anchor.getNode());
          return suggestion ? { attrs: suggestion.getAttrs(), key: suggestion.getKey() } : null;
        });
        const element = found ? editor.getElementByKey(found.key) : null;
        const surface = element?.closest('.body-surface');
        if (!found || !element || !surface) {
          setCard(null);
          return;
        }
        const box = element.getBoundingClientRect();
        const frame = surface.getBoundingClientRect();
        setCard((previous) => (previous?.attrs === found.attrs ? previous : { attrs: found.attrs, top: box.bottom - frame.top + 4, left: Math.max(0, box.left - frame.left) }));
      }),
    [editor],
  );

  if (!card) return null;
  const key = suggestionKey(card.attrs);
  const decide = (decision: Decision) => {
    onDecide(key, decision);
    setCard(null);
  };
  return (
    <div className="suggestion-card" role="group" aria-label={t('suggestions.atCursor')} style={{ top: card.top, left: card.left }}>
      <span aria-live="polite">{describeSuggestion(card.attrs)}</span>
      {mayDecide && (
        <span className="suggestion-card-actions">
          <button type="button" onClick={() => decide('accept')}>
            {t('suggestions.accept')}
          </button>
          <button type="button" onClick={() => decide('reject')}>
            {t('suggestions.reject')}
          </button>
        </span>
      )}
    </div>
  );
}

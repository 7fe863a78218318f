import { useCallback, useMemo } from 'react';
import { useSelect } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import type { BodySuggestions } from '../editor/BodyEditor';
import type { SuggestingState } from '../editor/suggesting/suggesting-context';
import type { Decision } from '../../shared/suggestions/resolve-body';
import { useSuggestionRights } from './use-suggestion-rights';

export interface Suggesting {
  /** What the body editor needs: who suggests, the view, deciding. */
  body: BodySuggestions;
  /** What the headline, deck, byline and figure fields need. */
  fields: SuggestingState;
  /** The copy takes input: its holder may edit it, or someone suggests on it. */
  editable: boolean;
  /** The person may suggest here (the mode choice is theirs). */
  maySuggest: boolean;
  /** The person may edit as well as suggest: they choose between the two. */
  mayChoose: boolean;
}

/**
 * How the open copy is written by the window's person: edited by its holder, or suggested on by
 * whoever may suggest (its holder in suggesting mode, or a reviewer of a later stage, who can only
 * suggest).
 */
export function useSuggesting(language: string): Suggesting {
  const open = useOpenArticle();
  const rights = useSuggestionRights();
  const mode = useSelect(open.suggestions, (s) => s.mode);
  const view = useSelect(open.suggestions, (s) => s.view);
  const suggesting = rights.suggester !== null && (mode === 'suggesting' || !rights.mayEdit);
  const suggester = suggesting ? rights.suggester : null;
  const decide = useCallback((key: string, decision: Decision) => open.suggestions.decide({ keys: [key] }, decision), [open]);
  const body = useMemo<BodySuggestions>(
    () => ({ suggester, view, mayDecide: rights.mayDecide, decide, changed: open.suggestions.changed }),
    [suggester, view, rights.mayDecide, decide, open],
  );
  const fields = useMemo(() => ({ suggester, view, language }), [suggester, view, language]);
  return { body, fields, editable: rights.mayEdit || suggesting, maySuggest: rights.suggester !== null, mayChoose: rights.suggester !== null && rights.mayEdit };
}

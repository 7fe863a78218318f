import { useMemo } from 'react';
import type { ReviewState } from '../../shared/review/review-state';
import type { Stage } from '../../shared/review/stages';
import { checkSuggest } from '../../shared/review/suggestions-gate';
import { useAppStores } from '../app/app-stores';
import { useSelect } from '../app/store';
import { useOpenArticle } from '../article/article-context';
import type { Suggester } from '../editor/suggesting/suggester';

export interface SuggestionRights {
  /** Who would be suggesting (the window's person at the article's stage), when they may. */
  suggester: Suggester | null;
  /** May edit the copy: holds it now (the server's answer). */
  mayEdit: boolean;
  /** May accept or reject: holds the copy now, since deciding is an edit. */
  mayDecide: boolean;
  stage: Stage | null;
}

/**
 * What the window's person may do with suggestions on the open article, by the rules of
 * shared/review/suggestions-gate.ts: its holder edits, suggests and decides; a reviewer of a later
 * stage suggests only (the save rule, shared/suggestions/save-rule.ts, holds them to that).
 */
export function useSuggestionRights(): SuggestionRights {
  const open = useOpenArticle();
  const session = useSelect(useAppStores().desk, (desk) => desk.session);
  const review = useSelect(open.review, (view) => view.review);
  return useMemo(() => {
    const person = session.currentUser;
    if (!person || !review) return { suggester: null, mayEdit: false, mayDecide: false, stage: review?.state.stage ?? null };
    const mayEdit = review.edit.ok;
    // The contract's state is the derived ReviewState, its holder role sent as a plain string.
    const maySuggest = !review.problem && checkSuggest(review.state as ReviewState, person, '', session.policy).ok;
    return { suggester: maySuggest ? { by: person.id, byName: person.name, stage: review.state.stage } : null, mayEdit, mayDecide: mayEdit, stage: review.state.stage };
  }, [session, review]);
}

import { createContext, useContext } from 'react';
import type { Suggester } from './suggester';

/** How suggestions are shown: in place (changes shown), or the copy with them all accepted or all rejected. */
export const SUGGESTION_VIEWS = ['changes', 'final', 'original'] as const;
export type SuggestionsView = (typeof SUGGESTION_VIEWS)[number];

export interface SuggestingState {
  /** Who is suggesting, while the person suggests instead of editing; null while editing. */
  suggester: Suggester | null;
  view: SuggestionsView;
  /** The copy's language, for the word diff of field proposals. */
  language: string;
}

export const SuggestingContext = createContext<SuggestingState>({ suggester: null, view: 'changes', language: 'en' });

export function useSuggesting(): SuggestingState {
  return useContext(SuggestingContext);
}

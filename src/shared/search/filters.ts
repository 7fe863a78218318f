import type { ArticleSummary, Language } from '../article/article';
import type { Stage } from '../review/stages';
import type { QueueName } from '../library/queues';

/**
 * What narrows the library or a search. Every given filter must hold. Dates are ISO strings
 * compared as such, so "2024-06" alone means from (or up to) the start of June 2024.
 */
export interface LibraryFilters {
  /** Articles at any of these stages. */
  stages?: Stage[];
  /** Articles in this channel or below it. */
  channel?: string[];
  authorId?: string;
  /** Articles this person approved, returned or reopened. */
  reviewerId?: string;
  /** The date the range applies to (default: updated). */
  dateField?: 'created' | 'updated';
  from?: string;
  /** Exclusive. */
  to?: string;
  /** The desk queue of the person the list is for (see ListRequest.person). */
  queue?: QueueName;
  /** List the trash instead of the library. */
  trash?: boolean;
}

export const SORT_KEYS = ['relevance', 'updated', 'created', 'headline'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface LibrarySort {
  key: SortKey;
  descending: boolean;
}

/** Newest first; a search with no sort given is ordered by relevance. */
export const DEFAULT_LIST_SORT: LibrarySort = { key: 'updated', descending: true };
export const DEFAULT_SEARCH_SORT: LibrarySort = { key: 'relevance', descending: true };

/** One row of the library list: the article's summary and what the list shows beside it. */
export interface LibraryRow extends ArticleSummary {
  language: Language;
  createdAt: string;
  trashed: boolean;
  damaged: string | null;
}

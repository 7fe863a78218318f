import type { AnnotationThread } from '../annotations/events';
import type { Language } from '../article/article';
import type { ReviewActionName } from '../review/records';
import type { ReviewState } from '../review/review-state';

/** A top-level body block and its plain text (src/shared/checks/segments.ts numbers blocks). */
export interface IndexedBlock {
  block: number;
  text: string;
}

/** A figure, counted from 0 among the body's figures in document order. */
export interface IndexedFigure {
  figure: number;
  caption: string;
  credit: string;
}

/** One comment of an annotation thread. */
export interface IndexedNote {
  thread: string;
  comment: string;
  byName: string;
  text: string;
}

/** One review record that carries words: an opinion, a reason, a note. */
export interface IndexedOpinion {
  /** The record's place in the article's review log, from 0. */
  record: number;
  action: ReviewActionName;
  by: string;
  byName: string;
  at: string;
  text: string;
}

/** What put an article in the trash: when, who (their name as recorded, else their id) and why. */
export interface TrashNote {
  at: string;
  by: string;
  reason: string | null;
}

/**
 * Everything the library list, the desk queues and search need to know about one article: what
 * the per-machine index stores. It is derived from the workspace and never written back to it.
 */
export interface IndexedArticle {
  id: string;
  /**
   * What the folder says about the article's files (sizes, times, head revision): an article whose
   * stamp has not changed since it was indexed is not read again.
   */
  stamp: string;
  language: Language;
  channel: string[];
  headline: string;
  deck: string;
  byline: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  review: ReviewState | null;
  /** Set when the review log was altered or cannot be read. */
  reviewProblem: string | null;
  trashed: boolean;
  /** What put the article in the trash, while it is there. */
  trash: TrashNote | null;
  /** Why the article itself cannot be read, when it cannot; it is still listed, without text. */
  damaged: string | null;
  blocks: IndexedBlock[];
  figures: IndexedFigure[];
  annotations: IndexedNote[];
  opinions: IndexedOpinion[];
  /** The annotation threads still open, whole (the open-annotations queue lists them). */
  openThreads: AnnotationThread[];
}

/** Review actions whose actor is a reviewer of the article (the reviewer filter). */
const REVIEWING: ReadonlySet<ReviewActionName> = new Set(['approve', 'return', 'reopen']);

/** Everyone who approved, returned or reopened the article, each once, in the order they first did. */
export function reviewersOf(article: Pick<IndexedArticle, 'opinions'>): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const opinion of article.opinions) if (REVIEWING.has(opinion.action) && !seen.has(opinion.by)) seen.set(opinion.by, opinion.byName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

import type { IndexedArticle } from './indexed-article';

/** The fields search looks in, in reading order. */
export const SEARCH_FIELDS = ['headline', 'deck', 'byline', 'body', 'caption', 'credit', 'annotation', 'opinion'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * A place in an article that holds searchable text. Body places name the top-level block and
 * figure places the figure number, as proofreading findings do (src/shared/checks/finding.ts),
 * so the page opens a hit the way it opens a finding.
 */
export interface Place {
  field: SearchField;
  block?: number;
  figure?: number;
  /** Annotation thread and comment. */
  thread?: string;
  comment?: string;
  /** Review record number. */
  record?: number;
}

export interface PlacedText extends Place {
  text: string;
}

/** Every piece of searchable text of the article with its place, in reading order. */
export function placedTexts(article: IndexedArticle): PlacedText[] {
  const out: PlacedText[] = [];
  const push = (place: PlacedText) => {
    if (place.text !== '') out.push(place);
  };
  push({ field: 'headline', text: article.headline });
  push({ field: 'deck', text: article.deck });
  push({ field: 'byline', text: article.byline });
  for (const { block, text } of article.blocks) push({ field: 'body', block, text });
  for (const { figure, caption } of article.figures) push({ field: 'caption', figure, text: caption });
  for (const { figure, credit } of article.figures) push({ field: 'credit', figure, text: credit });
  for (const { thread, comment, text } of article.annotations) push({ field: 'annotation', thread, comment, text });
  for (const { record, text } of article.opinions) push({ field: 'opinion', record, text });
  return out;
}

import { stateOf } from '../../../shared/library/queues';
import type { LibraryRow } from '../../../shared/search/filters';
import { reviewersOf, type IndexedArticle } from '../../../shared/search/indexed-article';
import { placedTexts, SEARCH_FIELDS, type PlacedText, type SearchField } from '../../../shared/search/places';
import { queueShape, relationsOf, type QueueFacts } from '../../../shared/search/queue-shapes';
import { tokenString } from '../../../shared/search/tokenize';

/**
 * Between two pieces of text of one field (two paragraphs, two captions) the index holds this
 * token, which no query can contain (a private-use character: queries keep only letters and
 * digits), so a phrase never runs from one piece into the next.
 */
export const PIECE_BREAK = '\ue000';

/** A channel path as stored: each part followed by a separator, so a path is a prefix of its sub-channels'. */
export function channelKey(channel: readonly string[]): string {
  return channel.map((part) => `${part}\u001f`).join('');
}

/** The article as the index's tables hold it. */
export interface StoredArticle {
  article: IndexedArticle;
  row: LibraryRow;
  stage: string;
  channelKey: string;
  queueShape: string;
  /** Everyone the article names, with their relation to it (queue-shapes.ts). */
  relations: Map<string, number>;
  reviewers: string[];
  places: PlacedText[];
  /** The full-text columns, in SEARCH_FIELDS order: each a space-separated token string. */
  columns: string[];
}

export function storedArticle(article: IndexedArticle): StoredArticle {
  const row: LibraryRow = {
    id: article.id,
    headline: article.headline,
    channel: article.channel,
    authorId: article.authorId,
    createdBy: article.authorName,
    updatedAt: article.updatedAt,
    updatedBy: article.updatedBy,
    review: article.review,
    reviewProblem: article.reviewProblem,
    language: article.language,
    createdAt: article.createdAt,
    trashed: article.trashed,
    damaged: article.damaged,
  };
  const facts: QueueFacts = { authorId: article.authorId, review: article.review, reviewProblem: article.reviewProblem };
  const places = placedTexts(article);
  const byField = new Map<SearchField, string[]>();
  for (const place of places) {
    const tokens = tokenString(place.text);
    if (tokens === '') continue;
    const list = byField.get(place.field);
    if (list) list.push(tokens);
    else byField.set(place.field, [tokens]);
  }
  return {
    article,
    row,
    stage: stateOf(row).stage,
    channelKey: channelKey(article.channel),
    queueShape: queueShape(facts),
    relations: relationsOf(facts),
    reviewers: reviewersOf(article).map((person) => person.id),
    places,
    columns: SEARCH_FIELDS.map((field) => (byField.get(field) ?? []).join(` ${PIECE_BREAK} `)),
  };
}

import type { Article } from '../article/article';
import type { AnnotationThread } from '../annotations/events';
import { openThreads } from '../annotations/threads';
import { extractSegments } from '../checks/segments';
import type { ReviewRecord } from '../review/records';
import type { ReviewState } from '../review/review-state';
import type { IndexedArticle, IndexedFigure, TrashNote } from './indexed-article';

export interface ArticleForIndex {
  article: Article;
  stamp: string;
  review: ReviewState | null;
  reviewProblem: string | null;
  records: readonly Pick<ReviewRecord, 'action' | 'actorId' | 'actorName' | 'at' | 'opinion'>[];
  threads: readonly AnnotationThread[];
  /** What put the article in the trash; null when it is not there. */
  trash: TrashNote | null;
}

/** The index's view of a readable article: its text by place, its review words and its standing. */
export function indexedArticleOf(input: ArticleForIndex): IndexedArticle {
  const { article } = input;
  const blocks: IndexedArticle['blocks'] = [];
  const figures: IndexedFigure[] = [];
  for (const segment of extractSegments(article)) {
    if (segment.field === 'body' && segment.block !== undefined && segment.text !== '') blocks.push({ block: segment.block, text: segment.text });
    else if (segment.field === 'caption') figures.push({ figure: segment.figure!, caption: segment.text, credit: '' });
    else if (segment.field === 'credit') figures.at(-1)!.credit = segment.text;
  }
  return {
    id: article.id,
    stamp: input.stamp,
    language: article.language,
    channel: [...article.channel],
    headline: article.headline,
    deck: article.deck,
    byline: article.byline,
    authorId: article.authorId,
    authorName: article.createdBy,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    updatedBy: article.updatedBy,
    review: input.review,
    reviewProblem: input.reviewProblem,
    trashed: input.trash !== null,
    trash: input.trash,
    damaged: null,
    blocks,
    figures: figures.filter((figure) => figure.caption !== '' || figure.credit !== ''),
    annotations: input.threads.flatMap((thread) =>
      thread.comments.map((comment) => ({ thread: thread.id, comment: comment.id, byName: comment.byName, text: comment.text })),
    ),
    openThreads: openThreads([...input.threads]),
    opinions: input.records.flatMap((record, index) =>
      record.opinion.trim() === ''
        ? []
        : [{ record: index, action: record.action, by: record.actorId, byName: record.actorName, at: record.at, text: record.opinion }],
    ),
  };
}

/** An article whose files cannot be read: listed under its id, so it can be found and looked at. */
export function damagedArticle(args: { id: string; stamp: string; problem: string; trash: TrashNote | null; at: string }): IndexedArticle {
  return {
    id: args.id,
    stamp: args.stamp,
    language: 'zh-CN',
    channel: [],
    headline: '',
    deck: '',
    byline: '',
    authorId: '',
    authorName: '',
    createdAt: args.at,
    updatedAt: args.at,
    updatedBy: '',
    review: null,
    reviewProblem: null,
    trashed: args.trash !== null,
    trash: args.trash,
    damaged: args.problem,
    blocks: [],
    figures: [],
    annotations: [],
    opinions: [],
    openThreads: [],
  };
}

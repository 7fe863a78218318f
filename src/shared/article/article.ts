import { z } from '../zod';
import { BodySchema, emptyBody } from './body';
import { ReviewStateSchema } from '../review/review-summary';
import { ArticleIdSchema } from './ids';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const ARTICLE_FORMAT = 1;

export const LIMITS = {
  channelSegments: 8,
  channelSegment: 60,
  headline: 300,
  deck: 1_000,
  byline: 300,
  person: 80,
} as const;

export const ChannelPathSchema = z
  .array(z.string().trim().min(1).max(LIMITS.channelSegment))
  .max(LIMITS.channelSegments);

export const PersonNameSchema = z.string().trim().min(1).max(LIMITS.person);

/** The fields a writer edits; everything else is kept by the workspace. */
export const ArticleContentSchema = z.object({
  channel: ChannelPathSchema,
  headline: z.string().max(LIMITS.headline),
  deck: z.string().max(LIMITS.deck),
  byline: z.string().max(LIMITS.byline),
  language: LanguageSchema,
  body: BodySchema,
});
export type ArticleContent = z.infer<typeof ArticleContentSchema>;

export const ArticleSchema = ArticleContentSchema.extend({
  format: z.literal(ARTICLE_FORMAT),
  id: ArticleIdSchema,
  /** The author's person id in the workspace roster ('' for an article made before there was one). */
  authorId: z.string().max(40).default(''),
  /** The author's name ('' when nobody on the roster is known as the author). */
  createdBy: z.string().max(LIMITS.person),
  createdAt: z.iso.datetime(),
  updatedBy: z.string().max(LIMITS.person),
  updatedAt: z.iso.datetime(),
  /** How many revisions the copy has (format 1: increased by one on every save). */
  revision: z.number().int().min(0),
  /** The revision the copy is (its id, the hash of its signed log line); a save names it as its base. '' before the first. */
  head: z.string().max(64).default(''),
});
export type Article = z.infer<typeof ArticleSchema>;

export const ArticleSummarySchema = z.object({
  id: ArticleIdSchema,
  headline: z.string(),
  channel: z.array(z.string()),
  authorId: z.string().default(''),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Where the article stands in the review chain, as of its last save or review action. */
  review: ReviewStateSchema.nullable().default(null),
  /** Set when the review log was altered or cannot be read. */
  reviewProblem: z.string().nullable().default(null),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    headline: article.headline,
    channel: article.channel,
    authorId: article.authorId,
    createdBy: article.createdBy,
    updatedAt: article.updatedAt,
    updatedBy: article.updatedBy,
    review: null,
    reviewProblem: null,
  };
}

/** The copy of a new article: nothing written yet. */
export function emptyContent(language: Language): ArticleContent {
  return { channel: [], headline: '', deck: '', byline: '', language, body: emptyBody() };
}

export function newArticle(args: { id: string; author: string; authorId?: string; at: Date; language: Language }): Article {
  const at = args.at.toISOString();
  return {
    format: ARTICLE_FORMAT,
    id: args.id,
    authorId: args.authorId ?? '',
    channel: [],
    headline: '',
    deck: '',
    byline: '',
    language: args.language,
    body: emptyBody(),
    createdBy: args.author,
    createdAt: at,
    updatedBy: args.author,
    updatedAt: at,
    revision: 0,
    head: '',
  };
}

export const CHANNEL_SEPARATOR = ' > ';

export function formatChannel(channel: readonly string[]): string {
  return channel.join(CHANNEL_SEPARATOR);
}

export function parseChannel(text: string): string[] {
  return text
    .split(/\s*[>›＞»/]\s*/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .slice(0, LIMITS.channelSegments)
    .map((part) => part.slice(0, LIMITS.channelSegment));
}

/** What people do to one article (`articles/<id>/log/`), one payloadType per kind. */
import { AnnotationEventSchema } from '../annotations/events';
import { ArticleIdSchema } from '../article/ids';
import { IgnoreSchema } from '../checks/finding';
import { LanguageSchema } from '../article/article';
import { PERSON_NAME_MAX } from '../review/people';
import { OPINION_MAX, REVIEW_ACTIONS } from '../review/records';
import { RETURN_TARGETS, STAGES } from '../review/stages';
import { TRASH_REASON_MAX } from '../review/trash';
import { z } from '../zod';
import { PAYLOAD_TYPES, type PayloadKind } from './envelope';
import { HashSchema, HeaderFields, MAX_PARENTS, type PayloadHeader } from './payload';
import { RevisionEventSchema, type RevisionEvent } from './revision-event';

export const ARTICLE_KINDS = ['create', 'review', 'annotation', 'ignore', 'revision', 'trash'] as const satisfies readonly PayloadKind[];
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** Authorship: the first create in the article's order names its author; its first revision follows it. */
export const CreateEventSchema = z.strictObject({ contentHash: HashSchema.optional(), language: LanguageSchema.optional() });

/**
 * Today's review record (src/shared/review/records.ts) without what the header already says
 * (seq, actorId = by, at) or what the chain replaces (prevHash, hash). The stage and text rules
 * of a review record are checked when the log is replayed, as rules, not as parse errors.
 */
export const ReviewEventSchema = z.strictObject({
  action: z.enum(REVIEW_ACTIONS),
  actorName: z.string().min(1).max(PERSON_NAME_MAX),
  stage: z.enum(STAGES),
  to: z.enum(RETURN_TARGETS).optional(),
  opinion: z.string().max(OPINION_MAX),
  contentHash: HashSchema,
  /** Recommended proofreading findings left open when the reviewer approved. */
  recommendedFindings: z.number().int().min(0).optional(),
  /** The revision the reviewer saw (its id): the copy `contentHash` names. */
  revision: HashSchema.optional(),
});
export type ReviewEvent = z.infer<typeof ReviewEventSchema>;

/** Into the trash and back; the folder stays where it is. Who and when are the header's. */
export const TrashEventSchema = z.strictObject({
  action: z.enum(['trash', 'restore']),
  /** Why, for copy in review or signed off (src/shared/review/trash.ts). */
  reason: z.string().max(TRASH_REASON_MAX).optional(),
  /** The stage the article was at. */
  stage: z.enum(STAGES).optional(),
});

const EVENT_SCHEMAS = {
  create: CreateEventSchema,
  review: ReviewEventSchema,
  annotation: AnnotationEventSchema,
  ignore: IgnoreSchema,
  revision: RevisionEventSchema,
  trash: TrashEventSchema,
} as const;

export interface ArticleEvents {
  create: z.infer<typeof CreateEventSchema>;
  review: ReviewEvent;
  annotation: z.infer<typeof AnnotationEventSchema>;
  ignore: z.infer<typeof IgnoreSchema>;
  revision: RevisionEvent;
  trash: z.infer<typeof TrashEventSchema>;
}

export interface ArticleHeader extends PayloadHeader {
  article: string;
  /** Heads of the roster the writer had seen: the roster their action is judged by. */
  roster: string[];
}

export type ArticlePayload<K extends ArticleKind = ArticleKind> = ArticleHeader & { event: ArticleEvents[K] };

const ArticleHeaderFields = { ...HeaderFields, article: ArticleIdSchema, roster: z.array(HashSchema).min(1).max(MAX_PARENTS) };

const PAYLOAD_SCHEMAS = Object.fromEntries(
  ARTICLE_KINDS.map((kind) => [kind, z.strictObject({ ...ArticleHeaderFields, event: EVENT_SCHEMAS[kind] })]),
) as unknown as Record<ArticleKind, z.ZodType<ArticlePayload>>;

const KIND_BY_TYPE = new Map<string, ArticleKind>(ARTICLE_KINDS.map((kind) => [PAYLOAD_TYPES[kind], kind]));

export function articleKindOf(payloadType: string): ArticleKind | null {
  return KIND_BY_TYPE.get(payloadType) ?? null;
}

export function articlePayloadSchema(kind: ArticleKind): z.ZodType<ArticlePayload> {
  return PAYLOAD_SCHEMAS[kind];
}

/** Among concurrent article events, which the deterministic order takes first. */
export const ARTICLE_KIND_PRIORITY: Record<ArticleKind, number> = { create: 0, revision: 1, annotation: 2, ignore: 3, review: 4, trash: 5 };

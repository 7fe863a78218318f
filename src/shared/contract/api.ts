import { z } from '../zod';
import {
  ArticleContentSchema,
  ArticleSchema,
  ArticleSummarySchema,
  ChannelPathSchema,
  LanguageSchema,
  PersonNameSchema,
} from '../article/article';
import { IMAGE_MIME_TYPES } from '../article/body';
import { ArticleIdSchema, AssetIdSchema } from '../article/ids';
import { CommentIdSchema, MarkIdSchema, MAX_COMMENT, MAX_QUOTE } from '../annotations/events';
import { PersonIdSchema, PersonSchema, RoleSchema, ROLES, RosterSchema } from '../review/people';
import { OPINION_MAX, ReviewRecordSchema } from '../review/records';
import { ReviewStateSchema } from '../review/review-summary';
import { RETURN_TARGETS } from '../review/stages';
import { WorkspacePolicySchema } from '../review/workspace-policy';
import { TRASH_REASON_MAX } from '../review/trash';
import type { ArticleDiff } from '../history/article-diff';
import { CheckSettingsSchema, HouseListsSchema, IgnoreSchema } from '../checks/index';
import { EXPORT_FORMATS } from '../export/formats';
import { REVISION_LABEL_MAX, RevisionSchema } from '../history/revision';
import { AppErrorSchema } from './errors';

const NoInput = z.object({}).strict();
const ById = z.object({ id: ArticleIdSchema }).strict();

/** 30 MB of image, base64-encoded. */
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

/** A file that is damaged, or was interrupted and set aside: where it is in the workspace, and what is wrong, in a sentence. */
export const FileProblemSchema = z.object({ file: z.string(), problem: z.string() });
export type FileProblem = z.infer<typeof FileProblemSchema>;

export const WorkspaceInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  channels: z.array(ChannelPathSchema),
  /** The workspace's own files (workspace.json, people.json) that cannot be used; each was left as it is. */
  problems: z.array(FileProblemSchema),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

export const DamagedEntrySchema = z.object({ id: z.string(), file: z.string(), problem: z.string() });
export type DamagedEntry = z.infer<typeof DamagedEntrySchema>;

export const ArticleListSchema = z.object({
  articles: z.array(ArticleSummarySchema),
  damaged: z.array(DamagedEntrySchema),
});
export type ArticleList = z.infer<typeof ArticleListSchema>;

export const TrashEntrySchema = ArticleSummarySchema.extend({
  trashedAt: z.string(),
  trashedBy: z.string(),
  trashReason: z.string().optional(),
  problems: z.array(FileProblemSchema),
});
export type TrashEntry = z.infer<typeof TrashEntrySchema>;

export const SavedSchema = z.object({
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Saved = z.infer<typeof SavedSchema>;

export const ImageInfoSchema = z.object({
  asset: AssetIdSchema,
  mime: z.enum(IMAGE_MIME_TYPES),
  width: z.number().int(),
  height: z.number().int(),
});
export type ImageInfo = z.infer<typeof ImageInfoSchema>;

/** What the page may read and change of this machine's settings: the interface language. */
export const SettingsSchema = z.object({
  language: LanguageSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SessionSchema = z.object({
  currentUser: PersonSchema.nullable(),
  roster: RosterSchema,
  rosterProblem: z.string().nullable(),
  policy: WorkspacePolicySchema,
});
export type Session = z.infer<typeof SessionSchema>;

export const ArticleReviewSchema = z.object({
  records: z.array(ReviewRecordSchema),
  state: ReviewStateSchema,
  problem: z.string().nullable(),
  /** What the end of the review log tells without breaking the chain: an unfinished record, records set aside. */
  notices: z.array(z.string()),
  /** The published footer from the recorded sign-offs, in the article's language; null until signed off. */
  footer: z.string().nullable(),
  /** Whether the current user may edit the copy now, and if not, why. */
  edit: z.object({ ok: z.boolean(), refusal: z.object({ code: z.string(), params: z.record(z.string(), z.string()) }).optional() }),
  openAnnotations: z.number().int(),
});
export type ArticleReview = z.infer<typeof ArticleReviewSchema>;

const ReviewRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), note: z.string().max(OPINION_MAX).optional() }).strict(),
  z.object({ action: z.literal('withdraw'), note: z.string().max(OPINION_MAX).optional() }).strict(),
  z.object({ action: z.literal('approve'), opinion: z.string().max(OPINION_MAX) }).strict(),
  z.object({ action: z.literal('return'), to: z.enum(RETURN_TARGETS), reason: z.string().max(OPINION_MAX) }).strict(),
  z.object({ action: z.literal('reopen'), reason: z.string().max(OPINION_MAX) }).strict(),
]);

const ThreadSchema = z.object({
  id: z.string(),
  quote: z.string(),
  openedBy: z.string(),
  openedByName: z.string(),
  openedAt: z.string(),
  stage: z.string(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  comments: z.array(
    z.object({ id: z.string(), by: z.string(), byName: z.string(), at: z.string(), stage: z.string(), text: z.string(), editedAt: z.string().nullable() }),
  ),
});
const CommentText = z.string().trim().min(1).max(MAX_COMMENT);
const AnnotationOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), thread: MarkIdSchema, quote: z.string().max(MAX_QUOTE), text: CommentText }).strict(),
  z.object({ kind: z.literal('reply'), thread: MarkIdSchema, text: CommentText }).strict(),
  z.object({ kind: z.literal('edit'), thread: MarkIdSchema, comment: CommentIdSchema, text: CommentText }).strict(),
  z.object({ kind: z.literal('delete'), thread: MarkIdSchema, comment: CommentIdSchema }).strict(),
  z.object({ kind: z.literal('resolve'), thread: MarkIdSchema }).strict(),
  z.object({ kind: z.literal('reopen'), thread: MarkIdSchema }).strict(),
]);
export type AnnotationOp = z.infer<typeof AnnotationOpSchema>;

const RevisionRef = z.union([z.number().int().min(1), z.literal('current')]);
export const HistoryListSchema = z.object({
  revisions: z.array(RevisionSchema),
  /** Lines of the index that cannot be read. */
  problems: z.array(z.string()),
  /** The index's end: an unfinished line, lines set aside. */
  notices: z.array(z.string()),
  /** Listed revisions that cannot be rebuilt (a blob they need is missing or damaged): no compare, no restore. */
  damaged: z.array(z.object({ n: z.number().int(), problem: z.string() })),
});
export type HistoryList = z.infer<typeof HistoryListSchema>;
/** The structured diff (src/shared/history/article-diff.ts); validated loosely, it comes from main. */
export const ComparisonSchema = z.object({ from: RevisionRef, to: RevisionRef, diff: z.custom<ArticleDiff>((v) => typeof v === 'object' && v !== null) });
export type Comparison = z.infer<typeof ComparisonSchema>;

export const ProofreadingSchema = z.object({ settings: CheckSettingsSchema, lists: HouseListsSchema, ignores: z.array(IgnoreSchema) });
export type Proofreading = z.infer<typeof ProofreadingSchema>;

export const AnnotationListSchema = z.object({ threads: z.array(ThreadSchema), problems: z.array(z.string()) });
export const OpenAnnotationsSchema = z.array(z.object({ articleId: z.string(), headline: z.string(), thread: ThreadSchema }));
export type OpenAnnotation = z.infer<typeof OpenAnnotationsSchema>[number];

const DownloadSchema = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });
const BatchJobSchema = z.object({ job: z.string().min(1).max(64) }).strict();
export const BatchExportStatusSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  failures: z.array(z.object({ id: z.string(), error: AppErrorSchema })),
  cancelled: z.boolean(),
  /** Set once the batch has finished: the zip of everything written, or why there is none. */
  finished: z.object({ file: DownloadSchema.nullable(), error: AppErrorSchema.nullable() }).nullable(),
});
export type BatchExportStatus = z.infer<typeof BatchExportStatusSchema>;

/**
 * Every call the page can make. Each entry is one preload method and one IPC channel
 * (`api:<name>`); main validates the input and the preview's HTTP bridge does the same.
 */
export const API = {
  getWorkspace: { input: NoInput, output: WorkspaceInfoSchema },
  chooseWorkspace: { input: NoInput, output: WorkspaceInfoSchema.nullable() },
  listArticles: { input: NoInput, output: ArticleListSchema },
  getArticle: { input: ById, output: ArticleSchema },
  createArticle: { input: z.object({ language: LanguageSchema }).strict(), output: ArticleSchema },
  saveArticle: {
    input: z.object({ id: ArticleIdSchema, baseRevision: z.number().int().min(0), content: ArticleContentSchema }).strict(),
    output: SavedSchema,
  },
  /** A reason is required for copy in review or signed off (see src/shared/review/trash.ts). */
  trashArticle: { input: z.object({ id: ArticleIdSchema, reason: z.string().max(TRASH_REASON_MAX).optional() }).strict(), output: z.object({}) },
  listTrash: { input: NoInput, output: z.array(TrashEntrySchema) },
  restoreArticle: { input: ById, output: ArticleSummarySchema },
  importImage: {
    input: z
      .object({
        name: z.string().max(255),
        dataBase64: z.base64().max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4),
      })
      .strict(),
    output: ImageInfoSchema,
  },
  getSettings: { input: NoInput, output: SettingsSchema },
  updateSettings: {
    input: z.object({ language: LanguageSchema.nullable().optional() }).strict(),
    output: SettingsSchema,
  },
  getSession: { input: NoInput, output: SessionSchema },
  setCurrentUser: { input: z.object({ id: PersonIdSchema }).strict(), output: SessionSchema },
  createFirstPerson: { input: z.object({ name: PersonNameSchema }).strict(), output: SessionSchema },
  addPerson: { input: z.object({ name: PersonNameSchema, roles: z.array(RoleSchema).max(ROLES.length) }).strict(), output: SessionSchema },
  updatePerson: {
    input: z.object({ id: PersonIdSchema, roles: z.array(RoleSchema).max(ROLES.length).optional(), active: z.boolean().optional() }).strict(),
    output: SessionSchema,
  },
  updatePolicy: { input: WorkspacePolicySchema.partial().strict(), output: SessionSchema },
  getReview: { input: ById, output: ArticleReviewSchema },
  reviewAction: {
    input: z
      .object({
        id: ArticleIdSchema,
        request: ReviewRequestSchema,
        acknowledgeOpenAnnotations: z.boolean().optional(),
        acknowledgeRecommendedChecks: z.boolean().optional(),
        acknowledgeRequiredChecks: z.boolean().optional(),
      })
      .strict(),
    output: ArticleReviewSchema,
  },
  listAnnotations: { input: ById, output: AnnotationListSchema },
  annotate: { input: z.object({ id: ArticleIdSchema, op: AnnotationOpSchema }).strict(), output: AnnotationListSchema },
  listOpenAnnotations: { input: NoInput, output: OpenAnnotationsSchema },
  /** The workspace's proofreading settings and lists, and with an article id its "ignore here" decisions. */
  getProofreading: { input: z.object({ id: ArticleIdSchema.optional() }).strict(), output: ProofreadingSchema },
  updateProofreading: {
    input: z.object({ settings: CheckSettingsSchema.optional(), lists: HouseListsSchema.optional() }).strict(),
    output: ProofreadingSchema.omit({ ignores: true }),
  },
  ignoreFinding: {
    input: z.object({ id: ArticleIdSchema, findingId: z.string().min(1).max(400), reason: z.string().trim().min(1).max(1_000) }).strict(),
    output: z.array(IgnoreSchema),
  },
  exportStatus: { input: ById, output: z.object({ final: z.boolean(), code: z.string(), reason: z.string() }) },
  exportArticle: {
    input: z.object({ id: ArticleIdSchema, format: z.enum([...EXPORT_FORMATS, 'pdf']), draft: z.boolean() }).strict(),
    output: DownloadSchema.extend({ draft: z.boolean() }),
  },
  startBatchExport: {
    input: z.object({ ids: z.array(ArticleIdSchema).min(1).max(10_000), format: z.enum(EXPORT_FORMATS) }).strict(),
    output: z.object({ job: z.string() }),
  },
  batchExportStatus: { input: BatchJobSchema, output: BatchExportStatusSchema },
  cancelBatchExport: { input: BatchJobSchema, output: z.object({}) },
  convertDocument: {
    input: z.object({ name: z.string().min(1).max(255), dataBase64: z.base64().max(Math.ceil((50 * 1024 * 1024) / 3) * 4) }).strict(),
    output: z.object({ html: z.string(), title: z.string() }),
  },
  listRevisions: { input: ById, output: HistoryListSchema },
  /** Every file of the article that is damaged, unfinished or set aside, named; empty when all is well. */
  checkArticleFiles: { input: ById, output: z.array(FileProblemSchema) },
  recordRevision: {
    input: z.object({ id: ArticleIdSchema, kind: z.enum(['auto', 'save']), label: z.string().trim().max(REVISION_LABEL_MAX).optional() }).strict(),
    output: RevisionSchema,
  },
  compareRevisions: { input: z.object({ id: ArticleIdSchema, from: RevisionRef, to: RevisionRef }).strict(), output: ComparisonSchema },
  restoreRevision: { input: z.object({ id: ArticleIdSchema, n: z.number().int().min(1) }).strict(), output: ArticleSchema },
  restoreCaption: {
    input: z
      .object({ id: ArticleIdSchema, n: z.number().int().min(1), figure: z.number().int().min(0).max(10_000), source: z.number().int().min(0).max(10_000) })
      .strict(),
    output: ArticleSchema,
  },
} as const;

export type ApiName = keyof typeof API;
export const API_NAMES = Object.keys(API) as ApiName[];
export type ApiInput<N extends ApiName> = z.input<(typeof API)[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<(typeof API)[N]['output']>;
/** What a handler receives: the input after validation (defaults applied). */
export type ApiParsedInput<N extends ApiName> = z.output<(typeof API)[N]['input']>;

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
import { OPINION_MAX, REVIEW_ACTIONS } from '../review/records';
import { ReviewStateSchema } from '../review/review-summary';
import { RETURN_TARGETS, STAGES } from '../review/stages';
import { RECORD_STATUSES } from '../identity/article-verdict';
import { HEX_64 } from '../identity/bytes';
import { LOCK_AFTER_MINUTES } from '../identity/workspace-settings';
import { WorkspacePolicySchema } from '../review/workspace-policy';
import { TRASH_REASON_MAX } from '../review/trash';
import type { ArticleDiff } from '../history/article-diff';
import { CheckSettingsSchema, HouseListsSchema, IgnoreSchema } from '../checks/index';
import { EXPORT_FORMATS } from '../export/formats';
import { REVISION_LABEL_MAX, RevisionSchema } from '../history/revision';
import { CHANGES_BASES, ChangesSinceSchema } from '../tracked/schema';
import { PASSPHRASE_LIMITS } from '../identity/passphrase';
import { AppErrorSchema } from './errors';
import { MAX_COLLISIONS, MergePickSchema } from '../merge/crossed-schema';
import { LEASE_API } from './lease-api';
import { LibraryPageSchema, LibraryStatusSchema, SearchLibraryInputSchema } from './library';

const NoInput = z.object({}).strict();
const ById = z.object({ id: ArticleIdSchema }).strict();

/** 30 MB of image, base64-encoded. */
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

/** A file that is damaged, or was interrupted and set aside: where it is in the workspace, and what is wrong, in a sentence. */
export const FileProblemSchema = z.object({ file: z.string(), problem: z.string() });
export type FileProblem = z.infer<typeof FileProblemSchema>;

/**
 * ready: signed in people work here; new: nobody is in it yet (its first person sets it up);
 * needs-upgrade: made by an earlier version (format 1), upgraded once by an administrator;
 * unreadable: workspace.json cannot be read and the roster does not say which workspace this is.
 */
export const WORKSPACE_STATUSES = ['ready', 'new', 'needs-upgrade', 'unreadable'] as const;
export type WorkspaceStatus = (typeof WORKSPACE_STATUSES)[number];

export const WorkspaceInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  status: z.enum(WORKSPACE_STATUSES),
  workspaceId: z.string().nullable(),
  channels: z.array(ChannelPathSchema),
  /** The workspace's own files that cannot be used, or roster lines that do not count; each was left as it is. */
  problems: z.array(FileProblemSchema),
  /** The root of trust: the active administrators and the fingerprints of their keys. */
  admins: z.array(z.object({ id: z.string(), name: z.string(), fingerprints: z.array(z.string()) })),
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
  /** The revision the copy now is: the next save names it as its base. */
  head: z.string(),
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

/** A person's keys as the roster binds them: the current one, revoked ones, and an enrolment waiting to be claimed. */
export const PersonKeysSchema = z.object({
  id: z.string(),
  /** The fingerprint of the key the person signs with now; null until they sign in for the first time. */
  fingerprint: z.string().nullable(),
  keys: z.array(z.object({ fingerprint: z.string(), from: z.string(), until: z.string().nullable() })),
  /** An enrolment code issued and not yet used: until when it can be. */
  enrolmentExpiresAt: z.string().nullable(),
});
export type PersonKeys = z.infer<typeof PersonKeysSchema>;

export const SessionSchema = z.object({
  status: z.enum(WORKSPACE_STATUSES),
  /** Who is signed in at this window; null while it is locked. */
  currentUser: PersonSchema.nullable(),
  /** Their key's fingerprint. */
  fingerprint: z.string().nullable(),
  /** Who was signed in here last (the sign-in screen offers them first); never an actor. */
  lastPersonId: z.string().nullable(),
  roster: RosterSchema,
  keys: z.array(PersonKeysSchema),
  /** Why the roster cannot be trusted now (records this desk had seen are gone, …); nothing can be done meanwhile. */
  rosterProblem: z.string().nullable(),
  policy: WorkspacePolicySchema,
  /** The desk locks after this many minutes without a call from its window. */
  lockAfterMinutes: z.number().int(),
  /** Desktop only: people whose key this computer remembers, and whether it can remember keys at all. */
  remember: z.object({ available: z.boolean(), people: z.array(z.string()) }),
  /** For a workspace that needs the upgrade: the administrators in its format-1 list, who may run it. */
  upgrade: z.object({ admins: z.array(z.object({ id: z.string(), name: z.string() })), articles: z.number().int() }).nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

const Passphrase = z.string().min(1).max(PASSPHRASE_LIMITS.max * 4);
const EnrolmentCodeInput = z.string().trim().min(1).max(64);
export const EnrolmentSchema = z.object({ personId: z.string(), code: z.string(), expiresAt: z.string() });
export type Enrolment = z.infer<typeof EnrolmentSchema>;

/** A review record as the page shows it: what it says, and whether and by whom it is signed. */
export const ReviewEntrySchema = z.object({
  seq: z.number().int(),
  action: z.enum(REVIEW_ACTIONS),
  actorId: z.string(),
  actorName: z.string(),
  at: z.string(),
  stage: z.enum(STAGES),
  to: z.enum(RETURN_TARGETS).optional(),
  opinion: z.string(),
  overRecommended: z.number().int().optional(),
  contentHash: z.string(),
  hash: z.string().nullable(),
  status: z.enum(RECORD_STATUSES),
  fingerprint: z.string().nullable(),
  /** Where the record is: its file (relative to the workspace) and line. */
  path: z.string(),
  line: z.number().int(),
  /** Why it is not signed, for a record that is not. */
  code: z.string().optional(),
  detail: z.string().optional(),
});
export type ReviewEntry = z.infer<typeof ReviewEntrySchema>;

export const ArticleReviewSchema = z.object({
  records: z.array(ReviewEntrySchema),
  state: ReviewStateSchema,
  /** The first problem that blocks review actions (a forged or rule-breaking record, records lost, a format-1 file changed); null when none does. */
  problem: z.string().nullable(),
  /** Everything the verifier reports on the article's log, blocking or not, each naming its file and line. */
  problems: z.array(z.object({ code: z.string(), detail: z.string() })),
  /** The hash of the last record that counts: the head of the chain a review sheet names. */
  chainHead: z.string().nullable(),
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

/** A revision's id: the hash of its signed line, or `legacy-<n>` for revision n of a format-1 history. */
export const RevisionIdSchema = z.string().regex(/^([0-9a-f]{64}|legacy-[1-9][0-9]{0,8})$/, 'not a revision id');
const RevisionRef = z.union([RevisionIdSchema, z.literal('current')]);
export const ListedRevisionSchema = RevisionSchema.extend({
  id: RevisionIdSchema,
  status: z.enum(RECORD_STATUSES),
  fingerprint: z.string().nullable(),
});
export type ListedRevision = z.infer<typeof ListedRevisionSchema>;
export const HistoryListSchema = z.object({
  revisions: z.array(ListedRevisionSchema),
  /** Lines of the index that cannot be read. */
  problems: z.array(z.string()),
  /** The index's end: an unfinished line, lines set aside. */
  notices: z.array(z.string()),
  /** Listed revisions that cannot be rebuilt (a blob they need is missing or damaged): no compare, no restore. */
  damaged: z.array(z.object({ id: z.string(), problem: z.string() })),
});
export type HistoryList = z.infer<typeof HistoryListSchema>;
/** The structured diff (src/shared/history/article-diff.ts); validated loosely, it comes from main. */
export const ComparisonSchema = z.object({ from: RevisionRef, to: RevisionRef, diff: z.custom<ArticleDiff>((v) => typeof v === 'object' && v !== null) });
export type Comparison = z.infer<typeof ComparisonSchema>;

export const ProofreadingSchema = z.object({ settings: CheckSettingsSchema, lists: HouseListsSchema, ignores: z.array(IgnoreSchema) });
export type Proofreading = z.infer<typeof ProofreadingSchema>;

export const AnnotationListSchema = z.object({
  threads: z.array(ThreadSchema),
  problems: z.array(z.string()),
  /** Comments made before signatures (format 1), shown as unsigned. */
  unsigned: z.array(z.string()),
});
export const OpenAnnotationsSchema = z.array(z.object({ articleId: z.string(), headline: z.string(), thread: ThreadSchema }));
export type OpenAnnotation = z.infer<typeof OpenAnnotationsSchema>[number];

const DownloadSchema = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });

export const ReviewSheetSchema = z.object({
  headline: z.string(),
  channel: z.array(z.string()),
  author: z.object({ name: z.string(), fingerprint: z.string().nullable() }),
  counts: z.object({ chineseCharacters: z.number().int(), latinWords: z.number().int(), figures: z.number().int() }),
  stages: z.array(z.object({ stage: z.enum(['first', 'second', 'third']), reviewer: z.string(), opinion: z.string(), at: z.string(), fingerprint: z.string().nullable() })),
  contentHash: z.string(),
  chainHead: z.string().nullable(),
});
export type ReviewSheet = z.infer<typeof ReviewSheetSchema>;
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
  /** Looks at the whole workspace folder again (the window gained focus); what other desks changed comes on the change feed. */
  rescanWorkspace: { input: NoInput, output: z.object({}) },
  getArticle: { input: ById, output: ArticleSchema },
  createArticle: { input: z.object({ language: LanguageSchema }).strict(), output: ArticleSchema },
  /** `base` names the revision the copy was made from (the article's `head`); another base is refused with `conflict`. */
  saveArticle: {
    input: z
      .object({
        id: ArticleIdSchema,
        base: z.union([z.string().regex(HEX_64), z.literal('')]),
        content: ArticleContentSchema,
        /** The crossed revisions whose merge the copy was made from (the article's `crossed.heads`), when it was. */
        merged: z.array(z.string().regex(HEX_64)).min(2).max(16).optional(),
      })
      .strict(),
    output: SavedSchema,
  },
  /** Records the merge of crossed copies with a pick for every collision; refused with `conflict` when what is crossed changed. */
  mergeCrossed: {
    input: z
      .object({
        id: ArticleIdSchema,
        merged: z.array(z.string().regex(HEX_64)).min(2).max(16),
        picks: z.array(z.strictObject({ id: z.number().int().min(0).max(MAX_COLLISIONS), pick: MergePickSchema })).max(MAX_COLLISIONS),
      })
      .strict(),
    output: SavedSchema,
  },
  /** A reason is required for copy in review or signed off (see src/shared/review/trash.ts). */
  trashArticle: { input: z.object({ id: ArticleIdSchema, reason: z.string().max(TRASH_REASON_MAX).optional() }).strict(), output: z.object({}) },
  listTrash: { input: NoInput, output: z.array(TrashEntrySchema) },
  /** A page of the library (or the trash) from this desk's index, filtered and sorted; with words in `query`, a full-text search with snippets. */
  searchLibrary: { input: SearchLibraryInputSchema, output: LibraryPageSchema },
  /** How the library index stands: being brought up to date with the folder (with progress), or ready. */
  libraryStatus: { input: NoInput, output: LibraryStatusSchema },
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
  /** Signs this window in as `personId`, with their passphrase (or, desktop only, a key this computer remembers). */
  signIn: { input: z.object({ personId: PersonIdSchema, passphrase: Passphrase.optional(), remember: z.boolean().optional() }).strict(), output: SessionSchema },
  /** First sign-in: the enrolment code from an administrator, and the passphrase the person chooses. */
  firstSignIn: { input: z.object({ personId: PersonIdSchema, code: EnrolmentCodeInput, passphrase: Passphrase }).strict(), output: SessionSchema },
  /** A new workspace's first person, its first administrator. */
  setUpWorkspace: { input: z.object({ name: PersonNameSchema, passphrase: Passphrase }).strict(), output: SessionSchema },
  /** The one-time upgrade of a format-1 workspace, by an administrator on its list. */
  upgradeWorkspace: { input: z.object({ personId: PersonIdSchema, passphrase: Passphrase }).strict(), output: SessionSchema },
  lock: { input: NoInput, output: SessionSchema },
  changePassphrase: { input: z.object({ current: Passphrase, next: Passphrase }).strict(), output: SessionSchema },
  /** Desktop only: this computer forgets the person's remembered key. */
  forgetRemembered: { input: z.object({ personId: PersonIdSchema }).strict(), output: SessionSchema },
  /** Adds a person with their roles and issues their enrolment code (shown once). */
  addPerson: {
    input: z.object({ name: PersonNameSchema, roles: z.array(RoleSchema).max(ROLES.length) }).strict(),
    output: z.object({ session: SessionSchema, enrolment: EnrolmentSchema }),
  },
  /** A new enrolment code for someone (a forgotten passphrase): their current key is revoked as of now. */
  issueEnrolment: { input: z.object({ personId: PersonIdSchema }).strict(), output: z.object({ session: SessionSchema, enrolment: EnrolmentSchema }) },
  revokeKey: { input: z.object({ personId: PersonIdSchema, reason: z.string().trim().max(500) }).strict(), output: SessionSchema },
  updateWorkspaceSettings: {
    input: z.object({ lockAfterMinutes: z.number().int().min(LOCK_AFTER_MINUTES.min).max(LOCK_AFTER_MINUTES.max).optional() }).strict(),
    output: SessionSchema,
  },
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
    output: z.object({
      html: z.string(),
      title: z.string(),
      changes: z.array(z.object({ kind: z.enum(['insert', 'delete']), author: z.string().max(1_000), at: z.string().max(100).nullable() })).max(100_000),
    }),
  },
  listRevisions: { input: ById, output: HistoryListSchema },
  /** Every file of the article that is damaged, unfinished or set aside, named; empty when all is well. */
  checkArticleFiles: { input: ById, output: z.array(FileProblemSchema) },
  recordRevision: {
    input: z.object({ id: ArticleIdSchema, kind: z.enum(['auto', 'save']), label: z.string().trim().max(REVISION_LABEL_MAX).optional() }).strict(),
    output: ListedRevisionSchema,
  },
  compareRevisions: { input: z.object({ id: ArticleIdSchema, from: RevisionRef, to: RevisionRef }).strict(), output: ComparisonSchema },
  /** The current copy's changes since a base, each credited to the revision (person, time, stage) that made it. */
  changesSince: {
    input: z.object({ id: ArticleIdSchema, base: z.union([z.enum(CHANGES_BASES), RevisionIdSchema]) }).strict(),
    output: ChangesSinceSchema,
  },
  restoreRevision: { input: z.object({ id: ArticleIdSchema, revision: RevisionIdSchema }).strict(), output: ArticleSchema },
  restoreCaption: {
    input: z
      .object({ id: ArticleIdSchema, revision: RevisionIdSchema, figure: z.number().int().min(0).max(10_000), source: z.number().int().min(0).max(10_000) })
      .strict(),
    output: ArticleSchema,
  },
  /** What the review sheet (审稿单) of a signed-off article says, for the page to show. */
  getReviewSheet: { input: ById, output: ReviewSheetSchema },
  /** The review sheet as a file: HTML, or PDF in the desktop app. */
  exportReviewSheet: {
    input: z.object({ id: ArticleIdSchema, language: LanguageSchema, format: z.enum(['html', 'pdf']) }).strict(),
    output: DownloadSchema,
  },
  ...LEASE_API,
} as const;

export type ApiName = keyof typeof API;
export const API_NAMES = Object.keys(API) as ApiName[];
export type ApiInput<N extends ApiName> = z.input<(typeof API)[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<(typeof API)[N]['output']>;
/** What a handler receives: the input after validation (defaults applied). */
export type ApiParsedInput<N extends ApiName> = z.output<(typeof API)[N]['input']>;

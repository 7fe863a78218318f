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

const NoInput = z.object({}).strict();
const ById = z.object({ id: ArticleIdSchema }).strict();

/** 30 MB of image, base64-encoded. */
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

export const WorkspaceInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  channels: z.array(ChannelPathSchema),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

export const DamagedEntrySchema = z.object({ id: z.string(), file: z.string(), problem: z.string() });
export type DamagedEntry = z.infer<typeof DamagedEntrySchema>;

export const ArticleListSchema = z.object({
  articles: z.array(ArticleSummarySchema),
  damaged: z.array(DamagedEntrySchema),
});
export type ArticleList = z.infer<typeof ArticleListSchema>;

export const TrashEntrySchema = ArticleSummarySchema.extend({ trashedAt: z.string(), trashedBy: z.string() });
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

export const SettingsSchema = z.object({
  language: LanguageSchema.nullable(),
  userName: z.string(),
});
export type Settings = z.infer<typeof SettingsSchema>;

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
  trashArticle: { input: ById, output: z.object({}) },
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
    input: z.object({ language: LanguageSchema.nullable().optional(), userName: PersonNameSchema.optional() }).strict(),
    output: SettingsSchema,
  },
} as const;

export type ApiName = keyof typeof API;
export const API_NAMES = Object.keys(API) as ApiName[];
export type ApiInput<N extends ApiName> = z.input<(typeof API)[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<(typeof API)[N]['output']>;

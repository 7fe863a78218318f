/** The library calls' shapes: listing and searching the per-machine index, and how its build stands. */
import { z } from '../zod';
import { ArticleSummarySchema, LanguageSchema } from '../article/article';
import { QUEUES } from '../library/queues';
import { STAGES } from '../review/stages';
import { SORT_KEYS } from '../search/filters';
import { SEARCH_FIELDS } from '../search/places';

export const MAX_QUERY = 500;
export const MAX_PAGE = 500;

const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/, 'not a date');

export const LibraryFiltersSchema = z
  .object({
    stages: z.array(z.enum(STAGES)).max(STAGES.length).optional(),
    channel: z.array(z.string().min(1).max(100)).max(10).optional(),
    authorId: z.string().min(1).max(100).optional(),
    reviewerId: z.string().min(1).max(100).optional(),
    dateField: z.enum(['created', 'updated']).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    queue: z.enum(QUEUES).optional(),
    trash: z.boolean().optional(),
  })
  .strict();

export const SearchLibraryInputSchema = z
  .object({
    query: z.string().max(MAX_QUERY).default(''),
    /** The person is still typing: the last word matches as a prefix. */
    typing: z.boolean().optional(),
    filters: LibraryFiltersSchema.optional(),
    sort: z.object({ key: z.enum(SORT_KEYS), descending: z.boolean() }).strict().optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE).optional(),
  })
  .strict();
export type SearchLibraryInput = z.infer<typeof SearchLibraryInputSchema>;

const RangeSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const LibraryRowSchema = ArticleSummarySchema.extend({
  language: LanguageSchema,
  createdAt: z.string(),
  trashed: z.boolean(),
  damaged: z.string().nullable(),
});

export const HitLocationSchema = z.object({
  field: z.enum(SEARCH_FIELDS),
  block: z.number().int().optional(),
  figure: z.number().int().optional(),
  thread: z.string().optional(),
  comment: z.string().optional(),
  record: z.number().int().optional(),
  start: z.number().int(),
  end: z.number().int(),
});
export type HitLocation = z.infer<typeof HitLocationSchema>;

export const SnippetSchema = z.object({
  location: HitLocationSchema,
  text: z.string(),
  highlights: z.array(RangeSchema),
  cutBefore: z.boolean(),
  cutAfter: z.boolean(),
});

export const LibraryHitSchema = z.object({ row: LibraryRowSchema, headline: z.array(RangeSchema), snippet: SnippetSchema.nullable() });
export type LibraryHit = z.infer<typeof LibraryHitSchema>;

export const LibraryPageSchema = z.object({
  hits: z.array(LibraryHitSchema),
  /** Matches (up to the search window), of which `hits` is the page from `offset`. */
  total: z.number().int(),
  /** A search matched more than it looks at: the person narrows it. */
  more: z.boolean(),
  offset: z.number().int(),
  /** The person's desk queue counts (filters aside). */
  counts: z.record(z.enum(QUEUES), z.number().int()),
  /** The query had words to search for (otherwise the library was listed). */
  searched: z.boolean(),
  /** The index was being brought up to date with the folder when it answered: more may come. */
  indexing: z.boolean(),
  /** Articles that cannot be read, listed apart, each with where and why. */
  damaged: z.array(z.object({ id: z.string(), file: z.string(), problem: z.string() })),
});
export type LibraryPage = z.infer<typeof LibraryPageSchema>;

export const LibraryStatusSchema = z.object({
  building: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  rebuilt: z.string().nullable(),
  indexed: z.number().int(),
});
export type LibraryStatus = z.infer<typeof LibraryStatusSchema>;

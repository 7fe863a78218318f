import { PersonIdSchema } from '../review/people';
import { z } from '../zod';
import { RULE_IDS, type Bilingual, type RuleId } from './rules';

export type { Bilingual } from './rules';

export const SEVERITIES = ['required', 'recommended'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FIELDS = ['channel', 'headline', 'deck', 'byline', 'body', 'caption', 'credit', 'alt'] as const;
export type Field = (typeof FIELDS)[number];

const BilingualSchema = z.object({ en: z.string(), 'zh-CN': z.string() });

/**
 * Where a finding is. Offsets are UTF-16 code units in the plain text of the field; for the
 * body, of the top-level block `block`; for caption / credit / alt, of figure number `figure`
 * (counted from 0 among the body's figures, in document order). The channel's text is its
 * parts joined with ' > '. A body finding also says where it is as a reader counts: in
 * subheading `heading`, or else in paragraph `paragraph` (both from 1; figures and empty
 * paragraphs are not counted).
 */
export const FindingLocationSchema = z.object({
  field: z.enum(FIELDS),
  block: z.number().int().min(0).optional(),
  paragraph: z.number().int().min(1).optional(),
  heading: z.number().int().min(1).optional(),
  figure: z.number().int().min(0).optional(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type FindingLocation = z.infer<typeof FindingLocationSchema>;

/** A safe correction: the text in [start, end) becomes `replacement`. */
export const FindingFixSchema = z.object({ label: BilingualSchema, replacement: z.string() });
export type FindingFix = z.infer<typeof FindingFixSchema>;

/** "Ignore here": who set a finding aside, when and why. Kept beside the article. */
export const IgnoreSchema = z.object({
  findingId: z.string().min(1).max(400),
  reason: z.string().trim().min(1).max(1_000),
  by: PersonIdSchema,
  byName: z.string().min(1).max(80),
  at: z.iso.datetime(),
});
export type Ignore = z.infer<typeof IgnoreSchema>;

export const IgnoredMarkSchema = IgnoreSchema.omit({ findingId: true });
export type IgnoredMark = z.infer<typeof IgnoredMarkSchema>;

export const FindingSchema = z.object({
  /** `rule:place:start-end:fingerprint of the text` — the same problem at the same place keeps its id. */
  id: z.string(),
  rule: z.enum(RULE_IDS),
  severity: z.enum(SEVERITIES),
  message: BilingualSchema,
  location: FindingLocationSchema,
  /** The text in [start, end) when the check ran ('' where something is missing). */
  text: z.string(),
  fix: FindingFixSchema.optional(),
  /** Set by applyIgnores: the finding stays listed, marked, with the reason. */
  ignored: IgnoredMarkSchema.optional(),
});
export interface Finding {
  id: string;
  rule: RuleId;
  severity: Severity;
  message: Bilingual;
  location: FindingLocation;
  text: string;
  fix?: FindingFix;
  ignored?: IgnoredMark;
}

import { z } from '../zod';
import { REVIEW_ACTIONS } from '../review/records';
import { STAGES } from '../review/stages';

/**
 * auto: recorded by the editing policy (policy.ts) while someone writes;
 * save: an explicit save, usually with a label;
 * milestone: recorded by a review action (submit, approve, return, withdraw, reopen);
 * restore: an earlier version brought back; upgrade: the format-1 copy as the upgrade found it.
 */
export const REVISION_KINDS = ['auto', 'save', 'milestone', 'restore', 'upgrade'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export const REVISION_LABEL_MAX = 200;

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest');

/** One stored revision of an article, as the history panel lists it. */
export const RevisionSchema = z.object({
  /** 1, 2, 3… in the order the revisions were recorded. */
  n: z.number().int().min(1),
  at: z.iso.datetime(),
  /** The person id of whoever made the copy ('' for someone not in the roster). */
  author: z.string().max(40),
  authorName: z.string().min(1).max(80),
  /** The review stage the article was at when the revision was recorded. */
  stage: z.enum(STAGES),
  kind: z.enum(REVISION_KINDS),
  label: z.string().max(REVISION_LABEL_MAX).optional(),
  /** Only for milestones: the review action that recorded it. */
  action: z.enum(REVIEW_ACTIONS).optional(),
  /** SHA-256 of the canonical content (the same hash review records carry). */
  contentHash: HashSchema,
});
export type Revision = z.infer<typeof RevisionSchema>;

const HASH = /^[0-9a-f]{64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const kinds = new Set<string>(REVISION_KINDS);
const stages = new Set<string>(STAGES);
const actions = new Set<string>(REVIEW_ACTIONS);

/**
 * The same rules as RevisionSchema, without zod: reading a history of thousands of
 * revisions must take milliseconds. Returns the first field at fault, or null.
 */
export function revisionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const r = value as Record<string, unknown>;
  if (typeof r.n !== 'number' || !Number.isInteger(r.n) || r.n < 1) return 'n: not a revision number';
  if (typeof r.at !== 'string' || !ISO_UTC.test(r.at) || Number.isNaN(Date.parse(r.at))) return 'at: not a UTC ISO 8601 time';
  if (typeof r.author !== 'string' || r.author.length > 40) return 'author: not a person id';
  if (typeof r.authorName !== 'string' || r.authorName.length < 1 || r.authorName.length > 80) return 'authorName: not a name';
  if (typeof r.stage !== 'string' || !stages.has(r.stage)) return 'stage: not a stage';
  if (typeof r.kind !== 'string' || !kinds.has(r.kind)) return 'kind: not a revision kind';
  if (r.label !== undefined && (typeof r.label !== 'string' || r.label.length > REVISION_LABEL_MAX)) return 'label: not a label';
  if (r.action !== undefined && (typeof r.action !== 'string' || !actions.has(r.action))) return 'action: not a review action';
  if (typeof r.contentHash !== 'string' || !HASH.test(r.contentHash)) return 'contentHash: not a SHA-256 hex digest';
  return null;
}

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && HASH.test(value);
}

import { z } from '../zod';
import { REVIEW_ACTIONS } from '../review/records';
import { STAGES } from '../review/stages';

/**
 * auto: recorded by the editing policy (policy.ts) while someone writes;
 * save: an explicit save, usually with a label;
 * milestone: recorded by a review action (submit, approve, return, withdraw, reopen).
 */
export const REVISION_KINDS = ['auto', 'save', 'milestone'] as const;
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

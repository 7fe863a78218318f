/**
 * A revision of an article's copy as a signed event (`application/vnd.newsroom.revision+json`):
 * every acknowledged save, every explicit save, every review action's milestone, every restore.
 * A revision's id is the hash of its log line. Its content is stored as lines
 * (src/main/services/history/doc-lines.ts): a snapshot in a content-addressed blob, or a delta
 * against the revision it was made from, inline when small, else in a blob.
 */
import { DeltaOpSchema } from '../history/delta-ops';
import { REVISION_LABEL_MAX } from '../history/revision';
import { REVIEW_ACTIONS } from '../review/records';
import { STAGES } from '../review/stages';
import { z } from '../zod';
import { HashSchema } from './payload';

/**
 * autosave: the working copy as it was saved while someone typed (collapsed into the revision
 * that follows it in the history list); auto: recorded by the editing policy; save: an explicit
 * save, usually labelled; milestone: a review action; restore: an earlier version brought back;
 * upgrade: the format-1 working copy as the upgrade found it.
 */
export const REVISION_EVENT_KINDS = ['autosave', 'auto', 'save', 'milestone', 'restore', 'upgrade'] as const;
export type RevisionEventKind = (typeof REVISION_EVENT_KINDS)[number];

/** An inline delta is at most this many ops (the writer moves larger ones to a blob). */
export const MAX_INLINE_OPS = 4_096;

export const RevisionEventSchema = z
  .strictObject({
    /** The revisions this copy was made from (revision ids); [] for the first. */
    from: z.array(HashSchema).max(16),
    kind: z.enum(REVISION_EVENT_KINDS),
    label: z.string().max(REVISION_LABEL_MAX).optional(),
    /** Only for a milestone: the review action that recorded it. */
    action: z.enum(REVIEW_ACTIONS).optional(),
    /** The stage the article was at (for a milestone, the stage the action was taken at). */
    stage: z.enum(STAGES),
    /** SHA-256 of the canonical content: what review records carry. */
    contentHash: HashSchema,
    /** SHA-256 of the stored lines: checks a rebuilt revision byte for byte. */
    state: HashSchema,
    /** The revision the delta applies to (one of `from`); null for a snapshot. */
    base: HashSchema.nullable(),
    delta: z.array(DeltaOpSchema).max(MAX_INLINE_OPS).optional(),
    /** A snapshot, or a large delta: the blob's SHA-256 (`articles/<id>/blobs/<sha256>`). */
    blob: HashSchema.optional(),
  })
  .superRefine((event, ctx) => {
    if ((event.delta === undefined) === (event.blob === undefined)) ctx.addIssue({ code: 'custom', path: ['blob'], message: 'a revision has either a blob or an inline delta' });
    if (event.base === null && event.blob === undefined) ctx.addIssue({ code: 'custom', path: ['blob'], message: 'a snapshot needs a blob' });
    if (event.base !== null && !event.from.includes(event.base)) ctx.addIssue({ code: 'custom', path: ['base'], message: 'a delta applies to a revision it was made from' });
    if (event.action !== undefined && event.kind !== 'milestone') ctx.addIssue({ code: 'custom', path: ['action'], message: 'only a milestone names a review action' });
  });
export type RevisionEvent = z.infer<typeof RevisionEventSchema>;

/** A signed revision as the verifier collects it. */
export interface SignedRevision {
  /** The hash of its log line. */
  id: string;
  by: string;
  byName: string | null;
  at: string;
  fingerprint: string | null;
  event: RevisionEvent;
}

/**
 * The current copy: the head of the revision DAG (revisions no other names in `from`). With
 * several heads (two desks saved from one base), the last of them in the log's order is shown
 * and all are reported.
 */
export function revisionHeads(revisions: readonly SignedRevision[]): { head: SignedRevision | null; heads: SignedRevision[] } {
  const followed = new Set<string>();
  for (const revision of revisions) for (const id of revision.event.from) followed.add(id);
  const heads = revisions.filter((revision) => !followed.has(revision.id));
  return { head: heads.at(-1) ?? null, heads };
}

/**
 * Whether a save made from revision `base` loses nothing: `base` is the current copy, or the
 * current copy is still exactly what `base` held (only a saved version, a review action's
 * milestone or another save of the same copy came since). Anything else is a `conflict`.
 */
export function savesOnto(revisions: readonly SignedRevision[], head: SignedRevision | null, base: string): boolean {
  if ((head?.id ?? '') === base) return true;
  const from = revisions.find((revision) => revision.id === base);
  return head !== null && from !== undefined && from.event.state === head.event.state;
}

/**
 * A desk's lease file: `leases/<personId>.<deskId>.json`, written (atomically, whole) only by that
 * person at that desk, as one signed envelope. It names the articles the person is editing there,
 * each with when the claim began (`since`) and when it was last renewed (`heartbeat`), and, for a
 * claim that took an article over, whose claim it took over.
 */
import { ArticleIdSchema } from '../article/ids';
import { PersonIdSchema } from '../review/people';
import { DeskIdSchema } from '../identity/payload';
import { z } from '../zod';

export const LEASES_DIR = 'leases';
export const LEASE_PAYLOAD_TYPE = 'application/vnd.newsroom.lease+json';

/** A desk renews its claims this often while the article is open for editing and the window is in use. */
export const HEARTBEAT_MS = 30_000;
/** A claim not renewed for this long has lapsed. */
export const LAPSE_MS = 120_000;
/** A heartbeat dated further than this ahead of the reader's clock is not believed (a desk whose clock runs fast cannot hold an article for ever). */
export const AHEAD_MS = 60_000;
/** At most this many articles in one person's file at one desk. */
export const MAX_LEASES = 64;
export const DESK_NAME_MAX = 64;

export const LEASE_FILE_NAME = /^(u-[a-z0-9]{6,32})\.(d-[0-9a-f]{10})\.json$/;

export function leaseFileName(personId: string, deskId: string): string {
  const name = `${personId}.${deskId}.json`;
  if (!LEASE_FILE_NAME.test(name)) throw new Error('not a person id and desk id');
  return name;
}

export function parseLeaseFileName(name: string): { personId: string; deskId: string } | null {
  const match = LEASE_FILE_NAME.exec(name);
  return match ? { personId: match[1]!, deskId: match[2]! } : null;
}

const Time = z.iso.datetime();

/** Whose claim a take-over replaced: that holder's person, desk and `since`. */
export const TakenFromSchema = z.strictObject({ by: PersonIdSchema, desk: DeskIdSchema, since: Time });
export type TakenFrom = z.infer<typeof TakenFromSchema>;

export const LeaseEntrySchema = z.strictObject({
  article: ArticleIdSchema,
  since: Time,
  heartbeat: Time,
  takenFrom: TakenFromSchema.optional(),
});
export type LeaseEntry = z.infer<typeof LeaseEntrySchema>;

export const LeasePayloadSchema = z.strictObject({
  v: z.literal(1),
  by: PersonIdSchema,
  desk: DeskIdSchema,
  /** The desk's name as people know it (its host name unless renamed in its data folder). */
  deskName: z.string().trim().min(1).max(DESK_NAME_MAX),
  /** When the file was written. */
  at: Time,
  leases: z.array(LeaseEntrySchema).max(MAX_LEASES),
});
export type LeasePayload = z.infer<typeof LeasePayloadSchema>;

/** The roster as signed events (`roster/`, payloadType application/vnd.newsroom.roster+json). */
import { ArticleIdSchema } from '../article/ids';
import { PERSON_NAME_MAX, PersonIdSchema, RoleSchema } from '../review/people';
import { z } from '../zod';
import { KeyidSchema, PublicKeySchema } from './keys';
import { HashSchema, HeaderFields, type PayloadHeader } from './payload';
import { WorkspaceSettingsSchema } from './workspace-settings';

export const WORKSPACE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{3,63}$/;
const NameSchema = z.string().min(1).max(PERSON_NAME_MAX);
const RolesSchema = z.array(RoleSchema).max(8);

/** A legacy (format 1) file as the upgrade found it: the SHA-256 of its bytes and its line count. */
export const AttestedFileSchema = z.strictObject({
  /** Relative to the article's folder, e.g. "reviews.jsonl" or "annotations/u-….jsonl". */
  path: z.string().regex(/^[a-z0-9][a-z0-9./-]{0,199}$/).refine((path) => !path.split('/').includes('..'), 'no ".." in a path'),
  sha256: HashSchema,
  lines: z.number().int().min(0),
});
export type AttestedFile = z.infer<typeof AttestedFileSchema>;

export const ArticleAttestationSchema = z.strictObject({
  id: ArticleIdSchema,
  /** The author from article.json at the upgrade ('' when the article had none). */
  authorId: z.union([PersonIdSchema, z.literal('')]),
  files: z.array(AttestedFileSchema).max(10_000),
});
export type ArticleAttestation = z.infer<typeof ArticleAttestationSchema>;

export const RosterEventSchema = z.discriminatedUnion('kind', [
  /** Self-signed by `key`: the first person of a new workspace, its first admin. */
  z.strictObject({
    kind: z.literal('genesis'),
    workspaceId: z.string().regex(WORKSPACE_ID_PATTERN),
    person: z.strictObject({ id: PersonIdSchema, name: NameSchema }),
    key: PublicKeySchema,
  }),
  z.strictObject({ kind: z.literal('add-person'), person: z.strictObject({ id: PersonIdSchema, name: NameSchema, roles: RolesSchema }) }),
  z.strictObject({ kind: z.literal('set-roles'), personId: PersonIdSchema, roles: RolesSchema }),
  z.strictObject({ kind: z.literal('set-active'), personId: PersonIdSchema, active: z.boolean() }),
  /** House rules that the review rules read; like every roster change, only an admin's. */
  z.strictObject({ kind: z.literal('set-policy'), authorMayReview: z.boolean(), blockApprovalWithOpenAnnotations: z.boolean().optional() }),
  /** The workspace's other settings; each part given replaces the one before (see WorkspaceSettingsSchema). */
  z.strictObject({ kind: z.literal('set-settings'), settings: WorkspaceSettingsSchema }),
  /** The public half of the key pair derived from a one-time code; revokes the person's current key. */
  z.strictObject({ kind: z.literal('enrol'), personId: PersonIdSchema, enrolmentKey: PublicKeySchema, expiresAt: z.iso.datetime() }),
  /** In the person's own file, signed by both the enrolment key and the new key. */
  z.strictObject({ kind: z.literal('claim'), personId: PersonIdSchema, enrolmentKeyid: KeyidSchema, key: PublicKeySchema }),
  z.strictObject({ kind: z.literal('revoke-key'), personId: PersonIdSchema, keyid: KeyidSchema, reason: z.string().max(500) }),
  /** Attests the legacy files of format-1 articles, so that they count without being re-signed. */
  z.strictObject({ kind: z.literal('upgrade'), articles: z.array(ArticleAttestationSchema).max(200_000) }),
]);
export type RosterEvent = z.infer<typeof RosterEventSchema>;
export type RosterEventKind = RosterEvent['kind'];

export const RosterPayloadSchema = z.strictObject({ ...HeaderFields, event: RosterEventSchema });
export interface RosterPayload extends PayloadHeader {
  event: RosterEvent;
}

/** Among concurrent roster events, which the deterministic order takes first. */
export const ROSTER_KIND_PRIORITY: Record<RosterEventKind, number> = {
  genesis: 0,
  'add-person': 1,
  enrol: 2,
  claim: 3,
  'set-roles': 4,
  'set-active': 4,
  'set-policy': 4,
  'set-settings': 4,
  'revoke-key': 5,
  upgrade: 6,
};

/** Events only an active admin (at that point of the roster) may make. */
export const ADMIN_KINDS: ReadonlySet<RosterEventKind> = new Set(['add-person', 'set-roles', 'set-active', 'set-policy', 'set-settings', 'enrol', 'revoke-key', 'upgrade']);

/**
 * Reading lease files: each must be a single-signature envelope of a lease payload, signed by the
 * key the roster gave the person its name names, valid when it was written, and name the person
 * and desk of its file. A file that fails any of it is ignored and reported; nobody can make it
 * look as if someone else were editing.
 */
import type { Ed25519 } from '../identity/ed25519';
import { openEnvelope, signatureValid } from '../identity/envelope';
import { sha256Hex, utf8 } from '../identity/bytes';
import type { RosterKey } from '../identity/roster';
import { findPerson, type Roster } from '../review/people';
import { LEASE_PAYLOAD_TYPE, LEASES_DIR, LeasePayloadSchema, parseLeaseFileName, type TakenFrom } from './lease-file';

/** One article claimed by one person at one desk, from a file that verified. */
export interface Claim {
  article: string;
  by: string;
  desk: string;
  deskName: string;
  since: string;
  heartbeat: string;
  takenFrom: TakenFrom | null;
  /** Stable over heartbeats: SHA-256 of article, person, desk and since. Breaks ties between claims. */
  id: string;
}

export interface LeaseFile {
  /** The file's name in leases/. */
  name: string;
  text: string;
}

export interface IgnoredLease {
  file: string;
  problem: string;
}

export interface LeaseReading {
  claims: Claim[];
  ignored: IgnoredLease[];
}

/** The claims of every lease file that verifies; the others named with why. */
export function readLeaseFiles(ed: Ed25519, files: readonly LeaseFile[], roster: { keys: ReadonlyMap<string, RosterKey>; roster: Roster }): LeaseReading {
  const claims: Claim[] = [];
  const ignored: IgnoredLease[] = [];
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const read = readOne(ed, file, roster);
    if (typeof read === 'string') ignored.push({ file: `${LEASES_DIR}/${file.name}`, problem: read });
    else claims.push(...read);
  }
  return { claims, ignored };
}

function readOne(ed: Ed25519, file: LeaseFile, roster: { keys: ReadonlyMap<string, RosterKey>; roster: Roster }): Claim[] | string {
  const named = parseLeaseFileName(file.name);
  if (!named) return 'not a lease file name (<person>.<desk>.json)';
  const opened = openEnvelope(file.text.trim());
  if (!opened.ok) return opened.detail;
  const { envelope } = opened.value;
  if (envelope.payloadType !== LEASE_PAYLOAD_TYPE) return 'not a lease';
  if (envelope.signatures.length !== 1) return 'a lease has exactly one signature';
  const parsed = LeasePayloadSchema.safeParse(opened.value.payload);
  if (!parsed.success) return `the lease is malformed (${parsed.error.issues[0]?.message ?? 'invalid'})`;
  const payload = parsed.data;
  if (payload.by !== named.personId || payload.desk !== named.deskId) return 'the lease names another person or desk than its file';
  const signature = envelope.signatures[0]!;
  const key = roster.keys.get(signature.keyid);
  if (!key || key.personId !== payload.by) return 'not signed by a key of the person it names';
  const at = Date.parse(payload.at);
  if (at < Date.parse(key.from) || (key.until !== null && at >= Date.parse(key.until))) return 'signed by a key not valid when the lease was written';
  if (!signatureValid(ed, opened.value, signature, key.publicKey)) return 'the signature does not verify';
  if (!findPerson(roster.roster, payload.by)?.active) return 'the person is not active on the newsroom list';
  const articles = new Set<string>();
  const claims: Claim[] = [];
  for (const entry of payload.leases) {
    if (articles.has(entry.article)) return `the lease names article ${entry.article} twice`;
    articles.add(entry.article);
    const since = Date.parse(entry.since);
    const heartbeat = Date.parse(entry.heartbeat);
    if (since > heartbeat || heartbeat > at) return `the times of article ${entry.article} are out of order`;
    claims.push({
      article: entry.article,
      by: payload.by,
      desk: payload.desk,
      deskName: payload.deskName,
      since: entry.since,
      heartbeat: entry.heartbeat,
      takenFrom: entry.takenFrom ?? null,
      id: claimId(entry.article, payload.by, payload.desk, entry.since),
    });
  }
  return claims;
}

export function claimId(article: string, by: string, desk: string, since: string): string {
  return sha256Hex(utf8(`${article}\n${by}\n${desk}\n${since}`));
}

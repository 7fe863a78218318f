/**
 * The roster verifier: reads every roster file, cuts each at its first damaged or forged line,
 * orders the events, and derives the roster. Reports what it ignored with file, line and reason.
 */
import type { Person } from '../review/people';
import type { WorkspacePolicy } from '../review/workspace-policy';
import { ancestorsOf, orderDag, predecessors, type DagNode } from './dag';
import type { Ed25519 } from './ed25519';
import { PAYLOAD_TYPES, type LineHasher } from './envelope';
import { publicKeyBytes } from './keys';
import type { LineMemo } from './line-memo';
import { checkLogFile, type CheckedFile, type LogEntry, type LogFile, type PayloadRead } from './log-files';
import { deriveRoster, isActiveAdmin, type RosterDerivation, type RosterKey, type RosterSnapshot } from './roster';
import { ROSTER_KIND_PRIORITY, RosterPayloadSchema, type RosterPayload } from './roster-events';
import { checkSignatures, type Depth } from './signatures';
import { describeFault, headsOf, ignoredLines, type IgnoredLine } from './verdict-parts';
import { advanceSeen, lostRecords, type LostRecords, type SeenLogs } from './watermarks';
import { ROSTER_DIR } from './layout';

export interface VerifyRosterInput {
  ed: Ed25519;
  files: readonly LogFile[];
  depth: Depth;
  /** The genesis this desk saw first (kept in its data folder); null on a desk new to the workspace. */
  pinnedGenesis?: string | null;
  /** A faster SHA-256 of the same bytes (node:crypto's in main and the command line). */
  hashLine?: LineHasher;
  /** What this desk had seen of the roster files before (its data folder). */
  seen?: SeenLogs;
  /** Lines already read and checked, by line hash (main keeps one per process). */
  memo?: LineMemo;
}

export interface RosterPersonView extends Person {
  keys: RosterKey[];
}

export interface RosterVerdict {
  depth: Depth;
  genesis: { hash: string; workspaceId: string; path: string; line: number } | null;
  people: RosterPersonView[];
  /** Active admins and the fingerprints of their valid keys: the workspace's root of trust. */
  admins: Array<{ id: string; name: string; fingerprints: string[] }>;
  rootOfTrust: string[];
  policy: WorkspacePolicy;
  /** Every key ever bound, revoked ones included (signatures made before a revocation stay valid). */
  keys: ReadonlyMap<string, RosterKey>;
  /** Lines that do not count, with file, line and reason. */
  ignored: IgnoredLine[];
  /** Events waiting for an event not synced yet. */
  pending: Array<{ path: string; line: number; missing: string }>;
  /** Roster-wide problems (the genesis this desk trusts is gone, roster records this desk had seen are gone). */
  problems: string[];
  /** Roster files that have lost lines this desk had seen (a deleted revocation would revive a key). */
  lost: LostRecords[];
  /** The desk's marks after this verification, to be saved. */
  seen: SeenLogs;
  /** The roster's current heads: what a writer names as parents. */
  heads: string[];
  /** The latest time on any counted event: a writer's next event is never earlier. */
  latestAt: string | null;
  /** The roster as it was for someone who had seen `heads`; null if one of them is not here. */
  snapshotAt(heads: readonly string[]): RosterSnapshot | null;
  /** The full roster (as of all events). */
  snapshot: RosterSnapshot;
}

export function readRosterPayload(opened: { envelope: { payloadType: string }; payload: unknown }): PayloadRead<RosterPayload> {
  if (opened.envelope.payloadType !== PAYLOAD_TYPES.roster) return { ok: false, code: 'invalid-payload', detail: `not a roster event (${opened.envelope.payloadType})` };
  const parsed = RosterPayloadSchema.safeParse(opened.payload);
  if (!parsed.success) return { ok: false, code: 'invalid-payload', detail: issueText(parsed.error.issues[0]) };
  return { ok: true, payload: parsed.data as RosterPayload, kind: 'roster' };
}

export function verifyRoster(input: VerifyRosterInput): RosterVerdict {
  const memo = input.memo ? { memo: input.memo, scope: 'roster' } : undefined;
  const structured = [...input.files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((file) => checkLogFile(file, readRosterPayload, input.hashLine, memo));
  const publicKeys = rosterKeyTable(structured);
  const checked = structured.map((file) => checkSignatures(input.ed, file, input.depth, (keyid) => publicKeys.get(keyid) ?? null));

  const nodes = checked.flatMap((file) => file.entries.map(toNode));
  const order = orderDag(nodes);
  const ordered = order.ordered.map((node) => node.entry);
  const pinned = input.pinnedGenesis ?? null;
  const full = deriveRoster(ordered, { pinnedGenesis: pinned });

  const ignored: IgnoredLine[] = checked.flatMap((file) => (file.fault ? ignoredLines(file, describeFault(file.fault)) : []));
  for (const entry of ordered) {
    const outcome = full.outcomes.get(entry.hash);
    if (outcome && !outcome.ok) ignored.push({ path: entry.path, line: entry.line, code: outcome.code, detail: outcome.detail });
  }
  for (const node of order.duplicates) ignored.push({ path: node.entry.path, line: node.entry.line, code: 'duplicate', detail: 'the same line is in another file' });

  const problems: string[] = [];
  if (pinned !== null && full.snapshot.genesis === null) problems.push(`the genesis this desk trusts (${pinned.slice(0, 16)}…) is not in the roster`);
  else if (full.snapshot.genesis === null && ordered.length > 0) problems.push('the roster has no genesis');

  const lost = lostRecords(input.files, input.seen ?? {}, `${ROSTER_DIR}/`);
  for (const entry of lost) problems.push(`this desk had seen ${entry.seen} records in ${entry.path}; it now has ${entry.now}${entry.changed ? ' (a different one at that place)' : ''}`);
  const trusted = new Map(checked.map((file) => [file.path, file.entries.length]));

  const byHash = new Map<string, DagNode>(order.ordered.map((node) => [node.hash, node]));
  const snapshots = new Map<string, RosterSnapshot | null>();
  const genesisEntry = ordered.find((entry) => entry.hash === full.snapshot.genesis?.hash);
  const counted = ordered.filter((entry) => full.outcomes.get(entry.hash)?.ok);

  return {
    depth: input.depth,
    genesis: full.snapshot.genesis && genesisEntry ? { ...full.snapshot.genesis, path: genesisEntry.path, line: genesisEntry.line } : null,
    people: peopleView(full),
    ...adminsView(full.snapshot),
    policy: full.snapshot.policy,
    keys: full.snapshot.keys,
    ignored: ignored.sort((a, b) => (a.path === b.path ? a.line - b.line : a.path < b.path ? -1 : 1)),
    pending: order.pending.map(({ node, missing }) => ({ path: node.entry.path, line: node.entry.line, missing })),
    problems,
    lost,
    seen: advanceSeen(input.seen ?? {}, input.files, lost, trusted),
    heads: headsOf(order.ordered),
    latestAt: counted.reduce<string | null>((latest, entry) => (latest === null || Date.parse(entry.payload.at) > Date.parse(latest) ? entry.payload.at : latest), null),
    snapshot: full.snapshot,
    snapshotAt(heads) {
      const key = [...heads].sort().join(',');
      if (!snapshots.has(key)) {
        if (!heads.every((hash) => byHash.has(hash))) snapshots.set(key, null);
        else {
          const closure = ancestorsOf(heads, byHash);
          snapshots.set(key, deriveRoster(ordered.filter((entry) => closure.has(entry.hash)), { pinnedGenesis: pinned }).snapshot);
        }
      }
      return snapshots.get(key)!;
    },
  };
}

interface RosterNode extends DagNode {
  entry: LogEntry<RosterPayload>;
}

function toNode(entry: LogEntry<RosterPayload>): RosterNode {
  const { payload } = entry;
  return { hash: entry.hash, after: predecessors(payload.parents, payload.prev), priority: ROSTER_KIND_PRIORITY[payload.event.kind], at: payload.at, entry };
}

/** keyid → public key for every key any roster line carries; the keyid is the key's hash, so the table cannot lie. */
function rosterKeyTable(files: ReadonlyArray<CheckedFile<RosterPayload>>): Map<string, Uint8Array> {
  const table = new Map<string, Uint8Array>();
  for (const file of files) {
    for (const { payload } of file.entries) {
      const event = payload.event;
      const key = event.kind === 'genesis' || event.kind === 'claim' ? event.key : event.kind === 'enrol' ? event.enrolmentKey : null;
      if (key) table.set(key.keyid, publicKeyBytes(key));
    }
  }
  return table;
}

function peopleView(derivation: RosterDerivation): RosterPersonView[] {
  const keys = [...derivation.snapshot.keys.values()];
  return derivation.snapshot.roster.people.map((person) => ({ ...person, keys: keys.filter((key) => key.personId === person.id) }));
}

function adminsView(snapshot: RosterSnapshot): Pick<RosterVerdict, 'admins' | 'rootOfTrust'> {
  const admins = snapshot.roster.people
    .filter((person) => isActiveAdmin(person))
    .map((person) => ({
      id: person.id,
      name: person.name,
      fingerprints: [...snapshot.keys.values()].filter((key) => key.personId === person.id && key.until === null).map((key) => key.fingerprint),
    }));
  return { admins, rootOfTrust: admins.flatMap((admin) => admin.fingerprints) };
}

function issueText(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
}

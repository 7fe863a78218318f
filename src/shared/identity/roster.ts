/**
 * Derives the roster from its signed events, applied in the deterministic order: people and
 * roles (through the review chain's own roster functions), keys with their validity windows,
 * enrolments, the house policy and legacy attestations. An event the rules do not allow is
 * ignored with a reason; nothing it says takes effect.
 */
import { DEFAULT_WORKSPACE_POLICY, type WorkspacePolicy } from '../review/workspace-policy';
import { addPerson, emptyRoster, findPerson, hasRole, setActive, setRoles, type Person, type Roster } from '../review/people';
import type { LogEntry } from './log-files';
import { fingerprint, publicKeyBytes } from './keys';
import { checkPersonName } from './names';
import { ADMIN_KINDS, type ArticleAttestation, type RosterEvent, type RosterPayload } from './roster-events';
import { mergeSettings, type WorkspaceSettings } from './workspace-settings';

export interface RosterKey {
  keyid: string;
  personId: string;
  publicKey: Uint8Array;
  fingerprint: string;
  /** Valid from the event that bound it (genesis or claim)… */
  from: string;
  /** …until its revocation (revoke-key, or a new enrolment of the person); null while valid. */
  until: string | null;
  boundBy: string;
}

export interface Enrolment {
  personId: string;
  keyid: string;
  at: string;
  expiresAt: string;
  hash: string;
  claimedBy: string | null;
}

export interface RosterSnapshot {
  genesis: { hash: string; workspaceId: string } | null;
  roster: Roster;
  policy: WorkspacePolicy;
  /** Everything else an administrator set (channels, proofreading, idle lock…). */
  settings: WorkspaceSettings;
  keys: Map<string, RosterKey>;
  enrolments: Map<string, Enrolment>;
  /** The first attestation of each legacy article, with the hash of the upgrade event. */
  attestations: Map<string, { attestation: ArticleAttestation; hash: string; at: string }>;
}

export const ROSTER_REFUSALS = [
  'second-genesis',
  'not-pinned-genesis',
  'genesis-not-first',
  'not-after-genesis',
  'key-not-valid',
  'not-admin',
  'name-refused',
  'person-refused',
  'unknown-person',
  'last-admin',
  'last-admin-key',
  'key-in-use',
  'expiry-passed',
  'no-such-enrolment',
  'enrolment-superseded',
  'enrolment-expired',
  'claimed-twice',
  'inactive-person',
  'no-such-key',
  'already-revoked',
] as const;
export type RosterRefusal = (typeof ROSTER_REFUSALS)[number];

export type RosterOutcome = { ok: true } | { ok: false; code: RosterRefusal; detail: string };

export interface RosterDerivation {
  snapshot: RosterSnapshot;
  outcomes: Map<string, RosterOutcome>;
}

export interface DeriveOptions {
  /** The genesis this desk trusts already; any other is ignored. */
  pinnedGenesis?: string | null;
}

/** Applies `ordered` (already in the deterministic order, signatures checked) from an empty roster. */
export function deriveRoster(ordered: ReadonlyArray<LogEntry<RosterPayload>>, options: DeriveOptions = {}): RosterDerivation {
  const snapshot: RosterSnapshot = {
    genesis: null,
    roster: emptyRoster(),
    policy: { ...DEFAULT_WORKSPACE_POLICY },
    settings: {},
    keys: new Map(),
    enrolments: new Map(),
    attestations: new Map(),
  };
  const outcomes = new Map<string, RosterOutcome>();
  const claims = claimCounts(ordered);
  const descended = new Set<string>();
  for (const entry of ordered) {
    const outcome = applyEvent(snapshot, entry, { descended, claims, pinnedGenesis: options.pinnedGenesis ?? null });
    outcomes.set(entry.hash, outcome);
    if (snapshot.genesis && (entry.hash === snapshot.genesis.hash || followsAny(entry, descended))) descended.add(entry.hash);
  }
  return { snapshot, outcomes };
}

/** Is `keyid` a key of `personId` at `at`? */
export function keyValidAt(keys: ReadonlyMap<string, RosterKey>, keyid: string, personId: string, at: string): boolean {
  const key = keys.get(keyid);
  if (!key || key.personId !== personId) return false;
  const time = Date.parse(at);
  return Date.parse(key.from) <= time && (key.until === null || time < Date.parse(key.until));
}

export function isActiveAdmin(person: Person | undefined): boolean {
  return person !== undefined && person.active && hasRole(person, 'admin');
}

interface Context {
  descended: Set<string>;
  claims: Map<string, number>;
  pinnedGenesis: string | null;
}

function applyEvent(state: RosterSnapshot, entry: LogEntry<RosterPayload>, context: Context): RosterOutcome {
  const { event, by, at } = entry.payload;
  if (event.kind === 'genesis') return applyGenesis(state, entry, event, context);
  if (!state.genesis || !followsAny(entry, context.descended)) return refused('not-after-genesis', 'the event does not follow the workspace genesis');
  const signers = entry.opened.envelope.signatures.map((signature) => signature.keyid);
  if (event.kind === 'claim') return applyClaim(state, entry, event, signers, context);
  if (signers.length !== 1 || !keyValidAt(state.keys, signers[0]!, by, at)) return refused('key-not-valid', `not signed by a key of ${by} valid at ${at}`);
  const actor = findPerson(state.roster, by);
  if (ADMIN_KINDS.has(event.kind) && !isActiveAdmin(actor)) return refused('not-admin', `${actor?.name ?? by} is not an active administrator`);
  switch (event.kind) {
    case 'add-person': {
      const name = checkPersonName(event.person.name, state.roster.people.map((person) => person.name));
      if (!name.ok) return refused('name-refused', `${event.person.name}: ${name.problem.code}`);
      if (name.name !== event.person.name) return refused('name-refused', `${event.person.name} is not in normal form`);
      return change(state, addPerson(state.roster, { ...event.person, at: new Date(at) }));
    }
    case 'set-roles':
      return change(state, setRoles(state.roster, event.personId, event.roles));
    case 'set-active':
      return change(state, setActive(state.roster, event.personId, event.active));
    case 'set-policy':
      state.policy = { authorMayReview: event.authorMayReview, blockApprovalWithOpenAnnotations: event.blockApprovalWithOpenAnnotations ?? state.policy.blockApprovalWithOpenAnnotations };
      return { ok: true };
    case 'set-settings':
      state.settings = mergeSettings(state.settings, event.settings);
      return { ok: true };
    case 'enrol':
      return applyEnrol(state, entry, event);
    case 'revoke-key':
      return applyRevoke(state, event, at);
    case 'upgrade':
      for (const attestation of event.articles) {
        if (!state.attestations.has(attestation.id)) state.attestations.set(attestation.id, { attestation, hash: entry.hash, at });
      }
      return { ok: true };
  }
}

function applyGenesis(state: RosterSnapshot, entry: LogEntry<RosterPayload>, event: Extract<RosterEvent, { kind: 'genesis' }>, context: Context): RosterOutcome {
  if (state.genesis) return refused('second-genesis', `the workspace already has its genesis (${state.genesis.hash.slice(0, 16)}…); this one is ignored`);
  if (context.pinnedGenesis !== null && entry.hash !== context.pinnedGenesis) {
    return refused('not-pinned-genesis', 'this desk trusts another genesis for this workspace');
  }
  const { payload } = entry;
  const signers = entry.opened.envelope.signatures.map((signature) => signature.keyid);
  if (payload.parents.length > 0 || payload.seq !== 0) return refused('genesis-not-first', 'a genesis follows nothing');
  if (signers.length !== 1 || signers[0] !== event.key.keyid) return refused('key-not-valid', 'a genesis is signed by its own key alone');
  if (event.person.id !== payload.by) return refused('key-not-valid', 'a genesis names its own writer');
  const name = checkPersonName(event.person.name, []);
  if (!name.ok || name.name !== event.person.name) return refused('name-refused', `${event.person.name}: ${name.ok ? 'not in normal form' : name.problem.code}`);
  const added = addPerson(state.roster, { id: event.person.id, name: event.person.name, roles: ['reporter', 'admin'], at: new Date(payload.at) });
  if (!added.ok) return refused('person-refused', added.reason.code);
  state.roster = added.roster;
  state.genesis = { hash: entry.hash, workspaceId: event.workspaceId };
  bindKey(state, event.key, event.person.id, payload.at, entry.hash);
  return { ok: true };
}

function applyClaim(state: RosterSnapshot, entry: LogEntry<RosterPayload>, event: Extract<RosterEvent, { kind: 'claim' }>, signers: string[], context: Context): RosterOutcome {
  const { by, at } = entry.payload;
  if (event.personId !== by) return refused('key-not-valid', 'a claim is written by the person it enrols');
  const expected = [event.enrolmentKeyid, event.key.keyid].sort().join(',');
  if (signers.length !== 2 || [...signers].sort().join(',') !== expected) return refused('key-not-valid', 'a claim is signed by the enrolment key and the new key');
  const enrolment = state.enrolments.get(event.enrolmentKeyid);
  if (!enrolment || enrolment.personId !== by) return refused('no-such-enrolment', 'no enrolment of this person has that key');
  if ((context.claims.get(event.enrolmentKeyid) ?? 0) > 1) return refused('claimed-twice', 'the enrolment was claimed more than once, so no claim of it counts');
  if (enrolment.claimedBy !== null) return refused('claimed-twice', 'the enrolment is already claimed');
  const later = [...state.enrolments.values()].some((other) => other.personId === by && Date.parse(other.at) > Date.parse(enrolment.at));
  if (later) return refused('enrolment-superseded', 'a newer enrolment of this person replaced it');
  if (Date.parse(at) > Date.parse(enrolment.expiresAt) || Date.parse(at) < Date.parse(enrolment.at)) return refused('enrolment-expired', `the enrolment ran from ${enrolment.at} to ${enrolment.expiresAt}`);
  if (state.keys.has(event.key.keyid) || state.enrolments.has(event.key.keyid)) return refused('key-in-use', 'that key is already on the roster');
  const person = findPerson(state.roster, by);
  if (!person?.active) return refused('inactive-person', `${person?.name ?? by} is not active`);
  enrolment.claimedBy = entry.hash;
  bindKey(state, event.key, by, at, entry.hash);
  return { ok: true };
}

function applyEnrol(state: RosterSnapshot, entry: LogEntry<RosterPayload>, event: Extract<RosterEvent, { kind: 'enrol' }>): RosterOutcome {
  const { at } = entry.payload;
  if (!findPerson(state.roster, event.personId)) return refused('unknown-person', event.personId);
  const keyid = event.enrolmentKey.keyid;
  if (state.keys.has(keyid) || state.enrolments.has(keyid)) return refused('key-in-use', 'that enrolment key is already on the roster');
  if (Date.parse(event.expiresAt) <= Date.parse(at)) return refused('expiry-passed', 'the enrolment expires before it is made');
  const lastKey = lastAdminKeyAt(state, event.personId, null);
  if (lastKey) return refused('last-admin-key', `${lastKey} is the last active administrator with a key`);
  for (const key of state.keys.values()) if (key.personId === event.personId && key.until === null) key.until = at;
  state.enrolments.set(keyid, { personId: event.personId, keyid, at, expiresAt: event.expiresAt, hash: entry.hash, claimedBy: null });
  return { ok: true };
}

function applyRevoke(state: RosterSnapshot, event: Extract<RosterEvent, { kind: 'revoke-key' }>, at: string): RosterOutcome {
  const key = state.keys.get(event.keyid);
  if (!key || key.personId !== event.personId) return refused('no-such-key', `${event.personId} has no key ${event.keyid.slice(0, 16)}…`);
  if (key.until !== null) return refused('already-revoked', `revoked at ${key.until}`);
  const lastKey = lastAdminKeyAt(state, event.personId, event.keyid);
  if (lastKey) return refused('last-admin-key', `${lastKey} is the last active administrator with a key`);
  key.until = at;
  return { ok: true };
}

/**
 * The name of the last active admin, when taking `personId`'s key `keyid` (every key of theirs
 * when null) would leave no active admin with a valid key: nobody could change the roster again.
 */
function lastAdminKeyAt(state: RosterSnapshot, personId: string, keyid: string | null): string | null {
  const person = findPerson(state.roster, personId);
  if (!isActiveAdmin(person)) return null;
  const stillKeyed = state.roster.people.some(
    (other) =>
      isActiveAdmin(other) &&
      [...state.keys.values()].some((key) => key.personId === other.id && key.until === null && !(other.id === personId && (keyid === null || key.keyid === keyid))),
  );
  return stillKeyed ? null : person!.name;
}

function bindKey(state: RosterSnapshot, key: { keyid: string; publicKey: string }, personId: string, at: string, hash: string): void {
  state.keys.set(key.keyid, { keyid: key.keyid, personId, publicKey: publicKeyBytes(key), fingerprint: fingerprint(key.keyid), from: at, until: null, boundBy: hash });
}

function change(state: RosterSnapshot, result: ReturnType<typeof setRoles>): RosterOutcome {
  if (result.ok) {
    state.roster = result.roster;
    return { ok: true };
  }
  const code = result.reason.code;
  if (code === 'last-admin') return refused('last-admin', result.reason.params.name ?? '');
  if (code === 'unknown-person') return refused('unknown-person', result.reason.params.id ?? '');
  return refused('person-refused', `${code} ${JSON.stringify(result.reason.params)}`);
}

/** How many claims (carrying the enrolment key's signature) each enrolment has: two or more void them all. */
function claimCounts(ordered: ReadonlyArray<LogEntry<RosterPayload>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of ordered) {
    const event = entry.payload.event;
    if (event.kind !== 'claim') continue;
    if (!entry.opened.envelope.signatures.some((signature) => signature.keyid === event.enrolmentKeyid)) continue;
    counts.set(event.enrolmentKeyid, (counts.get(event.enrolmentKeyid) ?? 0) + 1);
  }
  return counts;
}

function followsAny(entry: LogEntry<RosterPayload>, descended: ReadonlySet<string>): boolean {
  const { parents, prev } = entry.payload;
  return descended.has(prev) || parents.some((parent) => descended.has(parent));
}

function refused(code: RosterRefusal, detail: string): RosterOutcome {
  return { ok: false, code, detail };
}

/**
 * This desk's leases (docs/multi-desk.md, "Check-out"): which articles the people signed in at
 * this desk's windows are editing, written as one signed file per person at this desk, and who
 * holds each article now by the one rule (src/shared/leases/lease-rule.ts), read from every
 * desk's files. The page renews a claim every HEARTBEAT_MS while its article is open for editing
 * and the window is in use; a file is rewritten only when a claim starts, ends, or is renewed
 * after half that time. A window that is locked, or whose person changed, holds nothing: its
 * claims go at the next call. Two windows of one person here are one holder.
 */
import type { Ed25519 } from '../../../shared/identity/ed25519';
import type { RosterKey } from '../../../shared/identity/roster';
import { claimId, readLeaseFiles, type Claim, type IgnoredLease } from '../../../shared/leases/claims';
import { HEARTBEAT_MS, LAPSE_MS, type LeaseEntry, type TakenFrom } from '../../../shared/leases/lease-file';
import { holders, isAhead } from '../../../shared/leases/lease-rule';
import { leaseText } from '../../../shared/leases/sign-lease';
import type { Roster } from '../../../shared/review/people';
import type { Clock } from '../clock';
import type { UnlockedKey } from '../identity/unlocked-key';
import { KeyedQueue } from '../keyed-queue';
import type { WindowSession } from '../window-sessions';
import { LeaseFolder } from './lease-folder';

export interface DeskLeasesDeps {
  root: string;
  deskId: string;
  deskName: () => Promise<string>;
  ed: Ed25519;
  clock: Clock;
  roster: () => Promise<{ keys: ReadonlyMap<string, RosterKey>; roster: Roster }>;
}

/** Every desk's leases as they stand now. */
export interface LeaseState {
  /** The claim holding each article someone holds. */
  holders: Map<string, Claim>;
  /** Lease files that do not count, and claims dated too far ahead of this desk's clock. */
  ignored: IgnoredLease[];
}

interface Holding {
  key: UnlockedKey;
  entries: Map<string, LeaseEntry>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class DeskLeases {
  private readonly folder: LeaseFolder;
  private readonly holdings = new Map<WindowSession, Holding>();
  private readonly queue = new KeyedQueue();

  constructor(private readonly deps: DeskLeasesDeps) {
    this.folder = new LeaseFolder(deps.root);
  }

  get deskId(): string {
    return this.deps.deskId;
  }

  async state(): Promise<LeaseState> {
    await this.sweep();
    return this.read();
  }

  private async read(): Promise<LeaseState> {
    const now = this.deps.clock.now().getTime();
    const reading = readLeaseFiles(this.deps.ed, await this.folder.read(), await this.deps.roster());
    const ahead = reading.claims
      .filter((claim) => isAhead(claim, now))
      .map((claim) => ({ file: `leases/${claim.by}.${claim.desk}.json`, problem: `the claim on ${claim.article} is dated ${claim.heartbeat}, ahead of this desk's clock; it is not believed` }));
    return { holders: holders(reading.claims, now), ignored: [...reading.ignored, ...ahead] };
  }

  /**
   * The article is open in `session`'s window: takes or renews its claim when nobody else holds
   * it and the person may edit it (`mayEdit`), and says who holds it now.
   */
  async hold(session: WindowSession, key: UnlockedKey, article: string, mayEdit: boolean): Promise<Claim | null> {
    await this.sweep();
    const now = this.deps.clock.now().getTime();
    const holder = (await this.read()).holders.get(article) ?? null;
    const mine = holder !== null && this.isOwn(holder, key.personId);
    const holding = this.holdingOf(session, key);
    const own = holding.entries.get(article);
    if ((holder && !mine) || !mayEdit) {
      if (own) await this.drop(holding, key.personId, article);
      return holder;
    }
    if (own && mine && now - Date.parse(own.heartbeat) < HEARTBEAT_MS / 2) return holder;
    // A claim of ours that lapsed starts afresh: someone may have begun meanwhile.
    const kept = own && now - Date.parse(own.heartbeat) < LAPSE_MS ? own : mine ? { article, since: holder.since, heartbeat: holder.heartbeat, ...(holder.takenFrom ? { takenFrom: holder.takenFrom } : {}) } : null;
    return this.claim(holding, key.personId, { ...(kept ?? { article, since: iso(now) }), article, heartbeat: iso(now) });
  }

  /** Takes the article over from whoever holds it: a claim of this desk that names theirs, and so supersedes it. */
  async takeOver(session: WindowSession, key: UnlockedKey, article: string): Promise<Claim> {
    await this.sweep();
    const holder = (await this.read()).holders.get(article) ?? null;
    if (!holder || this.isOwn(holder, key.personId)) return (await this.hold(session, key, article, true))!;
    // Later than the claim it takes over, even by a clock behind that desk's: a claim is known by its since.
    const now = iso(Math.max(this.deps.clock.now().getTime(), Date.parse(holder.since) + 1));
    const takenFrom: TakenFrom = { by: holder.by, desk: holder.desk, since: holder.since };
    return this.claim(this.holdingOf(session, key), key.personId, { article, since: now, heartbeat: now, takenFrom });
  }

  /** The article is closed in `session`'s window (or it may no longer be edited there). */
  async release(session: WindowSession, article: string): Promise<void> {
    await this.sweep();
    const holding = this.holdings.get(session);
    if (holding?.entries.has(article)) await this.drop(holding, holding.key.personId, article);
  }

  /** The app quits: every claim of this desk ends. */
  async releaseAll(): Promise<void> {
    const people = new Set([...this.holdings.values()].map((holding) => holding.key.personId));
    this.holdings.clear();
    for (const personId of people) await this.write(personId);
  }

  private isOwn(claim: Claim, personId: string): boolean {
    return claim.by === personId && claim.desk === this.deps.deskId;
  }

  private holdingOf(session: WindowSession, key: UnlockedKey): Holding {
    let holding = this.holdings.get(session);
    if (!holding || holding.key !== key) {
      holding = { key, entries: new Map() };
      this.holdings.set(session, holding);
    }
    return holding;
  }

  private async claim(holding: Holding, personId: string, entry: LeaseEntry): Promise<Claim> {
    holding.entries.set(entry.article, entry);
    await this.write(personId);
    const deskName = await this.deps.deskName();
    return { ...entry, takenFrom: entry.takenFrom ?? null, by: personId, desk: this.deps.deskId, deskName, id: claimId(entry.article, personId, this.deps.deskId, entry.since) };
  }

  private async drop(holding: Holding, personId: string, article: string): Promise<void> {
    holding.entries.delete(article);
    await this.write(personId);
  }

  /** Windows that were locked, or whose person changed, hold nothing any more. */
  private async sweep(): Promise<void> {
    const people = new Set<string>();
    for (const [session, holding] of this.holdings) {
      if (session.key === holding.key && !holding.key.locked) continue;
      this.holdings.delete(session);
      if (holding.entries.size > 0) people.add(holding.key.personId);
    }
    for (const personId of people) await this.write(personId);
  }

  /** Rewrites the person's file at this desk from what their windows hold (removes it when they hold nothing). */
  private write(personId: string): Promise<void> {
    return this.queue.run(personId, async () => {
      const now = this.deps.clock.now().getTime();
      const mine = [...this.holdings.values()].filter((holding) => holding.key.personId === personId && !holding.key.locked);
      const entries = new Map<string, LeaseEntry>();
      for (const entry of mine.flatMap((holding) => [...holding.entries.values()])) {
        if (now - Date.parse(entry.heartbeat) >= LAPSE_MS) continue;
        const other = entries.get(entry.article);
        // One person's two windows here hold one claim: the earliest, renewed by the latest heartbeat.
        const first = other && Date.parse(other.since) <= Date.parse(entry.since) ? other : entry;
        const heartbeat = other && other.heartbeat > entry.heartbeat ? other.heartbeat : entry.heartbeat;
        entries.set(entry.article, { ...first, heartbeat });
      }
      const signer = mine[0]?.key;
      const at = Math.max(now, ...[...entries.values()].map((entry) => Date.parse(entry.heartbeat)));
      if (entries.size === 0 || !signer) return this.folder.remove(personId, this.deps.deskId);
      const payload = { v: 1 as const, by: personId, desk: this.deps.deskId, deskName: await this.deps.deskName(), at: iso(at), leases: [...entries.values()] };
      await this.folder.write(personId, this.deps.deskId, signer.use((s) => leaseText(this.deps.ed, payload, s)));
    });
  }
}

import { randomBytes } from 'node:crypto';
import type { UnlockedKey } from './identity/unlocked-key';

/**
 * One window (an Electron window, a browser tab of the preview) and the person signed in to
 * it: their unlocked key, held in the main process and never sent to the page. Locking
 * zero-fills the key; a locked window has no actor, and every acting call is refused.
 */
export class WindowSession {
  private unlocked: UnlockedKey | null = null;
  /** Who was signed in here last: the sign-in screen offers them first. Never an actor. */
  lastPersonId: string | null;
  /** When the window last called (ms since the epoch), for the idle lock. */
  lastCall: number;

  constructor(
    readonly id: string,
    lastPersonId: string | null,
    now: number,
  ) {
    this.lastPersonId = lastPersonId;
    this.lastCall = now;
  }

  /** The signed-in person's key, or null while locked. */
  get key(): UnlockedKey | null {
    return this.unlocked && !this.unlocked.locked ? this.unlocked : null;
  }

  get personId(): string | null {
    return this.key?.personId ?? null;
  }

  /** Someone signs in here; whoever was signed in before is locked out first. */
  signIn(key: UnlockedKey, now: number): void {
    if (this.unlocked !== key) this.unlocked?.lock();
    this.unlocked = key;
    this.lastPersonId = key.personId;
    this.lastCall = now;
  }

  lock(): void {
    this.unlocked?.lock();
    this.unlocked = null;
  }

  /** Hands the key over to the session that continues this window (a reloaded page) and keeps nothing. */
  takeKey(): UnlockedKey | null {
    const key = this.key;
    this.unlocked = null;
    return key;
  }
}

/** At most this many sessions are remembered; the longest unused go first (and are locked). */
const MAX_SESSIONS = 500;
const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export class WindowSessions {
  private readonly sessions = new Map<string, WindowSession>();

  /** `lastPerson`: who signed in last on this machine (a new window offers them first). */
  constructor(
    private readonly lastPerson: () => string | null,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A new session with an unguessable id. `from` names the session the same window had before
   * (a reloaded page): the new one continues with its key, and the old one ends.
   */
  open(from?: string | null): WindowSession {
    const previous = from ? this.find(from) : null;
    const session = new WindowSession(randomBytes(24).toString('base64url'), previous?.lastPersonId ?? this.lastPerson(), this.now());
    const key = previous?.takeKey();
    if (key) session.signIn(key, this.now());
    if (previous) this.close(previous.id);
    this.sessions.set(session.id, session);
    for (const [oldest, old] of this.sessions) {
      if (this.sessions.size <= MAX_SESSIONS) break;
      old.lock();
      this.sessions.delete(oldest);
    }
    return session;
  }

  find(id: string | null | undefined): WindowSession | null {
    if (!id || !ID_PATTERN.test(id)) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    // Keep the most recently used last, so the longest unused are dropped first.
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }

  close(id: string): void {
    this.sessions.get(id)?.lock();
    this.sessions.delete(id);
  }

  /** Locks every window that has made no call for `idleMs` (run on a timer, and before each call). */
  lockIdle(idleMs: number): number {
    const now = this.now();
    let locked = 0;
    for (const session of this.sessions.values()) {
      if (session.key && now - session.lastCall >= idleMs) {
        session.lock();
        locked++;
      }
    }
    return locked;
  }
}

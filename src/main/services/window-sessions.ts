import { randomBytes } from 'node:crypto';

/**
 * One window (an Electron window, a browser tab of the preview) and the person working in it.
 * Held in the main process, never taken from the page's word; the person is who every action
 * of that window is recorded under. (An unlocked signing key will live here too.)
 */
export interface WindowSession {
  readonly id: string;
  personId: string | null;
}

/** At most this many sessions are remembered; the longest unused go first. */
const MAX_SESSIONS = 500;
const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export class WindowSessions {
  private readonly sessions = new Map<string, WindowSession>();

  /** `firstPerson`: who a new window starts with (the person last chosen on this machine). */
  constructor(private readonly firstPerson: () => string | null) {}

  /**
   * A new session with an unguessable id. `from` names the session the same window had before (a
   * reloaded page): the new one continues with its person.
   */
  open(from?: string | null): WindowSession {
    const previous = from ? this.find(from) : null;
    const session: WindowSession = { id: randomBytes(24).toString('base64url'), personId: previous ? previous.personId : this.firstPerson() };
    this.sessions.set(session.id, session);
    for (const oldest of this.sessions.keys()) {
      if (this.sessions.size <= MAX_SESSIONS) break;
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
    this.sessions.delete(id);
  }
}

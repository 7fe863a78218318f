import type { Session, WorkspaceInfo } from '../../shared/contract/api';
import { api } from '../bridge/bridge';
import { msSinceActivity } from '../bridge/activity';
import { unwrap } from '../bridge/use-call';
import { Store } from '../app/store';

export interface Desk {
  /** Who is signed in at this window, the newsroom list and the workspace rules. */
  session: Session;
  workspace: WorkspaceInfo | null;
}

type Hook = () => Promise<void> | void;
/** leaving: someone is about to change who is here or the workspace; settled: that is over, whatever came of it. */
export type DeskEvent = 'leaving' | 'settled' | 'person-changed' | 'workspace-changed';

/** How often the page looks whether the desk has been idle for its lock time. */
const IDLE_CHECK_MS = 20_000;

/** Who sits at this window's desk, and in which workspace. */
export class DeskStore extends Store<Desk> {
  private readonly hooks: Record<DeskEvent, Set<Hook>> = { leaving: new Set(), settled: new Set(), 'person-changed': new Set(), 'workspace-changed': new Set() };
  private idle: ReturnType<typeof setInterval> | undefined;

  constructor(
    session: Session,
    private readonly report: (error: unknown) => void,
  ) {
    super({ session, workspace: null });
  }

  get person() {
    return this.get().session.currentUser;
  }

  on(event: DeskEvent, hook: Hook): () => void {
    this.hooks[event].add(hook);
    return () => void this.hooks[event].delete(hook);
  }

  private async emit(event: DeskEvent): Promise<void> {
    for (const hook of this.hooks[event]) await hook();
  }

  load = async (): Promise<void> => {
    try {
      const before = this.person?.id;
      const [workspace, session] = await Promise.all([unwrap(api.getWorkspace({})), unwrap(api.getSession({}))]);
      this.set({ workspace, session });
      if (session.currentUser?.id !== before) await this.emit('person-changed');
    } catch (error) {
      this.report(error);
    }
  };

  /** Checks now and then whether this window has been idle for the workspace's lock time; the main process then locks it. */
  watchIdle = (): (() => void) => {
    clearInterval(this.idle);
    this.idle = setInterval(() => {
      const { session } = this.get();
      if (session.currentUser && msSinceActivity() >= session.lockAfterMinutes * 60_000) void this.load();
    }, IDLE_CHECK_MS);
    return () => clearInterval(this.idle);
  };

  signIn = (personId: string, passphrase: string | undefined, options: { remember?: boolean; report?: (error: unknown) => void } = {}): Promise<boolean> =>
    this.apply(() => unwrap(api.signIn({ personId, ...(passphrase !== undefined ? { passphrase } : {}), ...(options.remember ? { remember: true } : {}) })), { report: options.report ?? this.report });

  firstSignIn = (personId: string, code: string, passphrase: string, report?: (error: unknown) => void): Promise<boolean> =>
    this.apply(() => unwrap(api.firstSignIn({ personId, code, passphrase })), { report: report ?? this.report });

  setUp = (name: string, passphrase: string, report?: (error: unknown) => void): Promise<boolean> =>
    this.apply(() => unwrap(api.setUpWorkspace({ name, passphrase })), { report: report ?? this.report }).then(async (ok) => {
      if (ok) await this.load();
      return ok;
    });

  upgrade = (personId: string, passphrase: string, report?: (error: unknown) => void): Promise<boolean> =>
    this.apply(() => unwrap(api.upgradeWorkspace({ personId, passphrase })), { report: report ?? this.report }).then(async (ok) => {
      if (ok) await this.workspaceChanged();
      return ok;
    });

  /** What the person here typed is saved under their name, then the window locks. */
  lock = async (): Promise<void> => {
    try {
      await this.emit('leaving');
      const session = await unwrap(api.lock({}));
      this.set((desk) => ({ ...desk, session }));
      await this.emit('person-changed');
    } catch (error) {
      this.report(error);
    }
  };

  /**
   * Applies a change to who is here, the newsroom list or the rules; the answer is the new session.
   * A refusal goes to `report` (the window's error banner unless a dialog shows it itself).
   */
  apply = async (change: () => Promise<Session>, { personMayChange = true, report = this.report } = {}): Promise<boolean> => {
    const before = this.person?.id;
    try {
      if (personMayChange) await this.emit('leaving');
      const session = await change();
      this.set((desk) => ({ ...desk, session }));
      if (session.currentUser?.id !== before) await this.emit('person-changed');
      return true;
    } catch (error) {
      report(error);
      return false;
    } finally {
      // What was open is opened again for whoever is here now (once someone is); the caller need not wait for it.
      if (personMayChange && this.person) void this.emit('settled');
    }
  };

  chooseWorkspace = async (): Promise<void> => {
    try {
      await this.emit('leaving');
      if (await unwrap(api.chooseWorkspace({}))) return await this.workspaceChanged();
    } catch (error) {
      this.report(error);
    }
    await this.emit('settled');
  };

  /** The workspace was switched (here or from the menu): everything is read again. */
  workspaceChanged = async (): Promise<void> => {
    await this.load();
    await this.emit('workspace-changed');
  };
}

import type { Session, WorkspaceInfo } from '../../shared/contract/api';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { Store } from '../app/store';

export interface Desk {
  /** Who is working in this window, the newsroom list and the workspace rules. */
  session: Session;
  workspace: WorkspaceInfo | null;
}

type Hook = () => Promise<void> | void;
/** leaving: someone is about to change who is here or the workspace; settled: that is over, whatever came of it. */
export type DeskEvent = 'leaving' | 'settled' | 'person-changed' | 'workspace-changed';

/** Who sits at this window's desk, and in which workspace. */
export class DeskStore extends Store<Desk> {
  private readonly hooks: Record<DeskEvent, Set<Hook>> = { leaving: new Set(), settled: new Set(), 'person-changed': new Set(), 'workspace-changed': new Set() };

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
      const [workspace, session] = await Promise.all([unwrap(api.getWorkspace({})), unwrap(api.getSession({}))]);
      this.set({ workspace, session });
    } catch (error) {
      this.report(error);
    }
  };

  /** Someone sits down in this window: what the previous person typed is saved under their name first. */
  switchTo = (personId: string): Promise<boolean> => {
    if (personId === this.person?.id) return Promise.resolve(true);
    return this.apply(() => unwrap(api.setCurrentUser({ id: personId })));
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
      // What was open is opened again for whoever is here now; the caller need not wait for it.
      if (personMayChange) void this.emit('settled');
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

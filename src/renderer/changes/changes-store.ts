import type { ListedRevision } from '../../shared/contract/api';
import type { ChangesBaseName, ChangesSince } from '../../shared/tracked/schema';
import { Store } from '../app/store';
import { api } from '../bridge/bridge';
import { CallFailed, unwrap } from '../bridge/use-call';
import type { ArticleSession } from '../editor/article-session';

export type ChangesBase = ChangesBaseName | string;

const AFTER_SAVES_MS = 1_500;

export interface Changes {
  /** Since when changes are shown: the copy as this stage received it (the default), as submitted, or a revision. */
  base: ChangesBase;
  /** The attributed changes of the copy as last saved; null until loaded or when the base cannot be used. */
  since: ChangesSince | null;
  /** Why the chosen base gives nothing (never submitted, say). */
  problem: string | null;
  /** The signed revisions one may choose as the base, oldest first. */
  revisions: ListedRevision[];
}

/** The open article's changes since a chosen base, fetched again after every save. */
export class ChangesStore extends Store<Changes> {
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly stopListening: () => void;

  constructor(
    private readonly id: string,
    session: ArticleSession,
    private readonly report: (error: unknown) => void,
  ) {
    super({ base: 'stage-received', since: null, problem: null, revisions: [] });
    // Saves come every second or two while someone types: the comparison follows once they settle.
    this.stopListening = session.onSaved(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.load(), AFTER_SAVES_MS);
    });
  }

  setBase = (base: ChangesBase): void => {
    this.patch({ base, since: null, problem: null });
    void this.load();
  };

  load = async (): Promise<void> => {
    const asked = ++this.asked;
    const { base } = this.get();
    try {
      const [since, history] = await Promise.all([unwrap(api.changesSince({ id: this.id, base })), unwrap(api.listRevisions({ id: this.id }))]);
      if (asked !== this.asked) return;
      this.patch({ since, problem: null, revisions: history.revisions.filter((r) => r.status === 'signed') });
    } catch (error) {
      if (asked !== this.asked) return;
      if (error instanceof CallFailed && error.error.code === 'not-found') this.patch({ since: null, problem: error.message });
      else this.report(error);
    }
  };

  dispose(): void {
    clearTimeout(this.timer);
    this.stopListening();
  }
}

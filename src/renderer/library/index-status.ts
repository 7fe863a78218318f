import type { LibraryStatus } from '../../shared/contract/library';
import { api } from '../bridge/bridge';
import { Store } from '../app/store';

const POLL_MS = 600;

/**
 * How this desk's library index stands. While it is being brought up to date with the folder
 * (the first start, a deleted or damaged index, a roster change), it is asked again every
 * moment, and the list is read again as articles arrive in it and once the build is over.
 */
export class IndexStatus extends Store<LibraryStatus | null> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A list was answered while a build ran: it is read again once the build is over. */
  private owed = false;

  constructor(private readonly arrived: () => void) {
    super(null);
  }

  /** A list came from an index still being built. */
  building = (): void => {
    this.owed = true;
    // Shown at once; the figures follow.
    if (!this.get()?.building) this.set({ building: true, done: 0, total: 0, rebuilt: null, indexed: this.get()?.indexed ?? 0 });
    void this.watch();
  };

  /** Asks now, and keeps asking while a build runs. */
  watch = async (): Promise<void> => {
    clearTimeout(this.timer);
    const answer = await api.libraryStatus({});
    if (!answer.ok) return;
    const before = this.get();
    const status = answer.value;
    this.set(status);
    const grew = before !== null && before.indexed !== status.indexed;
    if (status.building) this.owed = true;
    if (grew || (!status.building && this.owed)) {
      this.owed = status.building;
      this.arrived();
    }
    clearTimeout(this.timer);
    if (status.building) this.timer = setTimeout(() => void this.watch(), POLL_MS);
  };
}

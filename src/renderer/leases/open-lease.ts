import type { LeaseHolder } from '../../shared/contract/lease-api';
import { HEARTBEAT_MS } from '../../shared/leases/lease-file';
import { Store } from '../app/store';
import type { OpenedStore } from '../article/opened-store';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { sameHolder, type LeasesStore } from './leases-store';

export interface OpenLeaseView {
  /** The article the lease below is about (the one open, or being opened). */
  articleId: string | null;
  /** Who holds it: nobody, this window's person here (`mine`), or someone else, who may have taken it from here. */
  holder: LeaseHolder | null;
  busy: boolean;
}

interface OpenLeaseDeps {
  opened: OpenedStore;
  leases: LeasesStore;
  report: (error: unknown) => void;
}

/**
 * The lease of the article open in this window (docs/multi-desk.md, "Check-out"): taken when it
 * is opened (before the editor shows, so it opens editable or read-only), renewed every
 * HEARTBEAT_MS while the window is visible, let go when another article or none is open. When
 * another desk takes it over, what was typed here and not yet saved is saved first, as a
 * revision, and the copy opens again read-only until the lease comes back here.
 */
export class OpenLease extends Store<OpenLeaseView> {
  /** The article whose lease this window holds or asked for, to let go when it is no longer open. */
  private held: string | null = null;
  /** The article being opened (its lease asked for first): closing the one before lets nothing go meanwhile. */
  private opening: string | null = null;
  private asked: string | null = null;
  private releasing: Promise<void> = Promise.resolve();
  constructor(private readonly deps: OpenLeaseDeps) {
    super({ articleId: null, holder: null, busy: false });
  }

  /**
   * Follows what is open here and the leases of every desk, and renews the lease on a timer while
   * the window is visible, and at once when it becomes visible again.
   */
  start(): () => void {
    const stop = [this.deps.opened.subscribe(this.followOpened), this.deps.leases.subscribe(this.followLeases)];
    const beat = () => {
      if (document.visibilityState !== 'visible') return;
      const id = this.deps.opened.current?.id;
      if (id) void this.ask(id);
      void this.deps.leases.refresh();
    };
    const timer = setInterval(beat, HEARTBEAT_MS);
    document.addEventListener('visibilitychange', beat);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', beat);
      for (const unsubscribe of stop) unsubscribe();
    };
  }

  /** The article `id` is being opened in this window (OpenedStore asks before it closes the one open). */
  hold = (id: string): Promise<void> => {
    this.opening = id;
    return this.ask(id);
  };

  /** Takes or renews the lease of `id` (the main process decides: nobody else holds it, and the person may edit). */
  private async ask(id: string): Promise<void> {
    this.asked = id;
    const result = await api.holdLease({ id });
    // A locked window is shown the sign-in by other calls; it holds nothing.
    this.apply(id, result.ok ? result.value.holder : null);
  }

  /** Takes the article over from the desk that holds it, then opens the newest copy that arrived from it for editing here. */
  takeOver = async (): Promise<void> => {
    const id = this.get().articleId;
    if (!id || this.get().busy) return;
    this.patch({ busy: true });
    try {
      const { holder } = await unwrap(api.takeOverLease({ id }));
      this.set({ articleId: id, holder, busy: false });
      void this.deps.leases.refresh();
      await this.deps.opened.reload();
    } catch (error) {
      this.patch({ busy: false });
      this.deps.report(error);
    }
  };

  /** Waits for a lease being let go (before the window locks or changes person). */
  settled = (): Promise<void> => this.releasing;

  private apply(id: string, holder: LeaseHolder | null): void {
    // An answer about an article this window has since moved away from.
    if (this.asked !== id && this.deps.opened.current?.id !== id) return;
    const before = this.get();
    const hadIt = before.articleId === id && before.holder?.mine === true;
    this.set({ articleId: id, holder, busy: false });
    if (hadIt && holder && !holder.mine) void this.lost(id);
  }

  /**
   * Another desk took the article over: what was typed here is saved, as a revision, and the
   * article opens again read-only, to follow what that desk saves.
   */
  private async lost(id: string): Promise<void> {
    const current = this.deps.opened.current;
    if (current?.id !== id) return;
    try {
      await current.session.close();
    } catch (error) {
      this.deps.report(error);
    }
    // A save refused (a newer copy came first) keeps the copy as it is, with its notice: the text typed here stays to copy out.
    if (this.deps.opened.current === current && current.session.getStatus().state !== 'error') await this.deps.opened.reload();
  }

  private followOpened = (): void => {
    const current = this.deps.opened.current?.id ?? null;
    if (current !== null && current === this.opening) this.opening = null;
    const id = current ?? this.opening;
    if (id === this.held) return;
    const left = this.held;
    this.held = id;
    if (left) this.releasing = api.releaseLease({ id: left }).then(
      () => undefined,
      () => undefined,
    );
    if (!id) this.set({ articleId: null, holder: null, busy: false });
  };

  private followLeases = (): void => {
    const { articleId, holder } = this.get();
    if (!articleId || this.deps.opened.current?.id !== articleId) return;
    const listed = this.deps.leases.get().holders[articleId] ?? null;
    if (sameHolder(listed, holder)) return;
    // Someone else's, and it was not this window's: shown. Otherwise the main process is asked: a
    // list read just before a change here (a person switched) must not pass for a take-over, and a
    // free article is taken if the person may edit it.
    if (listed && !listed.mine && !holder?.mine) this.apply(articleId, listed);
    else void this.ask(articleId);
  }
}

import type { Article, ArticleContent } from '../../shared/article/article';
import type { SerializedBody } from '../../shared/article/body';
import type { AppError } from '../../shared/contract/errors';
import { autoRevisionDueAt } from '../../shared/history/policy';
import { api } from '../bridge/bridge';

export type MetaFields = Pick<ArticleContent, 'channel' | 'headline' | 'deck' | 'byline' | 'language'>;

export interface SaveStatus {
  state: 'saved' | 'dirty' | 'saving' | 'error';
  savedAt: string;
  error: AppError | null;
}

/** Save at most this long after the last change… */
export const SAVE_IDLE_MS = 800;
/** …and never later than this after the first unsaved change, so a crash loses under 2 s. */
export const SAVE_MAX_WAIT_MS = 1_800;
const RETRY_MS = 5_000;
const VERSION_CHECK_MS = 5_000;
/** At most this many 16 ms deferrals for pending input (well inside the 2 s guarantee). */
const MAX_INPUT_DEFERRALS = 10;

/**
 * The open article's working copy and its autosave. Changes are saved when the writer pauses,
 * and at the latest SAVE_MAX_WAIT_MS after they were made.
 */
export class ArticleSession {
  readonly id: string;
  /** The revision the copy in the editor was made from: every save names it. */
  private base: string;
  private meta: MetaFields;
  private bodySource: (() => SerializedBody) | null = null;
  private fallbackBody: SerializedBody;
  private dirtySince: number | null = null;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private status: SaveStatus;
  private readonly listeners = new Set<() => void>();
  private readonly savedListeners = new Set<() => void>();
  private readonly versionListeners = new Set<() => void>();
  private readonly metaListeners = new Set<() => void>();
  /** When the copy was first changed since the last recorded revision, and last changed. */
  private editedSinceVersion: number | null = null;
  private lastEdit = 0;
  private versionTimer: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  /** The copy was changed in this window since it was opened: someone is editing it here. */
  private changedHere = false;
  /** The copy as the base revision holds it (as opened, or as last saved from here). */
  private savedContent: ArticleContent;

  constructor(article: Article, private readonly savedCallback?: (article: Pick<Article, 'id' | 'updatedAt' | 'updatedBy'> & MetaFields) => void) {
    this.id = article.id;
    this.base = article.head;
    this.meta = { channel: article.channel, headline: article.headline, deck: article.deck, byline: article.byline, language: article.language };
    this.fallbackBody = article.body;
    this.savedContent = { ...this.meta, body: article.body };
    this.status = { state: 'saved', savedAt: article.updatedAt, error: null };
  }

  getMeta = (): MetaFields => this.meta;

  /** The revision the copy here was made from, and the copy it holds. */
  get saved(): { revision: string; copy: ArticleContent } {
    return { revision: this.base, copy: this.savedContent };
  }

  /** Another desk recorded this same copy as a newer revision (a review action's milestone): saves go on from it. */
  rebase(head: string): void {
    this.base = head;
  }

  /** Someone changed the copy in this window since it was opened. */
  get editedHere(): boolean {
    return this.changedHere;
  }

  /** Waits for a save on its way, so the base is the one the store has. */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /** Called when channel, headline, deck, byline or language change. */
  subscribeMeta = (listener: () => void): (() => void) => {
    this.metaListeners.add(listener);
    return () => void this.metaListeners.delete(listener);
  };

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Called after a revision is recorded in the history. */
  onVersion(listener: () => void): () => void {
    this.versionListeners.add(listener);
    return () => void this.versionListeners.delete(listener);
  }

  /**
   * Records a revision: explicitly (Ctrl/Cmd+S, with an optional label), or automatically by
   * the editing policy (src/shared/history/policy.ts). Saves the working copy first.
   */
  async recordVersion(kind: 'auto' | 'save', label?: string): Promise<boolean> {
    await this.flush();
    if (this.status.state === 'error') return false;
    const result = await api.recordRevision({ id: this.id, kind, ...(label ? { label } : {}) });
    if (!result.ok) {
      this.setStatus({ ...this.status, error: result.error });
      return false;
    }
    this.editedSinceVersion = null;
    for (const listener of this.versionListeners) listener();
    return true;
  }

  /** Called after every successful save. */
  onSaved(listener: () => void): () => void {
    this.savedListeners.add(listener);
    return () => void this.savedListeners.delete(listener);
  }

  attachBody(source: () => SerializedBody): void {
    this.bodySource = source;
  }

  updateMeta(patch: Partial<MetaFields>): void {
    this.meta = { ...this.meta, ...patch };
    for (const listener of this.metaListeners) listener();
    this.markDirty();
  }

  markDirty = (): void => {
    if (this.closed) return;
    this.changedHere = true;
    this.generation++;
    const now = Date.now();
    this.lastEdit = now;
    this.editedSinceVersion ??= now;
    this.versionTimer ??= setInterval(() => this.maybeRecordVersion(), VERSION_CHECK_MS);
    this.dirtySince ??= now;
    // Only a change of state is news: a new status object on every keystroke would re-render the
    // status bar, and every React commit while the body has focus walks the whole body's DOM
    // (React saves and restores the selection around commits), which costs ~1–2 ms a keystroke
    // on a 200,000-character article.
    if (this.status.state !== 'saving' && this.status.state !== 'dirty') this.setStatus({ ...this.status, state: 'dirty' });
    this.schedule(Math.max(0, Math.min(SAVE_IDLE_MS, this.dirtySince + SAVE_MAX_WAIT_MS - now)));
  };

  /** Saves now if anything is unsaved, and waits for every save to finish. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight || this.dirtySince !== null) {
      if (this.inFlight) await this.inFlight;
      else await this.save();
      if (this.status.state === 'error') return;
    }
  }

  /** Lets go of what is unsaved (it cannot be saved over a newer copy); nothing more is saved. */
  discard(): void {
    this.closed = true;
    this.dirtySince = null;
    this.editedSinceVersion = null;
    clearTimeout(this.timer);
    clearInterval(this.versionTimer);
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.editedSinceVersion !== null) await this.recordVersion('auto');
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.versionTimer);
  }

  private maybeRecordVersion(): void {
    if (this.editedSinceVersion === null) return;
    const due = autoRevisionDueAt({ firstEditAt: this.editedSinceVersion, lastEditAt: this.lastEdit });
    if (due !== null && Date.now() >= due) {
      void this.recordVersion('auto');
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveWhenInputIsQuiet(), delay);
  }

  /**
   * Serializing a long article takes a few milliseconds of the main thread; a key pressed then
   * waits. When input is pending the save steps aside for a frame, within a bounded delay so
   * the crash guarantee holds.
   */
  private saveWhenInputIsQuiet(deferred = 0): void {
    const scheduling = (navigator as Navigator & { scheduling?: { isInputPending?: () => boolean } }).scheduling;
    if (deferred < MAX_INPUT_DEFERRALS && scheduling?.isInputPending?.()) {
      this.timer = setTimeout(() => this.saveWhenInputIsQuiet(deferred + 1), 16);
      return;
    }
    void this.save();
  }

  private save(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.dirtySince === null) return Promise.resolve();
    clearTimeout(this.timer);
    const generation = this.generation;
    const body = this.bodySource ? this.bodySource() : this.fallbackBody;
    const content: ArticleContent = { ...this.meta, body };
    this.setStatus({ ...this.status, state: 'saving' });
    this.inFlight = (async () => {
      // Let a key that arrived during serialization be handled before the request is encoded.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const result = await api.saveArticle({ id: this.id, base: this.base, content });
      if (result.ok) {
        this.base = result.value.head;
        this.savedContent = content;
        this.savedCallback?.({ id: this.id, updatedAt: result.value.updatedAt, updatedBy: result.value.updatedBy, ...this.meta });
        for (const listener of this.savedListeners) listener();
        const changedMeanwhile = this.generation !== generation;
        this.dirtySince = changedMeanwhile ? Date.now() : null;
        this.setStatus({ state: changedMeanwhile ? 'dirty' : 'saved', savedAt: result.value.updatedAt, error: null });
        if (changedMeanwhile) this.schedule(SAVE_IDLE_MS);
      } else {
        this.setStatus({ ...this.status, state: 'error', error: result.error });
        if (result.error.code !== 'conflict' && result.error.code !== 'invalid-input') this.schedule(RETRY_MS);
      }
    })().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}

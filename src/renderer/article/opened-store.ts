import type { Article, ArticleContent, Language } from '../../shared/article/article';
import { canonicalJson } from '../../shared/article/canonical';
import type { HitLocation } from '../../shared/contract/library';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { Store } from '../app/store';
import { OpenArticle, type OpenArticleDeps, type OpenOptions } from './open-article';

export interface Opened {
  open: OpenArticle | null;
  /** The article being fetched, to mark it in the library meanwhile. */
  loadingId: string | null;
}

/** Which article is open in this window. The only place an article is opened. */
export class OpenedStore extends Store<Opened> {
  private suspended: string | null = null;

  constructor(private readonly deps: OpenArticleDeps & { refreshLibrary: () => Promise<void>; holdLease?: (id: string) => Promise<void> }) {
    super({ open: null, loadingId: null });
  }

  get current(): OpenArticle | null {
    return this.get().open;
  }

  /**
   * Opens an article (again, when `reveal` names an annotation to show or `at` a place to take
   * the eye to: a search hit), saving the one open first.
   */
  open = async (id: string, reveal: string | null = null, at: HitLocation | null = null): Promise<boolean> => {
    if (this.current?.id === id && !reveal && !at) return true;
    this.patch({ loadingId: id });
    try {
      if (this.current?.id === id && at && !reveal) {
        this.current.goTo(at);
        return true;
      }
      await this.show(id, { reveal, at });
      return true;
    } catch (error) {
      this.deps.report(error);
      return false;
    } finally {
      this.patch({ loadingId: null });
    }
  };

  /** The stored copy changed under the editor (a restore, another person): open it afresh. */
  reload = async (): Promise<void> => {
    const current = this.current;
    if (!current) return;
    try {
      await this.show(current.id, {});
      await this.deps.refreshLibrary();
    } catch (error) {
      this.deps.report(error);
    }
  };

  /**
   * Another desk changed the open article: its review and annotations are read again, and a
   * newer copy replaces the one shown — unless the copy is being edited here, which is then told
   * that a newer version arrived. A newer revision of the very copy this one was made from (a
   * review action's milestone) only moves where the next save starts from.
   */
  arrived = async (): Promise<void> => {
    const current = this.current;
    if (!current) return;
    try {
      await current.session.settled();
      const [article] = await Promise.all([unwrap(api.getArticle({ id: current.id })), current.review.load(), current.annotations.load()]);
      const { session } = current;
      if (this.current !== current || article.head === session.saved.revision) return;
      if (sameCopy(article, session.saved.copy)) session.rebase(article.head);
      else if (session.editedHere) current.newer.put({ updatedBy: article.updatedBy, updatedAt: article.updatedAt });
      else await this.show(current.id, { tab: current.tab.get() });
    } catch (error) {
      this.deps.report(error);
    }
  };

  /**
   * Opens the newer copy another desk saved, in place of the one edited here. What was typed
   * here is saved first: it is kept as a crossing copy and merged with the newer one (only a
   * save another window of this desk made in between refuses it, and then it is let go).
   */
  takeNewer = async (): Promise<void> => {
    const current = this.current;
    if (!current) return;
    try {
      await current.session.flush();
      await this.show(current.id, { tab: current.tab.get() }, { discard: true });
    } catch (error) {
      this.deps.report(error);
    }
  };

  /** A new article, with `content` when it comes from an imported document. */
  create = async (language: Language, content?: ArticleContent): Promise<Article | null> => {
    try {
      await this.close();
      const created = await unwrap(api.createArticle({ language }));
      if (content) await unwrap(api.saveArticle({ id: created.id, base: created.head, content }));
      await this.show(created.id, { created: true });
      await this.deps.refreshLibrary();
      return created;
    } catch (error) {
      this.deps.report(error);
      return null;
    }
  };

  /** Saves and closes the open article; nothing is open afterwards. */
  close = async (): Promise<void> => {
    const current = this.current;
    if (!current) return;
    await current.close();
    if (this.current === current) this.patch({ open: null });
  };

  /** Saves and closes the open article, to open it again once the desk has settled (see DeskStore). */
  suspend = async (): Promise<void> => {
    this.suspended = this.current?.id ?? this.suspended;
    await this.close();
  };

  resume = async (): Promise<void> => {
    const id = this.suspended;
    this.suspended = null;
    if (id) await this.open(id);
  };

  /** The workspace changed: what was open there is not opened again. */
  forget = (): void => {
    this.suspended = null;
  };

  /**
   * Closes the article and fetches it with its review state, so rights are known before the
   * first keystroke. `discard`: what is unsaved here is let go (it cannot be saved over a newer copy).
   */
  private async show(id: string, options: OpenOptions, { discard = false } = {}): Promise<void> {
    if (discard) this.current?.discard();
    // The lease is asked for first, so the same article opened again never lets it go in between.
    const lease = this.deps.holdLease?.(id);
    await this.close();
    const [article, review] = await Promise.all([unwrap(api.getArticle({ id })), api.getReview({ id }), lease]);
    this.patch({ open: new OpenArticle(article, review.ok ? review.value : null, options, this.deps) });
  }
}

function sameCopy(a: ArticleContent, b: ArticleContent): boolean {
  const fields = ({ channel, headline, deck, byline, language, body }: ArticleContent) => canonicalJson({ channel, headline, deck, byline, language, body });
  return fields(a) === fields(b);
}

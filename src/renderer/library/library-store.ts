import type { Article } from '../../shared/article/article';
import type { ArticleList, OpenAnnotation, TrashEntry } from '../../shared/contract/api';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { Store } from '../app/store';

export interface Library {
  list: ArticleList;
  /** The list has been read at least once (for the person here). */
  loaded: boolean;
  trash: TrashEntry[];
  openAnnotations: OpenAnnotation[];
}

export type SavedSummary = Pick<Article, 'id' | 'updatedAt' | 'updatedBy' | 'headline' | 'channel'>;

/** The workspace's articles, its trash and its open annotations, as the library shows them. */
export class LibraryStore extends Store<Library> {
  constructor(private readonly report: (error: unknown) => void) {
    super({ list: { articles: [], damaged: [] }, loaded: false, trash: [], openAnnotations: [] });
  }

  private async load<K extends keyof Library>(key: K, read: () => Promise<Library[K]>): Promise<void> {
    try {
      const value = await read();
      this.patch({ [key]: value, ...(key === 'list' ? { loaded: true } : {}) } as Partial<Library>);
    } catch (error) {
      this.report(error);
    }
  }

  refresh = (): Promise<void> => this.load('list', () => unwrap(api.listArticles({})));
  refreshTrash = (): Promise<void> => this.load('trash', () => unwrap(api.listTrash({})));
  refreshAnnotations = (): Promise<void> => this.load('openAnnotations', () => unwrap(api.listOpenAnnotations({})));

  /** Everything the library shows, read again (a review action, another person, another workspace). */
  refreshAll = async (): Promise<void> => {
    await Promise.all([this.refresh(), this.refreshAnnotations()]);
  };

  /** A save of the open article: re-render only for what the library shows (headline, channel, the minute). */
  saved = (saved: SavedSummary): void => {
    this.set((library) => {
      const before = library.list.articles.find((a) => a.id === saved.id);
      const unchanged =
        before &&
        before.headline === saved.headline &&
        before.channel.join('>') === saved.channel.join('>') &&
        before.updatedBy === saved.updatedBy &&
        before.updatedAt.slice(0, 16) === saved.updatedAt.slice(0, 16);
      if (unchanged) return library;
      const articles = library.list.articles
        .map((a) => (a.id === saved.id ? { ...a, headline: saved.headline, channel: saved.channel, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy } : a))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return { ...library, list: { ...library.list, articles } };
    });
  };

  restore = async (id: string): Promise<void> => {
    try {
      await unwrap(api.restoreArticle({ id }));
      await Promise.all([this.refresh(), this.refreshTrash()]);
    } catch (error) {
      this.report(error);
    }
  };
}

import type { Article, ArticleSummary } from '../../shared/article/article';
import type { OpenAnnotation, TrashEntry } from '../../shared/contract/api';
import { NOTICE_QUEUES } from '../../shared/library/arrivals';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { Store } from '../app/store';
import { IndexStatus } from './index-status';
import { LibraryView } from './library-view';

export interface Library {
  /** The articles in the person's notice queues (returned to them, waiting for them): what arrivals are told from. */
  noticed: ArticleSummary[];
  /** The library has been read at least once (for the person here). */
  loaded: boolean;
  trash: TrashEntry[];
  openAnnotations: OpenAnnotation[];
}

export type SavedSummary = Pick<Article, 'id' | 'updatedAt' | 'updatedBy' | 'headline' | 'channel'>;

/** Most articles a notice queue is read with; more than that waiting for one person is not news any more. */
const NOTICED_MAX = 500;

/**
 * The workspace's library as this window shows it: the list and search (`view`, from this desk's
 * index), how the index stands (`status`), the trash and the open annotations.
 */
export class LibraryStore extends Store<Library> {
  readonly view: LibraryView;
  readonly status: IndexStatus;

  constructor(private readonly report: (error: unknown) => void) {
    super({ noticed: [], loaded: false, trash: [], openAnnotations: [] });
    this.status = new IndexStatus(() => void this.refresh());
    this.view = new LibraryView(report, this.status.building);
  }

  private async load<K extends keyof Library>(key: K, read: () => Promise<Library[K]>): Promise<void> {
    try {
      const value = await read();
      this.patch({ [key]: value, ...(key === 'noticed' ? { loaded: true } : {}) } as Partial<Library>);
    } catch (error) {
      this.report(error);
    }
  }

  private readNoticed = async (): Promise<ArticleSummary[]> => {
    const pages = await Promise.all(NOTICE_QUEUES.map((queue) => unwrap(api.searchLibrary({ query: '', filters: { queue }, limit: NOTICED_MAX }))));
    return pages.flatMap((page) => page.hits.map((hit) => hit.row));
  };

  /** The list as it is now, and the notice queues. */
  refresh = async (): Promise<void> => {
    await Promise.all([this.view.reload(), this.load('noticed', this.readNoticed)]);
  };
  refreshTrash = (): Promise<void> => this.load('trash', () => unwrap(api.listTrash({})));
  refreshAnnotations = (): Promise<void> => this.load('openAnnotations', () => unwrap(api.listOpenAnnotations({})));

  /** Everything the library shows, read again (a review action, another person, another workspace). */
  refreshAll = async (): Promise<void> => {
    await Promise.all([this.refresh(), this.refreshAnnotations(), this.status.watch()]);
  };

  /** A save of the open article: the list follows when what it shows changed (headline, channel, the minute). */
  saved = (saved: SavedSummary): void => {
    const shown = [...this.view.get().rows.values()].find((hit) => hit.row.id === saved.id)?.row;
    const unchanged =
      shown &&
      shown.headline === saved.headline &&
      shown.channel.join('>') === saved.channel.join('>') &&
      shown.updatedBy === saved.updatedBy &&
      shown.updatedAt.slice(0, 16) === saved.updatedAt.slice(0, 16);
    if (!unchanged) void this.view.reload();
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

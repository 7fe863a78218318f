import type { DamagedEntry } from '../../shared/contract/api';
import type { LibraryHit, LibraryPage, SearchLibraryInput } from '../../shared/contract/library';
import { QUEUES, type QueueName } from '../../shared/library/queues';
import type { LibraryFilters, LibrarySort } from '../../shared/search/filters';
import type { QueueCounts } from '../../shared/search/queue-shapes';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { Store } from '../app/store';

/** Rows asked for at a time, aligned so that scrolling a little asks for the page already held. */
export const PAGE = 100;

export interface LibraryViewState {
  query: string;
  /** The person is still typing: the last word is a prefix. */
  typing: boolean;
  filters: LibraryFilters;
  /** Null: newest first, or by relevance for a search. */
  sort: LibrarySort | null;
  queue: QueueName;
  total: number;
  more: boolean;
  searched: boolean;
  counts: QueueCounts;
  damaged: DamagedEntry[];
  /** Rows held, by their place in the list. */
  rows: ReadonlyMap<number, LibraryHit>;
  /** A page has come for the current question at least once. */
  loaded: boolean;
}

const NO_COUNTS = Object.fromEntries(QUEUES.map((queue) => [queue, 0])) as QueueCounts;

/**
 * The library list as this window sees it: the question (words, filters, queue, sort) and the
 * pages of the answer held so far. The list renders what is on screen and asks for the pages
 * under it; a new question or a change in the workspace starts from the first page again.
 */
export class LibraryView extends Store<LibraryViewState> {
  /** Each question (and each reload) has its number; an answer to an earlier one is dropped. */
  private generation = 0;
  private readonly asked = new Set<number>();

  constructor(
    private readonly report: (error: unknown) => void,
    /** A page came from an index still being built. */
    private readonly indexing: () => void,
  ) {
    super({ query: '', typing: false, filters: {}, sort: null, queue: 'all', total: 0, more: false, searched: false, counts: NO_COUNTS, damaged: [], rows: new Map(), loaded: false });
  }

  setQuery = (query: string, typing = true): Promise<void> => this.ask({ query, typing });
  setFilters = (filters: LibraryFilters): Promise<void> => this.ask({ filters });
  setSort = (sort: LibrarySort | null): Promise<void> => this.ask({ sort });
  setQueue = (queue: QueueName): Promise<void> => this.ask({ queue });

  /** The rows from `start` to `end` are on screen: their pages are fetched unless held or on the way. */
  ensure = (start: number, end: number): void => {
    for (let page = Math.floor(start / PAGE); page * PAGE < Math.max(end, start + 1); page++) void this.fetch(page * PAGE, this.generation);
  };

  /** The workspace changed: the same question asked again, from the first page. */
  reload = (): Promise<void> => this.ask({});

  /** The question as the contract takes it, for one page. */
  request(offset: number): SearchLibraryInput {
    const { query, typing, filters, sort, queue } = this.get();
    // The page's "to" is the last day wanted; the index's is the first day not wanted.
    const to = filters.to && filters.to.length === 10 ? dayAfter(filters.to) : filters.to;
    return { query, typing, filters: { ...filters, ...(to ? { to } : {}), ...(queue === 'all' ? {} : { queue }) }, ...(sort ? { sort } : {}), offset, limit: PAGE };
  }

  private async ask(change: Partial<Pick<LibraryViewState, 'query' | 'typing' | 'filters' | 'sort' | 'queue'>>): Promise<void> {
    this.patch(change);
    this.generation++;
    this.asked.clear();
    await this.fetch(0, this.generation, true);
  }

  private async fetch(offset: number, generation: number, fresh = false): Promise<void> {
    if (this.asked.has(offset) || (!fresh && this.get().rows.has(offset))) return;
    this.asked.add(offset);
    let page: LibraryPage;
    try {
      page = await unwrap(api.searchLibrary(this.request(offset)));
    } catch (error) {
      this.asked.delete(offset);
      this.report(error);
      return;
    }
    if (generation !== this.generation) return;
    if (page.indexing) this.indexing();
    this.set((state) => {
      const rows = new Map(fresh ? [] : state.rows);
      page.hits.forEach((hit, at) => rows.set(offset + at, hit));
      return { ...state, rows, total: page.total, more: page.more, searched: page.searched, counts: page.counts, damaged: page.damaged, loaded: true };
    });
  }
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

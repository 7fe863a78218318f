import type { LibraryPage, SearchLibraryInput } from '../../shared/contract/library';
import type { Person } from '../../shared/review/people';
import { Library } from '../services/search/library';
import type { Workspace } from '../services/workspace';
import { currentPerson, type Caller, type HandlerContext } from './context';

/**
 * The library of the open workspace, made on first use (the page's first look at the library):
 * its index opens at once, catches up with the folder in the background, and then follows this
 * desk's writes and the change feed. Another workspace gets its own; the one before is closed.
 */
export class OpenLibrary {
  private current: { workspace: Workspace; library: Library } | null = null;

  constructor(private readonly ctx: HandlerContext) {}

  get(): Library {
    const workspace = this.ctx.workspace();
    if (this.current?.workspace === workspace) return this.current.library;
    this.current?.library.close();
    this.current = null;
    const library = new Library(workspace, this.ctx.data, (message) => console.warn(`warning: ${message}`));
    const feed = this.ctx.live?.()?.feed;
    if (feed) library.follow(feed);
    void library.reconcile();
    this.current = { workspace, library };
    return library;
  }

  close(): void {
    this.current?.library.close();
    this.current = null;
  }
}

export function libraryHandlers(ctx: HandlerContext, open = new OpenLibrary(ctx)) {
  return {
    searchLibrary: async (input: SearchLibraryInput, caller: Caller): Promise<LibraryPage> => {
      const library = open.get();
      await library.caughtUp();
      const person = await currentPerson(ctx, caller).catch((): Person | null => null);
      const policy = (await ctx.workspace().roster()).policy;
      const result = library.search({ ...input, person, policy });
      return { hits: result.hits, total: result.total, more: result.more, offset: result.offset, counts: result.counts, searched: result.query.terms.length > 0, indexing: library.building, damaged: library.damaged().map(({ id, problem }) => ({ id, file: `articles/${id}`, problem })) };
    },
    libraryStatus: async () => open.get().status(),
    listTrash: async () => {
      const library = open.get();
      await library.complete();
      await library.caughtUp();
      return library.trash();
    },
    listOpenAnnotations: async () => {
      const library = open.get();
      await library.complete();
      await library.caughtUp();
      return library.openAnnotations();
    },
  };
}

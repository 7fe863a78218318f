import type { HandlerContext } from './context';

/** The live workspace: the page asks for a fresh look at the folder when its window gains focus. */
export function liveHandlers(ctx: HandlerContext) {
  return {
    rescanWorkspace: async () => {
      await ctx.live?.()?.rescan();
      return {};
    },
  };
}

import type { ArticleContent } from '../../shared/article/article';
import { applyIgnores, runChecks, type CheckSettings, type Finding, type HouseLists } from '../../shared/checks/index';
import { currentPerson, type Caller, type HandlerContext } from './context';
import { asAdmin } from './people';

/** The findings on the stored copy, with every recorded "ignore here" applied. */
export async function storedFindings(ctx: HandlerContext, id: string, content: ArticleContent): Promise<Finding[]> {
  const { settings, lists } = ctx.workspace().proofreading();
  return applyIgnores(runChecks(content, settings, lists), await ctx.workspace().ignores(id).load());
}

export const checkHandlers = (ctx: HandlerContext) => ({
  getProofreading: async ({ id }: { id?: string }) => {
    const { settings, lists } = ctx.workspace().proofreading();
    if (!id) return { settings, lists, ignores: [] };
    await ctx.workspace().get(id);
    return { settings, lists, ignores: await ctx.workspace().ignores(id).load() };
  },
  updateProofreading: async (patch: { settings?: CheckSettings; lists?: HouseLists }, caller: Caller) => {
    await asAdmin(ctx, caller);
    await ctx.workspace().updateProofreading(patch);
    return ctx.workspace().proofreading();
  },
  ignoreFinding: async ({ id, findingId, reason }: { id: string; findingId: string; reason: string }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    await ctx.workspace().get(id);
    const store = ctx.workspace().ignores(id);
    await store.append({ findingId, reason, by: person.id, byName: person.name, at: ctx.clock.now().toISOString() });
    return store.load();
  },
});

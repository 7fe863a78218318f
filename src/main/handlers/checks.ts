import type { ArticleContent } from '../../shared/article/article';
import { applyIgnores, runChecks, type CheckSettings, type Finding, type HouseLists } from '../../shared/checks/index';
import { ignoresOf } from '../services/article-notes';
import type { ArticleRead } from '../services/articles';
import { People } from '../services/people';
import { currentActor, type Caller, type HandlerContext } from './context';
import { asAdmin } from './people';

/** The findings on the stored copy, with every recorded "ignore here" applied. */
export async function storedFindings(ctx: HandlerContext, read: ArticleRead, content: ArticleContent): Promise<Finding[]> {
  const { checks, houseLists } = read.state.roster.settings;
  return applyIgnores(runChecks(content, checks, houseLists), await ignoresOf(ctx.workspace().layout.articleDir(read.state.id), read.state));
}

export const checkHandlers = (ctx: HandlerContext) => ({
  getProofreading: async ({ id }: { id?: string }) => {
    const workspace = ctx.workspace();
    const { settings } = await workspace.roster();
    if (!id) return { settings: settings.checks, lists: settings.houseLists, ignores: [] };
    const state = await workspace.articles.state(id);
    return { settings: settings.checks, lists: settings.houseLists, ignores: await ignoresOf(workspace.layout.articleDir(id), state) };
  },
  updateProofreading: async (patch: { settings?: CheckSettings; lists?: HouseLists }, caller: Caller) => {
    const actor = await asAdmin(ctx, caller);
    await new People(ctx.workspace()).setSettings(actor, {
      ...(patch.settings ? { checks: patch.settings as unknown as Record<string, unknown> } : {}),
      ...(patch.lists ? { houseLists: patch.lists as unknown as Record<string, unknown> } : {}),
    });
    const { settings } = await ctx.workspace().roster();
    return { settings: settings.checks, lists: settings.houseLists };
  },
  ignoreFinding: async ({ id, findingId, reason }: { id: string; findingId: string; reason: string }, caller: Caller) => {
    const actor = await currentActor(ctx, caller);
    const workspace = ctx.workspace();
    const { state } = await workspace.articles.act(actor, id, 'ignore', () => (at: string) => ({ findingId, reason, by: actor.person.id, byName: actor.person.name, at }));
    return ignoresOf(workspace.layout.articleDir(id), state);
  },
});

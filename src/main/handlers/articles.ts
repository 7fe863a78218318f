import type { ArticleContent, Language } from '../../shared/article/article';
import { AppFailure } from '../../shared/contract/errors';
import { checkTrash } from '../../shared/review/trash';
import type { MergePick } from '../../shared/merge/merge-content';
import { articleFileProblems } from '../services/article-files';
import { blockingProblem, reviewStateOf } from '../services/article-view';
import { summarize } from '../../shared/article/article';
import { currentActor, refused, type Caller, type HandlerContext } from './context';
import { assertMayEdit, assertMaySave } from './edit-guard';

export const articleHandlers = (ctx: HandlerContext) => ({
  getWorkspace: () => ctx.workspace().info(),
  chooseWorkspace: async () => {
    if (!ctx.chooseWorkspace) throw new AppFailure('unavailable', 'choosing a workspace folder needs the desktop app');
    return ctx.chooseWorkspace();
  },
  listArticles: () => ctx.workspace().articles.list(),
  getArticle: ({ id }: { id: string }) => ctx.workspace().get(id),
  checkArticleFiles: async ({ id }: { id: string }) => {
    const workspace = ctx.workspace();
    return articleFileProblems(workspace.layout.articleDir(id), await workspace.articles.state(id));
  },
  createArticle: async ({ language }: { language: Language }, caller: Caller) => ctx.workspace().articles.create(await currentActor(ctx, caller), language),
  saveArticle: async ({ id, base, content, merged }: { id: string; base: string; content: ArticleContent; merged?: string[] }, caller: Caller) => {
    const actor = await currentActor(ctx, caller);
    return ctx.workspace().articles.save(actor, id, base, content, (read) => assertMaySave(read, actor.person, content), merged);
  },
  mergeCrossed: async ({ id, merged, picks }: { id: string; merged: string[]; picks: Array<{ id: number; pick: MergePick }> }, caller: Caller) => {
    const actor = await currentActor(ctx, caller);
    const byId = Object.fromEntries(picks.map((entry) => [entry.id, entry.pick]));
    return ctx.workspace().articles.mergeCrossed(actor, id, merged, byId, (read) => assertMayEdit(read, actor.person));
  },
  trashArticle: async ({ id, reason = '' }: { id: string; reason?: string }, caller: Caller) => {
    const actor = await currentActor(ctx, caller);
    await ctx.workspace().articles.act(actor, id, 'trash', (read) => {
      if (read.state.verdict.trashed) throw new AppFailure('conflict', 'the article is already in the trash');
      const state = reviewStateOf(read.state.verdict);
      const checked = checkTrash(state, actor.person, reason);
      if (!checked.ok) throw refused(checked.reason);
      return { action: 'trash', stage: state.stage, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    });
    return {};
  },
  restoreArticle: async ({ id }: { id: string }, caller: Caller) => {
    const actor = await currentActor(ctx, caller);
    const workspace = ctx.workspace();
    await workspace.articles.act(actor, id, 'trash', (read) => {
      if (!read.state.verdict.trashed) throw new AppFailure('not-found', 'there is no such article in the trash');
      return { action: 'restore' };
    });
    // The one article read again, not the whole library listed: restoring costs the same in any workspace.
    const { state, article } = await workspace.articles.read(id);
    return { ...summarize(article), review: reviewStateOf(state.verdict), reviewProblem: blockingProblem(state.verdict) };
  },
  importImage: async ({ dataBase64 }: { dataBase64: string }, caller: Caller) => {
    await currentActor(ctx, caller);
    return ctx.workspace().assets.put(Buffer.from(dataBase64, 'base64'));
  },
  getSettings: async () => ({ language: ctx.settings.get().language }),
  updateSettings: async (patch: { language?: Language | null }) => ({ language: ctx.settings.update(patch).language }),
});

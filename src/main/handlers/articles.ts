import type { ArticleContent, Language } from '../../shared/article/article';
import { AppFailure } from '../../shared/contract/errors';
import { checkTrash } from '../../shared/review/trash';
import { articleFileProblems } from '../services/article-files';
import { currentPerson, refused, type Caller, type HandlerContext } from './context';
import { saveAsEditor } from './edit-guard';

export const articleHandlers = (ctx: HandlerContext) => ({
  getWorkspace: () => ctx.workspace().info(),
  chooseWorkspace: async () => {
    if (!ctx.chooseWorkspace) throw new AppFailure('unavailable', 'choosing a workspace folder needs the desktop app');
    return ctx.chooseWorkspace();
  },
  listArticles: () => ctx.workspace().list(),
  getArticle: ({ id }: { id: string }) => ctx.workspace().get(id),
  checkArticleFiles: async ({ id }: { id: string }) => articleFileProblems(await ctx.workspace().existingArticleDir(id), id),
  createArticle: async ({ language }: { language: Language }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    return ctx.workspace().create(person.name, language, person.id);
  },
  saveArticle: async ({ id, baseRevision, content }: { id: string; baseRevision: number; content: ArticleContent }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    return saveAsEditor(ctx, id, baseRevision, content, person);
  },
  trashArticle: async ({ id, reason = '' }: { id: string; reason?: string }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    const workspace = ctx.workspace();
    await workspace.trash(id, person.name, async () => {
      const { state } = await workspace.review(id);
      const checked = checkTrash(state, person, reason);
      if (!checked.ok) throw refused(checked.reason);
      return { trashedById: person.id, stage: state.stage, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    });
    return {};
  },
  listTrash: () => ctx.workspace().listTrash(),
  restoreArticle: ({ id }: { id: string }) => ctx.workspace().restore(id),
  importImage: ({ dataBase64 }: { dataBase64: string }) => ctx.workspace().assets.put(Buffer.from(dataBase64, 'base64')),
  getSettings: async () => ({ language: ctx.settings.get().language }),
  updateSettings: async (patch: { language?: Language | null }) => ({ language: ctx.settings.update(patch).language }),
});

import type { ArticleContent, Language } from '../../shared/article/article';
import { AppFailure } from '../../shared/contract/errors';
import { articleFileProblems } from '../services/article-files';
import { currentPerson, refused, type HandlerContext } from './context';
import { editCheck } from './review';

export const articleHandlers = (ctx: HandlerContext) => ({
  getWorkspace: () => ctx.workspace().info(),
  chooseWorkspace: async () => {
    if (!ctx.chooseWorkspace) throw new AppFailure('unavailable', 'choosing a workspace folder needs the desktop app');
    return ctx.chooseWorkspace();
  },
  listArticles: () => ctx.workspace().list(),
  getArticle: ({ id }: { id: string }) => ctx.workspace().get(id),
  checkArticleFiles: async ({ id }: { id: string }) => articleFileProblems(await ctx.workspace().existingArticleDir(id), id),
  createArticle: async ({ language }: { language: Language }) => {
    const person = await currentPerson(ctx);
    return ctx.workspace().create(person.name, language, person.id);
  },
  saveArticle: async ({ id, baseRevision, content }: { id: string; baseRevision: number; content: ArticleContent }) => {
    const person = await currentPerson(ctx);
    const workspace = ctx.workspace();
    return workspace.save(id, baseRevision, content, person.name, async (current) => {
      const edit = await editCheck(ctx, current, await workspace.review(id, current), person);
      if (!edit.ok) throw refused(edit.reason);
    });
  },
  trashArticle: async ({ id }: { id: string }) => {
    const person = await currentPerson(ctx);
    await ctx.workspace().trash(id, person.name);
    return {};
  },
  listTrash: () => ctx.workspace().listTrash(),
  restoreArticle: ({ id }: { id: string }) => ctx.workspace().restore(id),
  importImage: ({ dataBase64 }: { dataBase64: string }) => ctx.workspace().assets.put(Buffer.from(dataBase64, 'base64')),
  getSettings: async () => ctx.settings.get(),
  updateSettings: async (patch: { language?: Language | null }) => ctx.settings.update(patch),
});

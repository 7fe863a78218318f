import type { ArticleContent, Language } from '../../shared/article/article';
import { AppFailure } from '../../shared/contract/errors';
import { currentPerson, type Caller, type HandlerContext } from './context';
import { saveAsEditor } from './edit-guard';

export const articleHandlers = (ctx: HandlerContext) => ({
  getWorkspace: async () => ctx.workspace().info(),
  chooseWorkspace: async () => {
    if (!ctx.chooseWorkspace) throw new AppFailure('unavailable', 'choosing a workspace folder needs the desktop app');
    return ctx.chooseWorkspace();
  },
  listArticles: () => ctx.workspace().list(),
  getArticle: ({ id }: { id: string }) => ctx.workspace().get(id),
  createArticle: async ({ language }: { language: Language }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    return ctx.workspace().create(person.name, language, person.id);
  },
  saveArticle: async ({ id, baseRevision, content }: { id: string; baseRevision: number; content: ArticleContent }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    return saveAsEditor(ctx, id, baseRevision, content, person);
  },
  trashArticle: async ({ id }: { id: string }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    await ctx.workspace().trash(id, person.name);
    return {};
  },
  listTrash: () => ctx.workspace().listTrash(),
  restoreArticle: ({ id }: { id: string }) => ctx.workspace().restore(id),
  importImage: ({ dataBase64 }: { dataBase64: string }) => ctx.workspace().assets.put(Buffer.from(dataBase64, 'base64')),
  getSettings: async () => ({ language: ctx.settings.get().language }),
  updateSettings: async (patch: { language?: Language | null }) => ({ language: ctx.settings.update(patch).language }),
});

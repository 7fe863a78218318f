import type { ArticleContent } from '../../shared/article/article';
import { AppFailure } from '../../shared/contract/errors';
import { diffArticles } from '../../shared/history/article-diff';
import { setFigureCaption } from '../../shared/history/restore-caption';
import { historyOf, revisionCopy } from '../services/article-history';
import { currentActor, type Caller, type HandlerContext } from './context';
import { assertMayEdit } from './edit-guard';

export const historyHandlers = (ctx: HandlerContext) => {
  const dirOf = (id: string) => ctx.workspace().layout.articleDir(id);
  const contentAt = async (id: string, ref: string): Promise<ArticleContent> => {
    const articles = ctx.workspace().articles;
    if (ref === 'current') return (await articles.read(id)).content;
    return revisionCopy(dirOf(id), await articles.state(id), ref);
  };
  const listedRevision = async (id: string, revision: string) => {
    const list = await historyOf(dirOf(id), await ctx.workspace().articles.state(id));
    const listed = list.revisions.find((entry) => entry.id === revision);
    if (!listed) throw new AppFailure('internal', 'the revision just recorded is not listed');
    return listed;
  };
  /** History is never rewritten: the old copy comes back as a new revision on top, if the person may edit it now. */
  const restore = async (caller: Caller, id: string, content: ArticleContent, label: string) => {
    const actor = await currentActor(ctx, caller);
    const articles = ctx.workspace().articles;
    await articles.record(actor, id, { kind: 'restore', label }, content, (read) => assertMayEdit(read, actor.person));
    return (await articles.read(id)).article;
  };
  const numberOf = async (id: string, revision: string) => (await historyOf(dirOf(id), await ctx.workspace().articles.state(id))).revisions.find((entry) => entry.id === revision)?.n ?? 0;

  return {
    listRevisions: async ({ id }: { id: string }) => historyOf(dirOf(id), await ctx.workspace().articles.state(id)),
    recordRevision: async ({ id, kind, label }: { id: string; kind: 'auto' | 'save'; label?: string }, caller: Caller) => {
      const actor = await currentActor(ctx, caller);
      const revision = await ctx.workspace().articles.record(actor, id, { kind, ...(label ? { label } : {}) });
      return listedRevision(id, revision);
    },
    compareRevisions: async ({ id, from, to }: { id: string; from: string; to: string }) => {
      const [a, b] = await Promise.all([contentAt(id, from), contentAt(id, to)]);
      return { from, to, diff: diffArticles(a, b, b.language) };
    },
    restoreRevision: async ({ id, revision }: { id: string; revision: string }, caller: Caller) => {
      const old = await contentAt(id, revision);
      return restore(caller, id, old, `restored revision ${await numberOf(id, revision)}`);
    },
    restoreCaption: async ({ id, revision, figure, source }: { id: string; revision: string; figure: number; source: number }, caller: Caller) => {
      const old = await contentAt(id, revision);
      const next = setFigureCaption(await contentAt(id, 'current'), old, figure, source);
      if (!next) throw new AppFailure('not-found', `figure ${figure + 1} is not in both versions`);
      return restore(caller, id, next, `restored caption of figure ${figure + 1} from revision ${await numberOf(id, revision)}`);
    },
  };
};

import type { ArticleContent } from '../../shared/article/article';
import { AppFailure } from '../../shared/contract/errors';
import { diffArticles } from '../../shared/history/article-diff';
import type { ReviewActionName } from '../../shared/review/records';
import type { Stage } from '../../shared/review/stages';
import type { Person } from '../../shared/review/people';
import { setFigureCaption } from '../../shared/history/restore-caption';
import { HistoryStore } from '../services/history/history-store';
import { currentPerson, type Caller, type HandlerContext } from './context';
import { saveAsEditor } from './edit-guard';

const contentOf = ({ channel, headline, deck, byline, language, body }: ArticleContent): ArticleContent => ({ channel, headline, deck, byline, language, body });

export function historyOf(ctx: HandlerContext, id: string): HistoryStore {
  return new HistoryStore(ctx.workspace().layout.articleDir(id));
}

/** Records the stored copy as a revision: on explicit saves, by the editing policy, at review actions. */
export async function recordCurrent(
  ctx: HandlerContext,
  id: string,
  person: Person,
  kind: 'auto' | 'save' | 'milestone',
  { stage, ...extra }: { label?: string; action?: ReviewActionName; stage?: Stage } = {},
) {
  const workspace = ctx.workspace();
  const article = await workspace.get(id);
  return historyOf(ctx, id).record({
    content: contentOf(article),
    author: person.id,
    authorName: person.name,
    // A review action gives the stage it was taken at; otherwise the stage the article is at.
    stage: stage ?? (await workspace.review(id, article)).state.stage,
    kind,
    at: ctx.clock.now(),
    ...extra,
  });
}

async function contentAt(ctx: HandlerContext, id: string, ref: number | 'current'): Promise<ArticleContent> {
  return ref === 'current' ? contentOf(await ctx.workspace().get(id)) : historyOf(ctx, id).load(ref);
}

/** Writes `content` as the article's working copy, if the current person may edit it now. */
async function replaceContent(ctx: HandlerContext, id: string, person: Person, content: ArticleContent) {
  const current = await ctx.workspace().get(id);
  await saveAsEditor(ctx, id, current.revision, content, person);
  return ctx.workspace().get(id);
}

export const historyHandlers = (ctx: HandlerContext) => ({
  listRevisions: async ({ id }: { id: string }) => {
    await ctx.workspace().get(id);
    const { revisions, problems, notices, damaged } = await historyOf(ctx, id).read();
    return { revisions, problems: problems.map((p) => p.problem), notices, damaged };
  },
  recordRevision: async ({ id, kind, label }: { id: string; kind: 'auto' | 'save'; label?: string }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    return recordCurrent(ctx, id, person, kind, label ? { label } : {});
  },
  compareRevisions: async ({ id, from, to }: { id: string; from: number | 'current'; to: number | 'current' }) => {
    const [a, b] = await Promise.all([contentAt(ctx, id, from), contentAt(ctx, id, to)]);
    return { from, to, diff: diffArticles(a, b, b.language) };
  },
  /** History is never rewritten: the old copy comes back as a new revision on top. */
  restoreRevision: async ({ id, n }: { id: string; n: number }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    const old = await historyOf(ctx, id).load(n);
    const restored = await replaceContent(ctx, id, person, old);
    await recordCurrent(ctx, id, person, 'save', { label: `restored revision ${n}` });
    return restored;
  },
  restoreCaption: async ({ id, n, figure, source }: { id: string; n: number; figure: number; source: number }, caller: Caller) => {
    const person = await currentPerson(ctx, caller);
    const old = await historyOf(ctx, id).load(n);
    const current = contentOf(await ctx.workspace().get(id));
    const next = setFigureCaption(current, old, figure, source);
    if (!next) throw new AppFailure('not-found', `figure ${figure + 1} is not in both versions`);
    const restored = await replaceContent(ctx, id, person, next);
    await recordCurrent(ctx, id, person, 'save', { label: `restored caption of figure ${figure + 1} from revision ${n}` });
    return restored;
  },
});

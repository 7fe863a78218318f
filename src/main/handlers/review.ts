import type { ArticleReview } from '../../shared/contract/api';
import { openThreads } from '../../shared/annotations/threads';
import { checkEdit } from '../../shared/review/editing';
import { findPerson, type Person } from '../../shared/review/people';
import { sealRecord } from '../../shared/review/records';
import { refusal, type Checked, type Refusal } from '../../shared/review/refusal';
import { refusalMessage } from '../../shared/review/refusal-messages';
import { AppFailure } from '../../shared/contract/errors';
import { reviewFooter } from '../../shared/review/footer';
import { applyAction, type ReviewRequest } from '../../shared/review/rules';
import type { Article } from '../../shared/article/article';
import type { ArticleReview as StoredReview } from '../services/workspace';
import { currentPerson, refused, type HandlerContext } from './context';
import { gateApproval, storedFindings } from './checks';
import { recordCurrent } from './history';
import { isReviewStage } from '../../shared/review/stages';

function reviewPolicy(ctx: HandlerContext) {
  return { authorMayReview: ctx.workspace().policy().authorMayReview };
}

/**
 * With workspace.json unreadable the review settings are unknown, and nothing that depends on
 * them is decided by a default: the refusal names the file.
 */
function settingsUnknown(ctx: HandlerContext): Refusal | null {
  const problem = ctx.workspace().manifestProblem;
  return problem ? { code: 'settings-damaged', params: { problem } } : null;
}

/** May `person` change this article now? Used by saving and by opening annotations. */
export async function editCheck(ctx: HandlerContext, article: Article, review: StoredReview, person: Person | null): Promise<Checked> {
  if (!person) return refusal('no-current-user');
  const { roster } = await ctx.workspace().roster.load();
  const holder = findPerson(roster, article.authorId)?.name ?? article.createdBy;
  const policy = reviewPolicy(ctx);
  const checked = checkEdit(review.state, person, holder, policy);
  const unknown = settingsUnknown(ctx);
  // Only when the answer would differ with the other setting does the unreadable file matter.
  if (unknown && checkEdit(review.state, person, holder, { authorMayReview: !policy.authorMayReview }).ok !== checked.ok) return { ok: false, reason: unknown };
  return checked;
}

async function view(ctx: HandlerContext, id: string, stored?: StoredReview): Promise<ArticleReview> {
  const workspace = ctx.workspace();
  const article = await workspace.get(id);
  const review = stored ?? (await workspace.review(id, article));
  const person = await currentPerson(ctx).catch(() => null);
  const edit = await editCheck(ctx, article, review, person);
  const { threads } = await workspace.annotations(id).load();
  return {
    records: review.records,
    state: review.state,
    problem: review.problem,
    notices: review.notices,
    footer: reviewFooter(review.state, article.language),
    edit: edit.ok ? { ok: true } : { ok: false, refusal: edit.reason },
    openAnnotations: openThreads(threads).length,
  };
}

export const reviewHandlers = (ctx: HandlerContext) => ({
  getReview: ({ id }: { id: string }) => view(ctx, id),
  reviewAction: async ({
    id,
    request,
    acknowledgeOpenAnnotations,
    acknowledgeRecommendedChecks,
  }: {
    id: string;
    request: ReviewRequest;
    acknowledgeOpenAnnotations?: boolean;
    acknowledgeRecommendedChecks?: boolean;
  }) => {
    const workspace = ctx.workspace();
    const actor = await currentPerson(ctx);
    const unknown = settingsUnknown(ctx);
    if (unknown) throw new AppFailure('damaged', refusalMessage(unknown, 'en'), unknown);
    const { roster } = await workspace.roster.load();
    const open = openThreads((await workspace.annotations(id).load()).threads).length;
    const policy = workspace.policy();
    const findings = request.action === 'approve' ? await storedFindings(ctx, id, await workspace.get(id)) : [];
    const stored = await workspace.appendReview(id, (_article, review) => {
      if (review.problem) throw refused({ code: 'chain-damaged', params: { problem: review.problem } });
      const result = applyAction({ state: review.state, actor, action: request, policy: reviewPolicy(ctx), records: review.records, roster, at: ctx.clock.now() });
      if (!result.ok) throw refused(result.reason);
      if (request.action === 'approve' && isReviewStage(review.state.stage)) {
        gateApproval(findings, workspace.proofreading().settings, review.state.stage, acknowledgeRecommendedChecks === true);
      }
      if (request.action === 'approve' && open > 0 && (policy.blockApprovalWithOpenAnnotations || !acknowledgeOpenAnnotations)) {
        throw refused({ code: 'open-annotations', params: { count: String(open), blocking: String(policy.blockApprovalWithOpenAnnotations) } });
      }
      return sealRecord(result.record, review.records.at(-1));
    });
    // Every review action is a milestone in the article's history.
    await recordCurrent(ctx, id, actor, 'milestone', { action: request.action });
    return view(ctx, id, stored);
  },
});

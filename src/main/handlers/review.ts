import type { ArticleReview } from '../../shared/contract/api';
import { openThreads } from '../../shared/annotations/threads';
import { sealRecord } from '../../shared/review/records';
import { reviewFooter } from '../../shared/review/footer';
import { applyAction, type ReviewRequest } from '../../shared/review/rules';
import type { ArticleReview as StoredReview } from '../services/workspace';
import { currentPerson, refused, type Caller, type HandlerContext } from './context';
import { gateApproval, storedFindings } from './checks';
import { editCheck } from './edit-guard';
import { recordCurrent } from './history';
import { isReviewStage } from '../../shared/review/stages';

function reviewPolicy(ctx: HandlerContext) {
  return { authorMayReview: ctx.workspace().policy().authorMayReview };
}

async function view(ctx: HandlerContext, caller: Caller, id: string, stored?: StoredReview): Promise<ArticleReview> {
  const workspace = ctx.workspace();
  const article = await workspace.get(id);
  const review = stored ?? (await workspace.review(id, article));
  const person = await currentPerson(ctx, caller).catch(() => null);
  const edit = await editCheck(ctx, article, review, person);
  const { threads } = await workspace.annotations(id).load();
  return {
    records: review.records,
    state: review.state,
    problem: review.problem,
    footer: reviewFooter(review.state, article.language),
    edit: edit.ok ? { ok: true } : { ok: false, refusal: edit.reason },
    openAnnotations: openThreads(threads).length,
  };
}

export const reviewHandlers = (ctx: HandlerContext) => ({
  getReview: ({ id }: { id: string }, caller: Caller) => view(ctx, caller, id),
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
  }, caller: Caller) => {
    const workspace = ctx.workspace();
    const actor = await currentPerson(ctx, caller);
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
    return view(ctx, caller, id, stored);
  },
});

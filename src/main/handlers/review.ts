import type { ArticleReview } from '../../shared/contract/api';
import { openThreads } from '../../shared/annotations/threads';
import { sealRecord } from '../../shared/review/records';
import { refusalMessage } from '../../shared/review/refusal-messages';
import { AppFailure } from '../../shared/contract/errors';
import { reviewFooter } from '../../shared/review/footer';
import { applyAction, type ReviewRequest } from '../../shared/review/rules';
import type { ArticleReview as StoredReview } from '../services/workspace';
import { currentPerson, refused, type Caller, type HandlerContext } from './context';
import { storedFindings } from './checks';
import { editCheck, settingsUnknown } from './edit-guard';
import { recordCurrent } from './history';
import { isReviewStage, type Stage } from '../../shared/review/stages';
import type { CheckSettings, Finding } from '../../shared/checks/index';
import { checksGate, checksRefusal, findingsAheadOfSubmit } from '../../shared/review/checks-gate';

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
    notices: review.notices,
    footer: reviewFooter(review.state, article.language),
    edit: edit.ok ? { ok: true } : { ok: false, refusal: edit.reason },
    openAnnotations: openThreads(threads).length,
  };
}

interface Acknowledged {
  /** Approve although annotations are open (unless the workspace refuses that outright). */
  acknowledgeOpenAnnotations?: boolean;
  /** Approve over the Recommended proofreading findings; the record says how many. */
  acknowledgeRecommendedChecks?: boolean;
  /** Submit although the first review will be refused on Required findings. */
  acknowledgeRequiredChecks?: boolean;
}

/**
 * Proofreading's say on an action: the refusals, and for an approval given over Recommended
 * findings how many there were.
 */
function gateChecks(request: ReviewRequest, stage: Stage, findings: Finding[], settings: CheckSettings, acks: Acknowledged): number | undefined {
  if (request.action === 'submit') {
    const ahead = findingsAheadOfSubmit(findings, settings);
    if (ahead.length > 0 && !acks.acknowledgeRequiredChecks) throw refused(checksRefusal('required-checks-ahead', ahead));
    return undefined;
  }
  if (request.action !== 'approve' || !isReviewStage(stage)) return undefined;
  const { blocking, recommended } = checksGate(findings, settings, stage);
  if (blocking.length > 0) throw refused(checksRefusal('required-checks', blocking));
  if (recommended.length > 0 && !acks.acknowledgeRecommendedChecks) throw refused(checksRefusal('recommended-checks', recommended));
  return recommended.length > 0 ? recommended.length : undefined;
}

export const reviewHandlers = (ctx: HandlerContext) => ({
  getReview: ({ id }: { id: string }, caller: Caller) => view(ctx, caller, id),
  reviewAction: async ({ id, request, ...acks }: { id: string; request: ReviewRequest } & Acknowledged, caller: Caller) => {
    const workspace = ctx.workspace();
    const actor = await currentPerson(ctx, caller);
    const unknown = settingsUnknown(ctx);
    if (unknown) throw new AppFailure('damaged', refusalMessage(unknown, 'en'), unknown);
    const { roster } = await workspace.roster.load();
    const open = openThreads((await workspace.annotations(id).load()).threads).length;
    const policy = workspace.policy();
    const findings = request.action === 'approve' || request.action === 'submit' ? await storedFindings(ctx, id, await workspace.get(id)) : [];
    const stored = await workspace.appendReview(id, (_article, review) => {
      if (review.problem) throw refused({ code: 'chain-damaged', params: { problem: review.problem } });
      const result = applyAction({ state: review.state, actor, action: request, policy: reviewPolicy(ctx), records: review.records, roster, at: ctx.clock.now() });
      if (!result.ok) throw refused(result.reason);
      const overRecommended = gateChecks(request, review.state.stage, findings, workspace.proofreading().settings, acks);
      if (request.action === 'approve' && open > 0 && (policy.blockApprovalWithOpenAnnotations || !acks.acknowledgeOpenAnnotations)) {
        throw refused({ code: 'open-annotations', params: { count: String(open), blocking: String(policy.blockApprovalWithOpenAnnotations) } });
      }
      return sealRecord(overRecommended ? { ...result.record, overRecommended } : result.record, review.records.at(-1));
    });
    // Every review action is a milestone in the article's history, at the stage where it was taken.
    const record = stored.records.at(-1)!;
    await recordCurrent(ctx, id, actor, 'milestone', { action: request.action, stage: record.stage });
    return view(ctx, caller, id, stored);
  },
});

import type { ArticleReview } from '../../shared/contract/api';
import { openThreads } from '../../shared/annotations/threads';
import type { ReviewEvent } from '../../shared/identity/article-events';
import { reviewFooter } from '../../shared/review/footer';
import { applyAction, type ReviewRequest } from '../../shared/review/rules';
import { isReviewStage, type Stage } from '../../shared/review/stages';
import type { CheckSettings, Finding } from '../../shared/checks/index';
import { checksGate, checksRefusal, findingsAheadOfSubmit } from '../../shared/review/checks-gate';
import { annotationsOf } from '../services/article-notes';
import { describeProblem } from '../services/article-view';
import type { ArticleRead } from '../services/articles';
import { reviewOf } from '../services/workspace';
import { currentActor, refused, type Caller, type HandlerContext } from './context';
import { storedFindings } from './checks';
import { editCheck } from './edit-guard';

async function view(ctx: HandlerContext, caller: Caller, read: ArticleRead): Promise<ArticleReview> {
  const workspace = ctx.workspace();
  const review = reviewOf(read.state);
  const person = await currentActor(ctx, caller).then(
    (actor) => actor.person,
    () => null,
  );
  const edit = editCheck(read, person);
  const { threads } = await annotationsOf(workspace.layout.articleDir(read.state.id), read.state);
  return {
    records: review.records,
    state: review.state,
    problem: review.problem,
    problems: read.state.verdict.problems.map((problem) => ({ code: problem.code, detail: describeProblem(problem) })),
    chainHead: read.state.verdict.chainHead,
    notices: review.notices,
    footer: reviewFooter(review.state, read.article.language),
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
  getReview: async ({ id }: { id: string }, caller: Caller) => view(ctx, caller, await ctx.workspace().articles.read(id)),
  reviewAction: async ({ id, request, ...acks }: { id: string; request: ReviewRequest } & Acknowledged, caller: Caller) => {
    const workspace = ctx.workspace();
    const actor = await currentActor(ctx, caller);
    let takenAt: Stage | undefined;
    await workspace.articles.review(actor, id, async (read): Promise<Omit<ReviewEvent, 'revision'>> => {
      const { state, content } = read;
      // A log that is forged, breaks a rule or lost records proves nothing: no action until it is restored.
      if (state.verdict.blocked) throw refused({ code: 'chain-damaged', params: { problem: reviewOf(state).problem ?? '' } });
      const review = reviewOf(state).state;
      const roster = state.roster;
      const result = applyAction({ state: review, actor: actor.person, action: request, policy: roster.policy, roster: roster.roster, at: ctx.clock.now() });
      if (!result.ok) throw refused(result.reason);
      const findings = request.action === 'approve' || request.action === 'submit' ? await storedFindings(ctx, read, content) : [];
      const overRecommended = gateChecks(request, review.stage, findings, roster.settings.checks, acks);
      const open = openThreads((await annotationsOf(workspace.layout.articleDir(id), state)).threads).length;
      if (request.action === 'approve' && open > 0 && (roster.policy.blockApprovalWithOpenAnnotations || !acks.acknowledgeOpenAnnotations)) {
        throw refused({ code: 'open-annotations', params: { count: String(open), blocking: String(roster.policy.blockApprovalWithOpenAnnotations) } });
      }
      const { record } = result;
      takenAt = record.stage;
      return {
        action: record.action,
        actorName: record.actorName,
        stage: record.stage,
        ...(record.to ? { to: record.to } : {}),
        opinion: record.opinion,
        contentHash: record.contentHash,
        ...(overRecommended ? { recommendedFindings: overRecommended } : {}),
      };
    });
    // Every review action is a milestone in the article's history, at the stage where it was taken.
    await workspace.articles.record(actor, id, { kind: 'milestone', action: request.action, ...(takenAt ? { stage: takenAt } : {}) });
    return view(ctx, caller, await workspace.articles.read(id));
  },
});

import { findPerson, hasRole, type Person, type Roster } from './people';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from './policy';
import { OPINION_MAX, type ReviewRecord, type UnsealedRecord } from './records';
import { refusal, type Checked, type Refusal } from './refusal';
import type { ReviewState } from './review-state';
import { isReviewStage, REVIEW_STAGES, returnTargetsFrom, roleForStage, type ReturnTarget, type ReviewStage } from './stages';

/** What a person asks to do; the text they write becomes the record's `opinion`. */
export type ReviewRequest =
  | { action: 'submit'; note?: string }
  | { action: 'withdraw'; note?: string }
  | { action: 'approve'; opinion: string }
  | { action: 'return'; to: ReturnTarget; reason: string }
  | { action: 'reopen'; reason: string };

export interface ActionContext {
  state: ReviewState;
  actor: Person;
  action: ReviewRequest;
  policy?: ReviewPolicy;
  /** The log the action will be appended to; when given it must be the one `state` was derived from. */
  records?: readonly ReviewRecord[];
  /** Lets an administrator submit for an author who has left the roster or been deactivated. */
  roster?: Roster;
}

/** Every newsroom rule of the review chain, enforced here rather than by hiding buttons. */
export function checkAction(context: ActionContext): Checked {
  const { state, actor, action } = context;
  const policy = context.policy ?? DEFAULT_REVIEW_POLICY;
  if (context.records && context.records.length !== state.recordCount) return refusal('out-of-date');
  if (!actor.active) return refusal('inactive-person', { name: actor.name });
  if (writtenText(action).trim().length > OPINION_MAX) return refusal('text-too-long', { max: String(OPINION_MAX) });
  switch (action.action) {
    case 'submit':
      if (state.stage !== 'draft') return wrongStage(context);
      if (actor.id !== state.author && !(authorHasLeft(state.author, context.roster) && hasRole(actor, 'admin'))) {
        return refusal('not-author', { name: actor.name, action: 'submit' });
      }
      return { ok: true };
    case 'withdraw':
      if (state.stage !== 'first') return wrongStage(context);
      if (actor.id !== state.author) return refusal('not-author', { name: actor.name, action: 'withdraw' });
      if (state.reviewedSinceSubmit) return refusal('review-started');
      return { ok: true };
    case 'approve': {
      const refused = reviewerRefusal(state, actor, policy);
      if (refused) return { ok: false, reason: refused };
      const stage = state.stage as ReviewStage;
      if (stage === 'third') {
        const earlier = ['first', 'second'] as const;
        const missing = earlier.filter((s) => !state.approvals[s]);
        if (missing.length > 0) return refusal('missing-approvals', { stages: missing.join(',') });
        const stale = earlier.filter((s) => state.approvals[s]?.stale);
        if (stale.length > 0) return refusal('stale-approvals', { stages: stale.join(',') });
      }
      if (action.opinion.trim() === '') return refusal('opinion-required');
      return { ok: true };
    }
    case 'return': {
      const refused = mayActAtStage(state, actor, policy, 'return');
      if (refused) return { ok: false, reason: refused };
      const from = state.stage as ReviewStage;
      if (!returnTargetsFrom(from).includes(action.to)) return refusal('invalid-return-target', { from, to: action.to });
      if (action.reason.trim() === '') return refusal('reason-required', { action: 'return' });
      return { ok: true };
    }
    case 'reopen':
      if (state.stage !== 'signed') return wrongStage(context);
      if (!hasRole(actor, 'third') && !hasRole(actor, 'admin')) return refusal('cannot-reopen', { name: actor.name });
      if (action.reason.trim() === '') return refusal('reason-required', { action: 'reopen' });
      return { ok: true };
  }
}

/** Checks, then gives the record to seal and append. */
export function applyAction(
  context: ActionContext & { at: Date },
): { ok: true; record: UnsealedRecord } | { ok: false; reason: Refusal } {
  const checked = checkAction(context);
  if (!checked.ok) return checked;
  const { state, actor, action } = context;
  const record: UnsealedRecord = {
    action: action.action,
    actorId: actor.id,
    actorName: actor.name,
    at: context.at.toISOString(),
    stage: state.stage,
    opinion: writtenText(action).trim(),
    contentHash: state.currentHash,
  };
  if (action.action === 'return') record.to = action.to;
  return { ok: true, record };
}

/**
 * Why `person` may not approve at the article's current review, leaving aside the content
 * (stale or missing approvals) and the opinion they have yet to write; null if they may.
 */
export function reviewerRefusal(state: ReviewState, person: Person, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): Refusal | null {
  if (!person.active) return { code: 'inactive-person', params: { name: person.name } };
  const refused = mayActAtStage(state, person, policy, 'approve');
  if (refused) return refused;
  const stage = state.stage as ReviewStage;
  const reviewedOther = REVIEW_STAGES.find((other) => other !== stage && state.approvers[other].includes(person.id));
  if (reviewedOther) return { code: 'already-reviewed-other-stage', params: { name: person.name, stage: reviewedOther, attempted: stage } };
  return null;
}

/** The rules shared by approving and returning: the right stage, the right role, not the author. */
function mayActAtStage(state: ReviewState, person: Person, policy: ReviewPolicy, action: 'approve' | 'return'): Refusal | null {
  const stage = state.stage;
  if (!isReviewStage(stage)) return { code: 'wrong-stage', params: { action, stage } };
  const role = roleForStage(stage);
  if (!hasRole(person, role)) return { code: 'not-your-stage', params: { name: person.name, stage, role } };
  if (!policy.authorMayReview && person.id === state.author) return { code: 'author-cannot-review', params: { name: person.name } };
  return null;
}

function wrongStage(context: ActionContext): { ok: false; reason: Refusal } {
  return refusal('wrong-stage', { action: context.action.action, stage: context.state.stage });
}

function authorHasLeft(authorId: string, roster: Roster | undefined): boolean {
  if (!roster) return false;
  const author = findPerson(roster, authorId);
  return !author || !author.active;
}

function writtenText(action: ReviewRequest): string {
  switch (action.action) {
    case 'submit':
    case 'withdraw':
      return action.note ?? '';
    case 'approve':
      return action.opinion;
    case 'return':
    case 'reopen':
      return action.reason;
  }
}

import type { ArticleContent } from '../article/article';
import { listSuggestions, suggestersOf, type SuggestionSummary } from '../suggestions/list';
import type { Person } from './people';
import { hasRole } from './people';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from './policy';
import { refusal, type Checked, type Refusal } from './refusal';
import type { ReviewState } from './review-state';
import type { ReviewRequest } from './rules';
import { checkEdit } from './editing';
import { REVIEW_STAGES, roleForStage, stageIndex } from './stages';

/** The suggestions pending on a copy: how many, and by whom (in the order they appear). */
export interface PendingSuggestions {
  count: number;
  people: Array<{ name: string; count: number }>;
}

export function pendingSuggestions(content: ArticleContent): PendingSuggestions {
  return pendingOf(listSuggestions(content));
}

export function pendingOf(list: readonly SuggestionSummary[]): PendingSuggestions {
  return { count: list.length, people: suggestersOf(list).map((p) => ({ name: p.byName, count: p.count })) };
}

function pendingParams(pending: PendingSuggestions): Record<string, string> {
  return {
    count: String(pending.count),
    names: pending.people.map((p) => `${p.name} (${p.count})`).join(', '),
    namesZh: pending.people.map((p) => `${p.name}${p.count}处`).join('、'),
  };
}

/**
 * What pending suggestions ask of a review action (docs/review-chain.md, "Suggestions"):
 * - the sign-off (approving at the third review) is refused while any suggestion is pending:
 *   what is signed is a copy whose every change has been decided;
 * - approving at the first or second review, and submitting, are confirmed once: the refusal
 *   names how many suggestions are pending and whose, and `acknowledged` lets the action go
 *   ahead (the record then says how many were pending: `overSuggestions`);
 * - sending back, withdrawing and reopening are not held up.
 */
export function suggestionsGate(
  action: ReviewRequest['action'],
  state: Pick<ReviewState, 'stage'>,
  pending: PendingSuggestions,
  acknowledged = false,
): { ok: true; overSuggestions?: number } | { ok: false; reason: Refusal } {
  if (pending.count === 0) return { ok: true };
  if (action === 'approve' && state.stage === 'third') return refusal('suggestions-pending', pendingParams(pending));
  if (action === 'approve' || action === 'submit') {
    return acknowledged ? { ok: true, overSuggestions: pending.count } : refusal('unconfirmed-suggestions', { ...pendingParams(pending), action });
  }
  return { ok: true };
}

/**
 * Who may suggest: whoever may edit the copy now, and a reviewer of a later stage reading it
 * ahead (at a draft, any reviewer). Nobody suggests on a signed-off copy.
 */
export function checkSuggest(state: ReviewState, person: Person, holderName: string, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): Checked {
  if (checkEdit(state, person, holderName, policy).ok) return { ok: true };
  if (!person.active) return refusal('inactive-person', { name: person.name });
  if (state.stage === 'signed') return refusal('read-only', { stage: 'signed', name: person.name });
  const later = REVIEW_STAGES.filter((stage) => stageIndex(stage) > stageIndex(state.stage));
  const reviewsLater = later.some((stage) => hasRole(person, roleForStage(stage)));
  if (reviewsLater && (policy.authorMayReview || person.id !== state.author)) return { ok: true };
  return refusal('cannot-suggest', { name: person.name, stage: state.stage });
}

/**
 * Who may accept or reject suggestions: the person who holds the copy now — its author while it
 * is a draft, the reviewer at the current review — since deciding one is an edit of the copy.
 */
export function checkDecide(state: ReviewState, person: Person, holderName: string, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): Checked {
  return checkEdit(state, person, holderName, policy);
}

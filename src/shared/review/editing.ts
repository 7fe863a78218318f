import type { Person } from './people';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from './policy';
import { refusal, type Checked } from './refusal';
import type { ReviewState } from './review-state';
import { reviewerRefusal } from './rules';
import { roleForStage } from './stages';

/**
 * Who may change the copy: the author while it is a draft (new, withdrawn or returned), and
 * at a review the person who may review it there. Everyone else reads.
 */
export function checkEdit(state: ReviewState, person: Person, holderName: string, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): Checked {
  if (!person.active) return refusal('inactive-person', { name: person.name });
  if (state.stage === 'draft') {
    return state.author === '' || state.author === person.id ? { ok: true } : refusal('read-only', { stage: 'draft', holder: holderName, name: person.name });
  }
  if (state.stage === 'signed') return refusal('read-only', { stage: 'signed', name: person.name });
  if (reviewerRefusal(state, person, policy) === null) return { ok: true };
  return refusal('read-only', { stage: state.stage, role: roleForStage(state.stage), name: person.name });
}

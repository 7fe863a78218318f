import { hasRole, type Person } from './people';
import { refusal, type Checked } from './refusal';
import type { ReviewState } from './review-state';

export const TRASH_REASON_MAX = 1_000;

/**
 * Who may move an article to the trash: the author of a draft, or an administrator. An article
 * in review or signed off is the newsroom's, not the author's: only an administrator may trash
 * it, and must say why (the reason is kept with it in the trash).
 */
export function checkTrash(state: ReviewState, person: Person, reason: string): Checked {
  if (!person.active) return refusal('inactive-person', { name: person.name });
  const admin = hasRole(person, 'admin');
  if (state.stage === 'draft') {
    return admin || state.author === '' || state.author === person.id ? { ok: true } : refusal('cannot-trash', { name: person.name, stage: 'draft' });
  }
  if (!admin) return refusal('cannot-trash', { name: person.name, stage: state.stage });
  if (reason.trim() === '') return refusal('reason-required', { action: 'trash' });
  if (reason.trim().length > TRASH_REASON_MAX) return refusal('text-too-long', { max: String(TRASH_REASON_MAX) });
  return { ok: true };
}

/** Whether trashing this article needs a reason (it is in review or signed off). */
export function trashNeedsReason(state: ReviewState): boolean {
  return state.stage !== 'draft';
}

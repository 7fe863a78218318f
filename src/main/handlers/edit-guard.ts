import { checkEdit } from '../../shared/review/editing';
import { findPerson, type Person } from '../../shared/review/people';
import type { Checked } from '../../shared/review/refusal';
import type { ArticleRead } from '../services/articles';
import { reviewStateOf } from '../services/article-view';
import { refused } from './context';

/** May `person` change this article now? The one rule behind saving, restoring and anchoring annotations. */
export function editCheck(read: ArticleRead, person: Person | null): Checked {
  if (!person) return { ok: false, reason: { code: 'locked', params: {} } };
  const roster = read.state.roster;
  const holder = findPerson(roster.roster, read.article.authorId)?.name ?? read.article.createdBy;
  return checkEdit(reviewStateOf(read.state.verdict), person, holder, { authorMayReview: roster.policy.authorMayReview });
}

/** Throws the refusal unless `person` may change the article now. */
export function assertMayEdit(read: ArticleRead, person: Person): void {
  const edit = editCheck(read, person);
  if (!edit.ok) throw refused(edit.reason);
}

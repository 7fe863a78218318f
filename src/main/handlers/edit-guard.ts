import type { ArticleContent } from '../../shared/article/article';
import { checkEdit } from '../../shared/review/editing';
import { checkSuggest } from '../../shared/review/suggestions-gate';
import { checkSuggestionSave } from '../../shared/suggestions/save-rule';
import { findPerson, type Person } from '../../shared/review/people';
import type { Checked } from '../../shared/review/refusal';
import type { ArticleRead } from '../services/articles';
import { reviewStateOf } from '../services/article-view';
import { refused } from './context';

/** May `person` change this article now? The one rule behind saving, restoring and anchoring annotations. */
export function editCheck(read: ArticleRead, person: Person | null): Checked {
  if (!person) return { ok: false, reason: { code: 'locked', params: {} } };
  return ruleArgs(read, person, checkEdit);
}

function ruleArgs(read: ArticleRead, person: Person, rule: typeof checkEdit): Checked {
  const roster = read.state.roster;
  const holder = findPerson(roster.roster, read.article.authorId)?.name ?? read.article.createdBy;
  return rule(reviewStateOf(read.state.verdict), person, holder, { authorMayReview: roster.policy.authorMayReview });
}

/** Throws the refusal unless `person` may save `content` over the copy: an edit, or only their own suggestions. */
export function assertMaySave(read: ArticleRead, person: Person, content: ArticleContent): void {
  const checked = checkSuggestionSave(read.content, content, person, editCheck(read, person), () => ruleArgs(read, person, checkSuggest));
  if (!checked.ok) throw refused(checked.reason);
}

/** Throws the refusal unless `person` may change the article now. */
export function assertMayEdit(read: ArticleRead, person: Person): void {
  const edit = editCheck(read, person);
  if (!edit.ok) throw refused(edit.reason);
}

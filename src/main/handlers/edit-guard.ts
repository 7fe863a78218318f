import type { Article, ArticleContent } from '../../shared/article/article';
import type { Saved } from '../../shared/contract/api';
import { checkEdit } from '../../shared/review/editing';
import { findPerson, type Person } from '../../shared/review/people';
import { refusal, type Checked, type Refusal } from '../../shared/review/refusal';
import type { ArticleReview } from '../services/workspace';
import { refused, type HandlerContext } from './context';

/**
 * With workspace.json unreadable the review settings are unknown, and nothing that depends on
 * them is decided by a default: the refusal names the file.
 */
export function settingsUnknown(ctx: HandlerContext): Refusal | null {
  const problem = ctx.workspace().manifestProblem;
  return problem ? { code: 'settings-damaged', params: { problem } } : null;
}

/** May `person` change this article now? The one rule behind saving, restoring and anchoring annotations. */
export async function editCheck(ctx: HandlerContext, article: Article, review: ArticleReview, person: Person | null): Promise<Checked> {
  if (!person) return refusal('no-current-user');
  const { roster } = await ctx.workspace().roster.load();
  const holder = findPerson(roster, article.authorId)?.name ?? article.createdBy;
  const policy = { authorMayReview: ctx.workspace().policy().authorMayReview };
  const checked = checkEdit(review.state, person, holder, policy);
  const unknown = settingsUnknown(ctx);
  // Only when the answer would differ with the other setting does the unreadable file matter.
  if (unknown && checkEdit(review.state, person, holder, { authorMayReview: !policy.authorMayReview }).ok !== checked.ok) return { ok: false, reason: unknown };
  return checked;
}

/** Throws the refusal unless `person` may change the article now. */
export async function assertMayEdit(ctx: HandlerContext, article: Article, review: ArticleReview, person: Person): Promise<void> {
  const edit = await editCheck(ctx, article, review, person);
  if (!edit.ok) throw refused(edit.reason);
}

/** Writes `content` as `person`; checked in the article's queue against the copy as it is then. */
export function saveAsEditor(ctx: HandlerContext, id: string, baseRevision: number, content: ArticleContent, person: Person): Promise<Saved> {
  const workspace = ctx.workspace();
  return workspace.save(id, baseRevision, content, person.name, async (current) => assertMayEdit(ctx, current, await workspace.review(id, current), person));
}

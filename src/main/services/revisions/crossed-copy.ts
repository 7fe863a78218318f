/**
 * The copy of an article whose desks crossed (several revision heads): the heads merged, one
 * after another in the verifier's order, against the latest version they were all made from.
 * Merging stops at the first head that collides, so a person settles one collision set at a
 * time; heads not yet merged stay heads and are merged the next time round.
 */
import { emptyContent, type ArticleContent } from '../../../shared/article/article';
import type { SignedRevision } from '../../../shared/identity/revision-event';
import { crossedPlan } from '../../../shared/merge/crossed';
import { mergeContent, resolveMerge, type ContentMerge } from '../../../shared/merge/merge-content';
import type { RevisionContent } from './revision-content';

export interface CrossedCopy {
  /** The heads this merge takes in (all of them, unless it stopped at a collision). */
  merged: SignedRevision[];
  base: SignedRevision | null;
  /** The last merge step: its collisions are what a person has to pick (none when it merged cleanly). */
  merge: ContentMerge;
  /** The merged copy; a collision shows the later head's version until someone picks. */
  content: ArticleContent;
}

export async function crossedCopy(content: RevisionContent, revisions: ReadonlyMap<string, SignedRevision>, ordered: readonly SignedRevision[], heads: readonly SignedRevision[]): Promise<CrossedCopy | null> {
  const plan = crossedPlan(ordered, heads);
  if (!plan) return null;
  const [first, ...rest] = plan.heads;
  let merged = await content.load(revisions, first!.id);
  const base = plan.base ? await content.load(revisions, plan.base.id) : emptyContent(merged.language);
  const taken: SignedRevision[] = [first!];
  let merge: ContentMerge | null = null;
  for (const head of rest) {
    merge = mergeContent(base, merged, await content.load(revisions, head.id));
    taken.push(head);
    merged = resolveMerge(merge, {});
    if (merge.collisions.length > 0) break;
  }
  return { merged: taken, base: plan.base, merge: merge!, content: merged };
}

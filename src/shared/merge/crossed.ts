/**
 * Crossed saves: an article whose revisions have several heads (desks that saved from one
 * version without seeing each other's save). They are merged against the latest version every
 * head was made from — the same on every desk, since revisions come in the verifier's order.
 */
import type { SignedRevision } from '../identity/revision-event';

export interface CrossedPlan {
  /** The heads, in the verifier's order: merged one after another into the first. */
  heads: SignedRevision[];
  /** The latest revision all heads were made from; null when they share none (two first revisions). */
  base: SignedRevision | null;
}

/** The plan for merging `heads`, or null when there is nothing to merge. */
export function crossedPlan(revisions: readonly SignedRevision[], heads: readonly SignedRevision[]): CrossedPlan | null {
  if (heads.length < 2) return null;
  const byId = new Map(revisions.map((revision) => [revision.id, revision]));
  const [first, ...rest] = heads.map((head) => ancestorsOf(head.id, byId));
  const common = [...first!].filter((id) => rest.every((ancestors) => ancestors.has(id)));
  const shared = new Set(common);
  // Revisions come parents first, so the last common one in that order is the nearest.
  const base = [...revisions].reverse().find((revision) => shared.has(revision.id)) ?? null;
  const position = new Map(revisions.map((revision, index) => [revision.id, index]));
  return { heads: [...heads].sort((x, y) => position.get(x.id)! - position.get(y.id)!), base };
}

function ancestorsOf(id: string, byId: ReadonlyMap<string, SignedRevision>): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const parent of byId.get(next)?.event.from ?? []) stack.push(parent);
  }
  return seen;
}

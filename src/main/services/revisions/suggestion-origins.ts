/**
 * A pending suggestion names who made it; the revision that brought it into the copy is signed.
 * A desk keeps the two the same (the save rule, shared/suggestions/save-rule.ts), but a log is
 * read from every desk, honest or not: here each pending suggestion of the current copy is traced
 * back to the revision that brought it in, and one that names someone other than that revision's
 * signer is reported.
 */
import type { ArticleContent } from '../../../shared/article/article';
import type { SignedRevision } from '../../../shared/identity/revision-event';
import { listSuggestions, type SuggestionSummary } from '../../../shared/suggestions/list';

export interface MisattributedSuggestion {
  suggestion: SuggestionSummary;
  /** The revision that brought it in, signed by someone else. */
  revision: SignedRevision;
}

/** One suggestion as long as it keeps its key and its maker (its text may grow as it is edited). */
const identity = (suggestion: SuggestionSummary) => `${suggestion.key}\u0000${suggestion.by}`;

export async function misattributedSuggestions(
  head: SignedRevision,
  revisions: ReadonlyMap<string, SignedRevision>,
  load: (revisionId: string) => Promise<ArticleContent>,
): Promise<MisattributedSuggestion[]> {
  const found: MisattributedSuggestion[] = [];
  const identities = new Map<string, Set<string>>();
  const suggestionsIn = async (revisionId: string) => {
    let known = identities.get(revisionId);
    if (!known) {
      known = new Set(listSuggestions(await load(revisionId)).map(identity));
      identities.set(revisionId, known);
    }
    return known;
  };
  // Suggestions still to trace, by a revision they are known to be in.
  let tracing = new Map<string, SuggestionSummary[]>([[head.id, listSuggestions(await load(head.id))]]);
  const traced = new Set<string>();
  while (tracing.size > 0) {
    const next = new Map<string, SuggestionSummary[]>();
    for (const [revisionId, suggestions] of tracing) {
      const revision = revisions.get(revisionId)!;
      const parents = revision.event.from.filter((parent) => revisions.has(parent));
      const inParents = await Promise.all(parents.map(suggestionsIn));
      for (const suggestion of suggestions) {
        const step = `${revisionId}\u0000${identity(suggestion)}`;
        if (traced.has(step)) continue;
        traced.add(step);
        const carrier = parents.find((_, index) => inParents[index]!.has(identity(suggestion)));
        if (carrier) next.set(carrier, [...(next.get(carrier) ?? []), suggestion]);
        // A change known only by its author's name (imported from Word) comes in with whoever imported it.
        else if (suggestion.by !== '' && suggestion.by !== revision.by) found.push({ suggestion, revision });
      }
    }
    tracing = next;
  }
  return found;
}

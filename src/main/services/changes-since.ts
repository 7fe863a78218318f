/**
 * The current copy's changes since a chosen base, each credited to the signed revision that made
 * it: the base is the copy as the current stage received it (the latest review action's
 * milestone), as last submitted, or any revision the current copy was made from.
 */
import type { ArticleContent } from '../../shared/article/article';
import { AppFailure } from '../../shared/contract/errors';
import type { SignedRevision } from '../../shared/identity/revision-event';
import { attributeChanges, type AttributedVersion } from '../../shared/tracked/attribute';
import type { ChangesBaseName, ChangesSince } from '../../shared/tracked/schema';
import type { ArticleState } from './article-logs';
import { RevisionContent } from './revisions/revision-content';

/** The current copy's line of revisions, oldest first: from the head back along the revision each was made from. */
function lineOfHead(state: ArticleState): SignedRevision[] {
  const line: SignedRevision[] = [];
  const seen = new Set<string>();
  for (let at: SignedRevision | undefined = state.verdict.head ?? undefined; at && !seen.has(at.id); at = state.revisions.get(at.event.base ?? at.event.from[0] ?? '')) {
    seen.add(at.id);
    line.push(at);
  }
  return line.reverse();
}

function baseIndex(line: readonly SignedRevision[], base: ChangesBaseName | string): number {
  const milestone = (action?: string) => line.findLastIndex((r) => r.event.kind === 'milestone' && (action === undefined || r.event.action === action));
  if (base === 'stage-received') return Math.max(0, milestone());
  if (base === 'submitted') {
    const at = milestone('submit');
    if (at < 0) throw new AppFailure('not-found', 'the article has not been submitted yet');
    return at;
  }
  const at = line.findIndex((r) => r.id === base);
  if (at < 0) throw new AppFailure('not-found', `revision ${base.slice(0, 12)}… is not one the current copy was made from`);
  return at;
}

/**
 * Consecutive revisions by one person at one stage are one change (their autosaves, then the
 * save), credited to the last of them; revisions that leave the copy as it stands are passed
 * over (a suggestion made or withdrawn, a review action's milestone).
 */
function steps(after: readonly SignedRevision[]): SignedRevision[] {
  const out: SignedRevision[] = [];
  for (let i = 0; i < after.length; i++) {
    const revision = after[i]!;
    const next = after[i + 1];
    if (next && next.by === revision.by && next.event.stage === revision.event.stage) continue;
    out.push(revision);
  }
  return out;
}

export async function changesSince(articleDir: string, state: ArticleState, base: ChangesBaseName | string): Promise<ChangesSince> {
  const line = lineOfHead(state);
  if (line.length === 0) throw new AppFailure('not-found', 'the article has no saved copy yet');
  const from = baseIndex(line, base);
  const store = new RevisionContent(articleDir);
  const baseRevision = line[from]!;
  const baseCopy = await store.load(state.revisions, baseRevision.id);
  const versions: AttributedVersion[] = [];
  let hash = baseRevision.event.contentHash;
  let last: ArticleContent = baseCopy;
  for (const revision of steps(line.slice(from + 1))) {
    if (revision.event.contentHash === hash) continue;
    hash = revision.event.contentHash;
    last = await store.load(state.revisions, revision.id);
    versions.push({
      content: last,
      author: { revision: revision.id, by: revision.by, byName: revision.byName ?? revision.by, at: revision.at, stage: revision.event.stage },
    });
  }
  return {
    base: { revision: baseRevision.id, at: baseRevision.at, byName: baseRevision.byName ?? baseRevision.by, stage: baseRevision.event.stage },
    tracked: attributeChanges(baseCopy, versions, last.language),
  };
}

/**
 * An article's history as the history panel lists it: the format-1 revisions an upgraded
 * article had (unsigned, read from its old history folder), then the signed revisions, with
 * the autosaves between them folded into the revision that follows.
 */
import type { ArticleContent } from '../../shared/article/article';
import type { HistoryList, ListedRevision } from '../../shared/contract/api';
import { AppFailure } from '../../shared/contract/errors';
import type { ArticleState } from './article-logs';
import { HistoryStore } from './history';
import { RevisionContent } from './revisions/revision-content';

export const LEGACY_PREFIX = 'legacy-';

function attested(state: ArticleState): boolean {
  return state.roster.verdict.snapshot.attestations.has(state.id);
}

export async function historyOf(articleDir: string, state: ArticleState): Promise<HistoryList> {
  const legacy = attested(state) ? await new HistoryStore(articleDir).read() : { revisions: [], problems: [], notices: [], damaged: [] };
  const listed: ListedRevision[] = legacy.revisions.map((revision) => ({ ...revision, id: `${LEGACY_PREFIX}${revision.n}`, status: 'unsigned-legacy', fingerprint: null }));
  const signed = state.verdict.revisions.filter((revision) => revision.event.kind !== 'autosave');
  for (const revision of signed) {
    const { event } = revision;
    listed.push({
      id: revision.id,
      n: listed.length + 1,
      at: revision.at,
      author: revision.by,
      authorName: revision.byName ?? revision.by,
      stage: event.stage,
      kind: event.kind === 'autosave' ? 'auto' : event.kind,
      ...(event.label ? { label: event.label } : {}),
      ...(event.action ? { action: event.action } : {}),
      contentHash: event.contentHash,
      status: 'signed',
      fingerprint: revision.fingerprint,
    });
  }
  // Every revision that cannot be rebuilt, autosaves included: the current copy may be one.
  const unbuildable = await new RevisionContent(articleDir).unbuildable(state.verdict.revisions);
  return {
    revisions: listed,
    problems: legacy.problems.map((problem) => problem.problem),
    notices: legacy.notices,
    damaged: [
      ...legacy.damaged.map((entry) => ({ id: `${LEGACY_PREFIX}${entry.n}`, problem: entry.problem })),
      ...unbuildable,
    ],
  };
}

/** The copy of a listed revision (signed, or format-1 `legacy-<n>`), rebuilt and checked. */
export async function revisionCopy(articleDir: string, state: ArticleState, id: string): Promise<ArticleContent> {
  if (id.startsWith(LEGACY_PREFIX)) {
    if (!attested(state)) throw new AppFailure('not-found', `there is no revision ${id} in this article's history`);
    return new HistoryStore(articleDir).load(Number(id.slice(LEGACY_PREFIX.length)));
  }
  if (!state.revisions.has(id)) throw new AppFailure('not-found', `there is no revision ${id.slice(0, 12)}… in this article's history`);
  return new RevisionContent(articleDir).load(state.revisions, id);
}

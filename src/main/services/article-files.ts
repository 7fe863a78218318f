/**
 * Every file of one article that is damaged, unfinished, set aside or not counted, each named
 * from the workspace folder, in a sentence: what the article's page shows so that nothing
 * damaged goes unseen. Reads only.
 */
import type { FileProblem } from '../../shared/contract/api';
import { fileProblem } from '../../shared/files/file-problem';
import { conflictCopyWords } from '../../shared/identity/conflict-copies';
import { articleLogDir } from '../../shared/identity/layout';
import { historyOf } from './article-history';
import type { ArticleState } from './article-logs';
import { annotationsOf } from './article-notes';
import { describeProblem } from './article-view';
import { BLOBS_DIR, RevisionContent } from './revisions/revision-content';
import { misattributedSuggestions } from './revisions/suggestion-origins';

export async function articleFileProblems(articleDir: string, state: ArticleState): Promise<FileProblem[]> {
  const out: FileProblem[] = [];
  // Crossed saves are no damage: the article shows them to be merged (Article.crossed).
  for (const problem of state.verdict.problems.filter((entry) => entry.code !== 'several-heads')) out.push(fileProblem(problem.path ?? articleLogDir(state.id), describeProblem(problem)));
  for (const path of state.unfinished) {
    out.push(fileProblem(path, `${path}: the last record is unfinished (an interrupted or damaged write); it will be set aside beside the log before the next record is written`));
  }
  for (const copy of state.conflictCopies) out.push(fileProblem(copy, conflictCopyWords(copy)));
  for (const stray of state.strays) {
    const torn = /\.torn-[0-9a-f]{16}$/.test(stray);
    out.push(fileProblem(stray, torn ? `an interrupted or damaged record was set aside in ${stray}; the log goes on after it` : `${stray} is not a log of this article (a sync service's conflict copy, or a file made by hand); it is not read`));
  }
  const history = await historyOf(articleDir, state);
  for (const entry of history.damaged) {
    const blob = new RegExp(`^(${BLOBS_DIR}/[0-9a-f]{64}|history/blobs/[0-9a-f]+) `).exec(entry.problem)?.[1];
    out.push(fileProblem(`articles/${state.id}/${blob ?? `log`}`, `revision ${entry.id.slice(0, 12)} cannot be rebuilt: ${entry.problem}`));
  }
  for (const problem of [...history.problems, ...history.notices]) out.push(fileProblem(`articles/${state.id}/history/index.jsonl`, problem));
  for (const problem of (await annotationsOf(articleDir, state)).problems) out.push(fileProblem(`articles/${state.id}/annotations`, problem));
  out.push(...(await suggestionProblems(articleDir, state)));
  return out;
}

/** Pending suggestions that name someone other than who signed the revision that brought them in. */
async function suggestionProblems(articleDir: string, state: ArticleState): Promise<FileProblem[]> {
  const head = state.verdict.head;
  if (!head) return [];
  const content = new RevisionContent(articleDir);
  // A revision that cannot be rebuilt is reported above, with why.
  const found = await misattributedSuggestions(head, state.revisions, (id) => content.load(state.revisions, id)).catch(() => []);
  return found.map(({ suggestion, revision }) => {
    const path = state.verdict.records.find((record) => record.hash === revision.id)?.path ?? articleLogDir(state.id);
    const signer = revision.byName ?? revision.by;
    return fileProblem(path, `a suggestion (“${suggestion.inserted || suggestion.deleted}”) is given as ${suggestion.byName}’s, but the revision that brought it in (${revision.id.slice(0, 12)}) was signed by ${signer}: it is not ${suggestion.byName}’s own`);
  });
}

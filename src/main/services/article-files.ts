import { join } from 'node:path';
import { ArticleSchema } from '../../shared/article/article';
import type { FileProblem } from '../../shared/contract/api';
import { fileProblem } from '../../shared/files/file-problem';
import { AnnotationStore } from './annotation-store';
import { HISTORY_DIR, HISTORY_INDEX, HistoryStore } from './history';
import { IgnoreStore } from './ignore-store';
import { readJsonFile } from './json-file';
import { REVIEW_LOG, ReviewStore } from './review-store';
import { setAsideFiles } from './set-aside';
import { SummaryFileSchema } from './workspace';
import { ARTICLE_FILE, SUMMARY_FILE, TRASHED_FILE } from './workspace-layout';

const INDEX = `${HISTORY_DIR}/${HISTORY_INDEX}`;

/**
 * Every file of one article that is damaged, ends unfinished, or was set aside, each named from
 * the workspace folder, in a sentence: what the article's page shows so that nothing damaged
 * goes unseen. Reads only.
 */
export async function articleFileProblems(articleDir: string, id: string): Promise<FileProblem[]> {
  const at = (file: string) => `articles/${id}/${file}`;
  const out: FileProblem[] = [];
  const add = (file: string, problems: readonly string[]) => {
    for (const problem of problems) out.push(fileProblem(at(file), problem));
  };

  const article = await readJsonFile(join(articleDir, ARTICLE_FILE), ArticleSchema);
  if (!article.ok && !article.missing) add(ARTICLE_FILE, [`${ARTICLE_FILE} ${article.problem}`]);
  const summary = await readJsonFile(join(articleDir, SUMMARY_FILE), SummaryFileSchema);
  if (!summary.ok && !summary.missing) {
    add(SUMMARY_FILE, [`${SUMMARY_FILE} ${summary.problem}; the library reads ${ARTICLE_FILE} instead, and the next save sets the damaged copy aside and writes it anew`]);
  }
  for (const file of [SUMMARY_FILE, TRASHED_FILE]) {
    for (const name of await setAsideFiles(join(articleDir, file))) add(name, [`a damaged ${file} was set aside as ${name}`]);
  }

  const review = await new ReviewStore(articleDir).load();
  add(REVIEW_LOG, [...(review.problem ? [review.problem] : []), ...review.notices]);
  for (const store of [new AnnotationStore(join(articleDir, 'annotations')), new IgnoreStore(join(articleDir, 'ignores'))]) {
    for (const problem of await store.problems()) add(problem.file, [problem.problem]);
  }

  const history = await new HistoryStore(articleDir).read();
  add(INDEX, [...history.problems.map((p) => p.problem), ...history.notices]);
  for (const group of unbuildableGroups(history.damaged)) add(group.file, [`${group.problem}: ${revisionList(group.revisions)} cannot be rebuilt`]);
  return out;
}

/** Damaged revisions by the blob that breaks them: each blob's own revision and those built on it. */
function unbuildableGroups(damaged: ReadonlyArray<{ n: number; problem: string }>) {
  const groups: Array<{ file: string; problem: string; revisions: number[] }> = [];
  for (const { n, problem } of damaged) {
    const blob = /^(history\/blobs\/[0-9a-f]+) /.exec(problem)?.[1];
    if (blob) groups.push({ file: blob, problem, revisions: [n] });
    else if (groups.length > 0) groups[groups.length - 1]!.revisions.push(n);
    else groups.push({ file: INDEX, problem, revisions: [n] });
  }
  return groups;
}

function revisionList(revisions: readonly number[]): string {
  if (revisions.length === 1) return `revision ${revisions[0]}`;
  const first = revisions[0]!;
  const last = revisions[revisions.length - 1]!;
  return last - first === revisions.length - 1 ? `revisions ${first}–${last}` : `revisions ${revisions.join(', ')}`;
}

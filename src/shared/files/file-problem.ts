import type { FileProblem } from '../contract/api';

/**
 * A problem with `file` (named from the workspace folder). Store messages begin with the file's
 * own name ("reviews.jsonl line 2: …"); where the full path is shown beside it, that name is not
 * repeated.
 */
export function fileProblem(file: string, problem: string): FileProblem {
  const parts = file.split('/');
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    if (problem.startsWith(tail) && /^[\s:]/.test(problem.slice(tail.length))) {
      return { file, problem: problem.slice(tail.length).replace(/^:?\s+/, '') };
    }
  }
  return { file, problem };
}

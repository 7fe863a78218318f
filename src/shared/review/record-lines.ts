import { canonicalJson } from '../article/canonical';
import { ReviewRecordSchema, type ReviewRecord } from './records';

export interface LineProblem {
  /** 1-based. */
  line: number;
  problem: string;
}

export interface ParsedRecordLines {
  /** The well-formed records, in file order; bad lines are left out and listed in `problems`. */
  records: ReviewRecord[];
  /** An append was interrupted: the unfinished last line was skipped. */
  tornTail: boolean;
  problems: LineProblem[];
}

/** One record as a line of the append-only JSONL log. */
export function recordLine(record: ReviewRecord): string {
  return `${canonicalJson(record)}\n`;
}

/**
 * Reads a JSONL review log without throwing. Only an unparseable last line in text that
 * does not end with a newline is forgiven, as the trace of an interrupted append; every
 * other bad line, blank ones included, is reported.
 */
export function parseRecordLines(text: string): ParsedRecordLines {
  const result: ParsedRecordLines = { records: [], tornTail: false, problems: [] };
  if (text === '') return result;
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  if (complete) lines.pop();
  lines.forEach((line, index) => {
    const isUnfinishedTail = !complete && index === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (isUnfinishedTail) result.tornTail = true;
      else result.problems.push({ line: index + 1, problem: line.trim() === '' ? 'blank line' : 'not valid JSON' });
      return;
    }
    const parsed = ReviewRecordSchema.safeParse(value);
    if (parsed.success) result.records.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      result.problems.push({ line: index + 1, problem: `not a review record (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})` });
    }
  });
  return result;
}

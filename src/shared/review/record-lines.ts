import { canonicalJson } from '../article/canonical';
import { splitLog } from '../files/log-text';
import { ReviewRecordSchema, type ReviewRecord } from './records';

export interface LineProblem {
  /** 1-based. */
  line: number;
  problem: string;
}

export interface ParsedRecordLines {
  /** The well-formed records, in file order; bad lines are left out and listed in `problems`. */
  records: ReviewRecord[];
  /** What follows the last newline when it is not a whole record (an interrupted or damaged append), skipped; '' for none. */
  unfinished: string;
  problems: LineProblem[];
}

/** One record as a line of the append-only JSONL log. */
export function recordLine(record: ReviewRecord): string {
  return `${canonicalJson(record)}\n`;
}

/**
 * Reads a JSONL review log without throwing. What follows the last newline, when it is not a
 * whole record, is the trace of an interrupted append (log-text.ts): it is skipped and given
 * back; every other bad line, blank ones included, is reported.
 */
export function parseRecordLines(text: string): ParsedRecordLines {
  const { lines, unfinished } = splitLog(text);
  const result: ParsedRecordLines = { records: [], unfinished, problems: [] };
  lines.forEach((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      result.problems.push({ line: index + 1, problem: line.trim() === '' ? 'blank line' : 'not valid JSON' });
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

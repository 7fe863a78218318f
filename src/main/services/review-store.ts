import { join } from 'node:path';
import { parseRecordLines, recordLine } from '../../shared/review/record-lines';
import { verifyChain, type ReviewRecord } from '../../shared/review/records';
import { appendLine, readLog } from './append-log';

export const REVIEW_LOG = 'reviews.jsonl';

export interface ReviewLoad {
  records: ReviewRecord[];
  /** Set when a stored record was altered, removed or cannot be read: the chain is not trusted. */
  problem: string | null;
}

/** An article's review actions: an append-only, hash-chained log (reviews.jsonl). */
export class ReviewStore {
  constructor(private readonly articleDir: string) {}

  async load(): Promise<ReviewLoad> {
    const parsed = parseRecordLines(await readLog(join(this.articleDir, REVIEW_LOG)));
    if (parsed.problems.length > 0) {
      const first = parsed.problems[0]!;
      return { records: parsed.records, problem: `${REVIEW_LOG} line ${first.line}: ${first.problem}` };
    }
    const check = verifyChain(parsed.records);
    if (!check.ok) {
      return { records: parsed.records, problem: `${REVIEW_LOG} record ${check.index + 1}: ${check.detail}` };
    }
    return { records: parsed.records, problem: null };
  }

  async append(record: ReviewRecord): Promise<void> {
    await appendLine(join(this.articleDir, REVIEW_LOG), recordLine(record).trimEnd());
  }
}

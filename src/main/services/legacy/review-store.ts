import { join } from 'node:path';
import { logEndNotices } from '../../../shared/files/log-text';
import { parseRecordLines, recordLine } from '../../../shared/review/record-lines';
import { verifyChain, type ReviewRecord } from '../../../shared/review/records';
import { appendLine, readLog } from '../append-log';
import { setAsideFiles } from '../set-aside';

export const REVIEW_LOG = 'reviews.jsonl';

export interface ReviewLoad {
  records: ReviewRecord[];
  /** Set when a stored record was altered, removed or cannot be read: the chain is not trusted. */
  problem: string | null;
  /**
   * What the log's end tells, which does not stop the chain: an unfinished last record (set
   * aside at the next append) and records set aside before, by file name.
   */
  notices: string[];
}

/** An article's review actions: an append-only, hash-chained log (reviews.jsonl). */
export class ReviewStore {
  constructor(private readonly articleDir: string) {}

  /** `notices: false` skips looking for set-aside files (the library lists thousands of articles). */
  async load({ notices: withNotices = true } = {}): Promise<ReviewLoad> {
    const path = join(this.articleDir, REVIEW_LOG);
    const parsed = parseRecordLines(await readLog(path));
    const notices = withNotices ? logEndNotices(REVIEW_LOG, parsed.unfinished, await setAsideFiles(path)) : [];
    if (parsed.problems.length > 0) {
      const first = parsed.problems[0]!;
      return { records: parsed.records, problem: `${REVIEW_LOG} line ${first.line}: ${first.problem}`, notices };
    }
    const check = verifyChain(parsed.records);
    if (!check.ok) {
      return { records: parsed.records, problem: `${REVIEW_LOG} record ${check.index + 1}: ${check.detail}`, notices };
    }
    return { records: parsed.records, problem: null, notices };
  }

  async append(record: ReviewRecord): Promise<void> {
    await appendLine(join(this.articleDir, REVIEW_LOG), recordLine(record).trimEnd());
  }
}

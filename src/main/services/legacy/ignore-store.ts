import { IgnoreSchema, type Ignore } from '../../../shared/checks/index';
import { PersonLogs, type LogProblem } from './person-logs';

/**
 * "Ignore here" decisions on proofreading findings, with their reasons: one append-only log
 * per person (ignores/<personId>.jsonl), like annotations.
 */
export class IgnoreStore {
  private readonly logs: PersonLogs<Ignore>;

  constructor(dir: string) {
    this.logs = new PersonLogs(dir, IgnoreSchema, '"ignore here" decision', (ignore) => ignore.by);
  }

  async append(ignore: Ignore): Promise<void> {
    await this.logs.append(ignore.by, ignore);
  }

  /** Every readable decision, oldest first; a damaged line is skipped: an ignore is a convenience, never a reason to fail. */
  async load(): Promise<Ignore[]> {
    const { entries } = await this.logs.read();
    return entries.map(({ value }) => value).sort((a, b) => a.at.localeCompare(b.at));
  }

  /** The lines skipped by `load`, and records set aside, for the article's report of its files. */
  async problems(): Promise<LogProblem[]> {
    return (await this.logs.read()).problems;
  }
}

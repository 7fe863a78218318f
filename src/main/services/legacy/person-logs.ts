import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { logEndNotices, splitLog } from '../../../shared/files/log-text';
import { appendLine, readLog } from '../append-log';
import { isSetAsideOf } from '../set-aside';

const PERSON_FILE = /^(u-[a-z0-9]{6,32})\.jsonl$/;

/** Something wrong in one file, in a sentence that names it; `file` is relative to the article's folder. */
export interface LogProblem {
  file: string;
  problem: string;
}

export interface PersonLogEntry<T> {
  value: T;
  /** The person whose file the line is in. */
  owner: string;
}

function isPersonLogOwner(personId: string): boolean {
  return PERSON_FILE.test(`${personId}.jsonl`);
}

/**
 * A folder of append-only logs, one per person (<personId>.jsonl), so that every file has a
 * single writer even when several desks share the workspace through a sync service.
 */
export class PersonLogs<T> {
  constructor(
    private readonly dir: string,
    private readonly schema: z.ZodType<T>,
    /** What a line holds, for reports ("annotation event"). */
    private readonly what: string,
    /** A line must also be its file's owner's to count (a hand-edited file is not trusted). */
    private readonly ownedBy: (value: T) => string,
  ) {}

  async append(personId: string, value: T): Promise<void> {
    if (!isPersonLogOwner(personId) || this.ownedBy(value) !== personId) throw new Error(`${this.what} author does not match its log`);
    await mkdir(this.dir, { recursive: true });
    await appendLine(join(this.dir, `${personId}.jsonl`), JSON.stringify(this.schema.parse(value)));
  }

  /**
   * Every readable line of every person's file. Bad lines are described and skipped, and so is
   * an unfinished last record; records set aside from a file before are named.
   */
  async read(): Promise<{ entries: Array<PersonLogEntry<T>>; problems: LogProblem[] }> {
    const folder = this.dir.split(/[\\/]/).pop();
    const all = await readdir(this.dir).catch(() => [] as string[]);
    const names = all.filter((name) => PERSON_FILE.test(name)).sort();
    const entries: Array<PersonLogEntry<T>> = [];
    const problems: LogProblem[] = [];
    for (const name of names) {
      const owner = PERSON_FILE.exec(name)![1]!;
      const file = `${folder}/${name}`;
      const { lines, unfinished } = splitLog(await readLog(join(this.dir, name)));
      const setAside = all.filter((other) => isSetAsideOf(other, name)).sort();
      for (const problem of logEndNotices(file, unfinished, setAside.map((other) => `${folder}/${other}`))) problems.push({ file, problem });
      lines.forEach((line, index) => {
        if (line.trim() === '') return;
        const where = `${file} line ${index + 1}`;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          problems.push({ file, problem: `${where} is not valid JSON` });
          return;
        }
        const checked = this.schema.safeParse(parsed);
        if (!checked.success || this.ownedBy(checked.data) !== owner) problems.push({ file, problem: `${where} is not a valid ${this.what}` });
        else entries.push({ value: checked.data, owner });
      });
    }
    return { entries, problems };
  }
}

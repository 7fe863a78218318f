import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { appendLine, readLog } from './append-log';

const PERSON_FILE = /^(u-[a-z0-9]{6,32})\.jsonl$/;

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

  /** Every readable line of every person's file; bad lines are described, a torn last line skipped. */
  async read(): Promise<{ entries: Array<PersonLogEntry<T>>; problems: string[] }> {
    const folder = this.dir.split(/[\\/]/).pop();
    const names = await readdir(this.dir).then(
      (all) => all.filter((name) => PERSON_FILE.test(name)).sort(),
      () => [] as string[],
    );
    const entries: Array<PersonLogEntry<T>> = [];
    const problems: string[] = [];
    for (const name of names) {
      const owner = PERSON_FILE.exec(name)![1]!;
      // The piece after the last newline is either empty or a torn append: skipped either way.
      const lines = (await readLog(join(this.dir, name))).split('\n').slice(0, -1);
      lines.forEach((line, index) => {
        if (line.trim() === '') return;
        const where = `${folder}/${name} line ${index + 1}`;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          problems.push(`${where} is not valid JSON`);
          return;
        }
        const checked = this.schema.safeParse(parsed);
        if (!checked.success || this.ownedBy(checked.data) !== owner) problems.push(`${where} is not a valid ${this.what}`);
        else entries.push({ value: checked.data, owner });
      });
    }
    return { entries, problems };
  }
}

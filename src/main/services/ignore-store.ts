import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { IgnoreSchema, type Ignore } from '../../shared/checks/index';
import { appendLine, readLog } from './append-log';

const PERSON_FILE = /^(u-[a-z0-9]{6,32})\.jsonl$/;

/**
 * "Ignore here" decisions on proofreading findings, with their reasons: one append-only log
 * per person (ignores/<personId>.jsonl), like annotations, so each file has one writer.
 */
export class IgnoreStore {
  constructor(private readonly dir: string) {}

  async append(ignore: Ignore): Promise<void> {
    if (!PERSON_FILE.test(`${ignore.by}.jsonl`)) throw new Error('not a person id');
    await mkdir(this.dir, { recursive: true });
    await appendLine(join(this.dir, `${ignore.by}.jsonl`), JSON.stringify(IgnoreSchema.parse(ignore)));
  }

  /** Every readable decision, oldest first; unreadable lines and a torn last line are skipped. */
  async load(): Promise<Ignore[]> {
    const names = await readdir(this.dir).then(
      (all) => all.filter((name) => PERSON_FILE.test(name)).sort(),
      () => [] as string[],
    );
    const ignores: Ignore[] = [];
    for (const name of names) {
      const owner = PERSON_FILE.exec(name)![1];
      for (const line of (await readLog(join(this.dir, name))).split('\n').slice(0, -1)) {
        try {
          const parsed = IgnoreSchema.safeParse(JSON.parse(line));
          if (parsed.success && parsed.data.by === owner) ignores.push(parsed.data);
        } catch {
          // A damaged line is skipped: an ignore is a convenience, never a reason to fail.
        }
      }
    }
    return ignores.sort((a, b) => a.at.localeCompare(b.at));
  }
}

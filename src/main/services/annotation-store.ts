import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AnnotationEventSchema, type AnnotationEvent } from '../../shared/annotations/events';
import { buildThreads } from '../../shared/annotations/threads';
import type { AnnotationThread } from '../../shared/annotations/events';
import { appendLine, readLog } from './append-log';

const PERSON_FILE = /^(u-[a-z0-9]{6,32})\.jsonl$/;

export interface AnnotationLoad {
  threads: AnnotationThread[];
  events: AnnotationEvent[];
  /** Lines that could not be read, by file; they are skipped, never rewritten. */
  problems: string[];
}

/**
 * An article's annotations: one append-only log per person (annotations/<personId>.jsonl),
 * so every file has exactly one writer even when the workspace is shared.
 */
export class AnnotationStore {
  constructor(private readonly dir: string) {}

  async append(personId: string, event: AnnotationEvent): Promise<void> {
    if (!PERSON_FILE.test(`${personId}.jsonl`) || event.by !== personId) throw new Error('annotation event author does not match its log');
    await mkdir(this.dir, { recursive: true });
    await appendLine(join(this.dir, `${personId}.jsonl`), JSON.stringify(AnnotationEventSchema.parse(event)));
  }

  async load(): Promise<AnnotationLoad> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => PERSON_FILE.test(name)).sort();
    } catch {
      return { threads: [], events: [], problems: [] };
    }
    const events: AnnotationEvent[] = [];
    const problems: string[] = [];
    for (const name of names) {
      const owner = PERSON_FILE.exec(name)![1];
      const text = await readLog(join(this.dir, name));
      // The piece after the last newline is either empty or a torn append: skipped either way.
      const complete = text.split('\n').slice(0, -1);
      complete.forEach((line, index) => {
        if (line.trim() === '') return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          problems.push(`annotations/${name} line ${index + 1} is not valid JSON`);
          return;
        }
        const event = AnnotationEventSchema.safeParse(parsed);
        if (!event.success || event.data.by !== owner) {
          problems.push(`annotations/${name} line ${index + 1} is not a valid annotation event`);
          return;
        }
        events.push(event.data);
      });
    }
    return { threads: buildThreads(events), events, problems };
  }
}

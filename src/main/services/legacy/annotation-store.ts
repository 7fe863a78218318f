import { AnnotationEventSchema, type AnnotationEvent, type AnnotationThread } from '../../../shared/annotations/events';
import { buildThreads } from '../../../shared/annotations/threads';
import { PersonLogs, type LogProblem } from './person-logs';

export interface AnnotationLoad {
  threads: AnnotationThread[];
  events: AnnotationEvent[];
  /** Lines that could not be read, by file; they are skipped, never rewritten. */
  problems: string[];
}

/** An article's annotations: one append-only log per person (annotations/<personId>.jsonl). */
export class AnnotationStore {
  private readonly logs: PersonLogs<AnnotationEvent>;

  constructor(dir: string) {
    this.logs = new PersonLogs(dir, AnnotationEventSchema, 'annotation event', (event) => event.by);
  }

  append(personId: string, event: AnnotationEvent): Promise<void> {
    return this.logs.append(personId, event);
  }

  async load(): Promise<AnnotationLoad> {
    const { entries, problems } = await this.logs.read();
    const events = entries.map((entry) => entry.value);
    return { threads: buildThreads(events), events, problems: problems.map((p) => p.problem) };
  }

  /** The lines `load` skips and records set aside, by file, for the article's report of its files. */
  async problems(): Promise<LogProblem[]> {
    return (await this.logs.read()).problems;
  }
}

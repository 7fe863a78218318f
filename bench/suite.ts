import type { Report } from './report';

export interface SuiteOptions {
  /** Repetitions of the suite's measurements; suites report the median across rounds. */
  rounds: number;
  /** Keep Chromium's 60 Hz frame pacing (see UNTHROTTLED_FRAME_ARGS in preview.ts). */
  vsync: boolean;
  /** Progress lines go here (stderr), so stdout stays the report. */
  log(line: string): void;
}

/** One benchmark suite: measures something and adds its figures to the shared report. */
export interface Suite {
  name: string;
  run(report: Report, options: SuiteOptions): Promise<void>;
}

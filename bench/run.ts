/**
 * `npm run bench [-- --json FILE] [--rounds N] [--only SUITE] [--vsync]`: runs every benchmark suite
 * against the renderer that the npm script has just built, prints one table of figures and
 * budgets, and optionally writes the figures as JSON. Missing a budget is reported, not an
 * error: the exit code is non-zero only when a suite could not run.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { Report } from './report';
import type { Suite } from './suite';

/** Each suite's module is loaded when it runs, so one that cannot load fails alone. */
const SUITES: Array<{ name: string; load: () => Promise<Suite> }> = [
  { name: 'editor', load: async () => (await import('./editor.bench')).editorSuite },
  { name: 'export', load: async () => (await import('./export.bench')).exportSuite },
  { name: 'checks', load: async () => (await import('./checks.bench')).checksSuite },
  { name: 'history', load: async () => (await import('./history.bench')).historySuite },
  { name: 'identity', load: async () => (await import('./identity.bench')).identitySuite },
  { name: 'multi-desk', load: async () => (await import('./multi-desk.bench')).multiDeskSuite },
  { name: 'library', load: async () => (await import('./library.bench')).librarySuite },
];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      only: { type: 'string', multiple: true },
      vsync: { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive whole number, not "${values.rounds}"`);
  const selected = values.only ? SUITES.filter((suite) => values.only!.includes(suite.name)) : SUITES;
  if (selected.length === 0) throw new Error(`no such suite; the suites are: ${SUITES.map((s) => s.name).join(', ')}`);

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const report = new Report();
  report.note(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${process.platform}`);
  let failed = 0;
  for (const suite of selected) {
    log(`== ${suite.name}`);
    try {
      await (await suite.load()).run(report, { rounds, vsync: values.vsync, log });
    } catch (error) {
      failed++;
      log(`suite ${suite.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      report.note(`suite ${suite.name} FAILED to run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(report.format());
  if (values.json) {
    await report.writeJson(values.json);
    log(`figures written to ${values.json}`);
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);

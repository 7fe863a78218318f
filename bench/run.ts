/**
 * `npm run bench [-- --json FILE] [--rounds N] [--only SUITE] [--vsync]`: runs every benchmark suite
 * against the renderer that the npm script has just built, prints one table of figures and
 * budgets, and optionally writes the figures as JSON. Missing a budget is reported, not an
 * error: the exit code is non-zero only when a suite could not run.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { checksSuite } from './checks.bench';
import { editorSuite } from './editor.bench';
import { exportSuite } from './export.bench';
import { historySuite } from './history.bench';
import { identitySuite } from './identity.bench';
import { librarySuite } from './library.bench';
import { Report } from './report';
import type { Suite } from './suite';

/** Later suites (history, diff, checks, export, library) are added here. */
const SUITES: Suite[] = [editorSuite, exportSuite, checksSuite, historySuite, identitySuite, librarySuite];

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
      await suite.run(report, { rounds, vsync: values.vsync, log });
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

/**
 * `npm --prefix bench/engines ci && npx tsx bench/engines/compare.ts [--counts 10000,100000]
 * [--engines fts5-wasm,fts5-native,minisearch,flexsearch]`: builds each candidate's index of the
 * generated corpus, then loads it cold in a fresh process and queries it (candidates/run-one.ts).
 * Prints Markdown tables for docs/search.md. Work files go to a temp folder, reused for truth.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { corpus } from '../library/corpus';
import { QUERIES, truthMatcher } from '../library/queries';

const { values } = parseArgs({ options: { counts: { type: 'string', default: '10000' }, engines: { type: 'string', default: 'fts5-wasm,fts5-native,minisearch,flexsearch' } } });
const WORK = join(tmpdir(), 'newsroom-search-compare');
const RUN_ONE = resolve(import.meta.dirname, 'candidates', 'run-one.ts');
const TIMEOUT_MS = 40 * 60_000;

function runOne(args: string[]): Promise<Record<string, unknown>> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', RUN_ONE, ...args],
      { timeout: TIMEOUT_MS, maxBuffer: 64 * 2 ** 20, cwd: resolve(import.meta.dirname, '..', '..') },
      (error, stdout, stderr) => {
        if (error) done({ error: `${error.killed ? 'stopped after 40 min' : error.message.split('\n')[0]} ${stderr.split('\n').filter(Boolean).slice(-2).join(' ')}` });
        else done(JSON.parse(stdout.trim().split('\n').at(-1)!));
      },
    );
  });
}

async function truthFile(count: number): Promise<string> {
  const file = join(WORK, `truth-${count}.json`);
  if (existsSync(file)) return file;
  const matchers = QUERIES.map((q) => [q.query, truthMatcher(q.query)] as const);
  const truth: Record<string, string[]> = Object.fromEntries(QUERIES.map((q) => [q.query, []]));
  const start = performance.now();
  for (const article of corpus(count)) for (const [query, match] of matchers) if (match(article)) truth[query]!.push(article.id);
  console.error(`truth for ${count}: plain scan of every query ${(performance.now() - start).toFixed(0)} ms`);
  await writeFile(file, JSON.stringify(truth));
  return file;
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
await mkdir(WORK, { recursive: true });
for (const count of values.counts.split(',').map(Number)) {
  const truth = await truthFile(count);
  console.log(`\n### ${count.toLocaleString('en')} articles\n`);
  console.log('| engine | build | on disk | peak RSS building | cold load + first query | zh p50 / p95 | en p50 / p95 | heap / RSS after load | recall | precision |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const misses: string[] = [];
  for (const engine of values.engines.split(',')) {
    const dir = join(WORK, `${engine}-${count}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    console.error(`${engine} ${count}: building`);
    const built = await runOne(['build', engine, String(count), dir]);
    if (built.error) {
      console.log(`| ${engine} | failed: ${built.error} | | | | | | | | |`);
      continue;
    }
    console.error(`${engine} ${count}: querying`);
    const q = await runOne(['query', engine, String(count), dir, truth]);
    if (q.error) {
      console.log(`| ${engine} | ${((built.buildMs as number) / 1000).toFixed(1)} s | ${mb(built.bytes as number)} MB | | failed: ${q.error} | | | | | |`);
      continue;
    }
    type Quality = { query: string; recall: number; precision: number; truth: number; found: number };
    const quality = q.quality as Quality[];
    const recall = Math.min(...quality.map((x) => x.recall));
    const precision = Math.min(...quality.map((x) => x.precision));
    for (const x of quality) if (x.recall < 1 || x.precision < 1) misses.push(`${engine}: ${x.query} found ${x.found} of ${x.truth} (recall ${(x.recall * 100).toFixed(1)}%, precision ${(x.precision * 100).toFixed(1)}%)`);
    const zh = q.zh as { p50: number; p95: number };
    const en = q.en as { p50: number; p95: number };
    console.log(
      `| ${engine} | ${((built.buildMs as number) / 1000).toFixed(1)} s | ${mb(built.bytes as number)} MB | ${mb(built.peakRss as number)} MB | ${(q.coldMs as number).toFixed(0)} ms | ${zh.p50.toFixed(1)} / ${zh.p95.toFixed(1)} ms | ${en.p50.toFixed(1)} / ${en.p95.toFixed(1)} ms | ${(q.heapMb as number).toFixed(0)} / ${(q.rssMb as number).toFixed(0)} MB | ${(recall * 100).toFixed(1)}% (lowest) | ${(precision * 100).toFixed(1)}% (lowest) |`,
    );
  }
  if (misses.length > 0) console.log(`\nWhere an engine differs from the plain scan:\n\n${misses.map((m) => `- ${m}`).join('\n')}`);
}

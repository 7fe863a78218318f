/**
 * One measurement of one candidate in a process of its own (so memory and cold loading are its
 * own): `build ENGINE COUNT DIR` or `query ENGINE COUNT DIR TRUTH.json`. Prints one JSON line.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { corpus } from '../../library/corpus';
import { QUERIES } from '../../library/queries';
import { median, percentile } from '../../report';
import type { Candidate } from './candidate';
import { flexsearch } from './flexsearch';
import { fts5Native, fts5Wasm } from './fts5';
import { minisearch } from './minisearch';

export const CANDIDATES: Record<string, Candidate> = { 'fts5-wasm': fts5Wasm, 'fts5-native': fts5Native, minisearch, flexsearch };

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function build(candidate: Candidate, count: number, dir: string) {
  const builder = candidate.build(dir);
  let indexing = 0;
  let batch = [];
  const flush = () => {
    const start = performance.now();
    builder.add(batch);
    indexing += performance.now() - start;
    batch = [];
  };
  for (const article of corpus(count)) {
    batch.push(article);
    if (batch.length === 1000) flush();
  }
  flush();
  const start = performance.now();
  await builder.finish();
  indexing += performance.now() - start;
  return { buildMs: indexing, bytes: await folderSize(dir), peakRss: process.resourceUsage().maxRSS * 1024 };
}

async function query(candidate: Candidate, dir: string, truthFile: string) {
  gc();
  const baseline = process.memoryUsage();
  const start = performance.now();
  const searcher = await candidate.load(dir);
  searcher.top(QUERIES[0]!.query);
  const coldMs = performance.now() - start;
  const times: Record<'zh' | 'en', number[]> = { zh: [], en: [] };
  for (const q of QUERIES) searcher.top(q.query);
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const t = performance.now();
      searcher.top(q.query);
      times[q.language].push(performance.now() - t);
    }
  }
  gc();
  const memory = process.memoryUsage();
  const truth = JSON.parse(await readFile(truthFile, 'utf8')) as Record<string, string[]>;
  const quality = QUERIES.map((q) => {
    const found = searcher.all(q.query);
    const expected = new Set(truth[q.query]);
    const right = found.filter((id) => expected.has(id)).length;
    return { query: q.query, truth: expected.size, found: found.length, recall: expected.size ? right / expected.size : 1, precision: found.length ? right / found.length : 1 };
  });
  searcher.close();
  return {
    coldMs,
    zh: { p50: median(times.zh), p95: percentile(times.zh, 95) },
    en: { p50: median(times.en), p95: percentile(times.en, 95) },
    heapMb: (memory.heapUsed - baseline.heapUsed) / 2 ** 20,
    rssMb: (memory.rss - baseline.rss) / 2 ** 20,
    externalMb: (memory.external + memory.arrayBuffers - baseline.external - baseline.arrayBuffers) / 2 ** 20,
    quality,
  };
}

const [mode, engine, count, dir, truthFile] = process.argv.slice(2);
const candidate = CANDIDATES[engine ?? ''];
if (!candidate || !dir) throw new Error('usage: run-one.ts build|query ENGINE COUNT DIR [TRUTH]');
const result = mode === 'build' ? await build(candidate, Number(count), dir) : await query(candidate, dir, truthFile!);
console.log(JSON.stringify(result));

/**
 * Library suite (plain Node, no build or browser): the per-machine library index
 * (src/main/services/search) over generated archives of 10,000 and 100,000 news articles
 * (bench/library/corpus.ts: Chinese and English, figures, annotations, review records).
 * Figures per size:
 * - build / size: indexing every article from scratch, and the index folder on disk;
 * - list.cold: a fresh process opens the index and lists the first page with queue counts
 *   (DESIGN.md: ≤ 300 ms at 10,000, ≤ 1 s at 100,000); process.start-to-list adds Node's start;
 * - list.warm: the first page again, and a page half-way down a desk queue;
 * - search.zh / search.en p95: the editor-like queries of bench/library/queries.ts, with
 *   snippets and hit locations (≤ 30 ms at 10,000, ≤ 50 ms at 100,000);
 * - update: one saved article written to the index;
 * - memory: the cold process's RSS after listing and searching;
 * - baseline: a plain substring scan of the same corpus's text for the same queries, in memory.
 * The 100,000 index is kept in a temp folder between runs (it takes minutes to build); its
 * build figures come from the run that built it. `--rounds` repeats the timed query passes.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, stat, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LibraryIndex } from '../src/main/services/search/library-index';
import { listLibrary, searchLibrary } from '../src/main/services/search/library-queries';
import { INDEX_VERSION } from '../src/main/services/search/schema';
import type { IndexedArticle } from '../src/shared/search/indexed-article';
import { placedTexts } from '../src/shared/search/places';
import { onAbort } from './cleanup';
import { corpus, corpusArticle, corpusPeople } from './library/corpus';
import { QUERIES, queryTerms } from './library/queries';
import { atMost, median, percentile, type Report } from './report';
import type { Suite } from './suite';

const SIZES = [
  { count: 10_000, list: 300, search: 30, keep: false },
  { count: 100_000, list: 1_000, search: 50, keep: true },
] as const;
const CORPUS_VERSION = '1';
const BATCH = 500;

interface Built {
  buildMs: number;
  bytes: number;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

async function buildIndex(folder: string, count: number, log: (line: string) => void): Promise<Built> {
  await rm(folder, { recursive: true, force: true });
  const index = LibraryIndex.open({ folder, workspaceId: 'bench-library' });
  let indexing = 0;
  let batch: IndexedArticle[] = [];
  let done = 0;
  const flush = () => {
    const start = performance.now();
    index.upsert(batch);
    indexing += performance.now() - start;
    const added = batch.length;
    done += added;
    batch = [];
    if (added > 0 && done % 10_000 === 0) log(`  indexed ${done} of ${count}`);
  };
  for (const article of corpus(count)) {
    batch.push(article);
    if (batch.length === BATCH) flush();
  }
  flush();
  index.close();
  return { buildMs: indexing, bytes: await folderBytes(folder) };
}

function coldStart(folder: string): Promise<{ listMs: number; firstSearchMs: number; total: number; rss: number; processMs: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'library', 'cold-start.ts'), folder], { cwd: resolve(import.meta.dirname, '..') }, (error, stdout) => {
      if (error) return fail(error);
      done({ ...JSON.parse(stdout.trim().split('\n').at(-1)!), processMs: performance.now() - started });
    });
  });
}

/** The plain scan the index replaces: every article's text searched for each term, as the page filter did. */
function substringScan(texts: string[], query: string): number {
  const terms = queryTerms(query).map((term) => term.toLowerCase());
  let found = 0;
  for (const text of texts) if (terms.every((term) => text.includes(term))) found++;
  return found;
}

async function measureSize(report: Report, size: (typeof SIZES)[number], rounds: number, log: (line: string) => void) {
  const { count } = size;
  const name = `library.${count / 1000}k`;
  const folder = join(tmpdir(), `newsroom-bench-library-${count}-v${INDEX_VERSION}-c${CORPUS_VERSION}`);
  const figuresFile = `${folder}.json`;
  let built: Built;
  if (size.keep && existsSync(figuresFile) && existsSync(folder)) {
    built = JSON.parse(await readFile(figuresFile, 'utf8')) as Built;
    log(`${name}: reusing the index built earlier in ${folder}`);
  } else {
    log(`${name}: building the index of ${count} articles`);
    const forget = size.keep ? () => undefined : onAbort(() => rm(folder, { recursive: true, force: true }));
    built = await buildIndex(folder, count, log);
    forget();
    if (size.keep) await writeFile(figuresFile, JSON.stringify(built));
  }
  report.add(`${name}.build`, built.buildMs / 1000, 's');
  report.add(`${name}.build.per-article`, built.buildMs / count, 'ms');
  report.add(`${name}.size`, built.bytes / 2 ** 20, 'MB');

  const colds = [];
  for (let round = 0; round < rounds; round++) colds.push(await coldStart(folder));
  report.add(`${name}.list.cold`, median(colds.map((c) => c.listMs)), 'ms', atMost(size.list));
  report.add(`${name}.process.start-to-list`, median(colds.map((c) => c.processMs)), 'ms');
  report.add(`${name}.search.first-after-start`, median(colds.map((c) => c.firstSearchMs)), 'ms');
  report.add(`${name}.memory.rss`, median(colds.map((c) => c.rss)) / 2 ** 20, 'MB');

  const person = corpusPeople().find((p) => p.roles.includes('second'))!;
  const index = LibraryIndex.open({ folder, workspaceId: 'bench-library' });
  try {
    const warm: number[] = [];
    const deep: number[] = [];
    for (let i = 0; i < 10 * rounds; i++) {
      let t = performance.now();
      listLibrary(index, { person, limit: 60 });
      warm.push(performance.now() - t);
      t = performance.now();
      listLibrary(index, { person, filters: { queue: 'signed' }, offset: Math.floor(count / 2), limit: 60 });
      deep.push(performance.now() - t);
    }
    report.add(`${name}.list.warm`, median(warm), 'ms');
    report.add(`${name}.list.warm.half-way-down`, median(deep), 'ms');

    const times: Record<'zh' | 'en', number[]> = { zh: [], en: [] };
    for (const q of QUERIES) searchLibrary(index, { query: q.query, person });
    for (let round = 0; round < 3 * rounds; round++) {
      for (const q of QUERIES) {
        const t = performance.now();
        searchLibrary(index, { query: q.query, person });
        times[q.language].push(performance.now() - t);
      }
    }
    for (const language of ['zh', 'en'] as const) {
      report.add(`${name}.search.${language}.p50`, median(times[language]), 'ms');
      report.add(`${name}.search.${language}.p95`, percentile(times[language], 95), 'ms', atMost(size.search));
    }

    const updates: number[] = [];
    for (let i = 0; i < 20; i++) {
      const saved = { ...corpusArticle(i), stamp: `bench-save-${i}-${Date.now()}`, updatedAt: new Date().toISOString() };
      const t = performance.now();
      index.upsert([saved]);
      updates.push(performance.now() - t);
    }
    report.add(`${name}.update.one-save`, median(updates), 'ms');
  } finally {
    index.close();
  }
  if (!size.keep) await rm(folder, { recursive: true, force: true });

  log(`${name}: plain scan baseline`);
  const texts = [...corpus(count)].filter((a) => !a.trashed).map((a) => placedTexts(a).map((p) => p.text).join('\n').toLowerCase());
  const scans: Record<'zh' | 'en', number[]> = { zh: [], en: [] };
  for (const q of QUERIES) {
    const t = performance.now();
    substringScan(texts, q.query);
    scans[q.language].push(performance.now() - t);
  }
  report.add(`${name}.baseline.scan.zh.p50`, median(scans.zh), 'ms');
  report.add(`${name}.baseline.scan.en.p50`, median(scans.en), 'ms');
}

export const librarySuite: Suite = {
  name: 'library',
  async run(report, { rounds, log }) {
    for (const size of SIZES) await measureSize(report, size, rounds, log);
  },
};

/**
 * Library suite (plain Node, no build or browser): the per-machine library index
 * (src/main/services/search) over generated FORMAT-2 workspaces of 10,000 and 100,000 news
 * articles (bench/library/format2-workspace.ts: signed logs, content blobs and review records of
 * the corpus in bench/library/corpus.ts, Chinese and English, with figures). Figures per size:
 * - build / size: the index built from nothing through the workspace's own services (every
 *   signed log verified, every copy rebuilt from its revision), and the index folder on disk;
 * - list.cold: a fresh process opens the workspace and its library and lists the first page
 *   with queue counts (≤ 300 ms at 10,000, ≤ 1 s at 100,000); process.start-to-list adds Node's start;
 * - list.warm: the first page again, and a page half-way down a desk queue;
 * - search.zh / search.en p95: the editor-like queries of bench/library/queries.ts, with
 *   snippets and hit locations (≤ 30 ms at 10,000, ≤ 50 ms at 100,000);
 * - update.one-save: an article saved through the services (a signed revision) until the index holds it;
 * - memory: the cold process's RSS after listing and searching;
 * - baseline: a plain substring scan of the same corpus's text for the same queries, in memory.
 * The workspaces and their indexes are kept in the temp folder between runs (they take long to
 * make); build figures come from the run that built them. `--rounds` repeats the timed passes.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, stat, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../src/main/services/clock';
import { DataFolder } from '../src/main/services/data-folder';
import { UnlockedKey } from '../src/main/services/identity/unlocked-key';
import { openWorkspace } from '../src/main/services/open-workspace';
import { Library, LIBRARY_CACHE } from '../src/main/services/search/library';
import { INDEX_VERSION } from '../src/main/services/search/schema';
import { paragraphNode } from '../src/shared/article/body';
import { ed25519 } from '../src/shared/identity/ed25519';
import { placedTexts } from '../src/shared/search/places';
import { corpus, corpusPeople } from './library/corpus';
import { benchWriter, BENCH_WORKSPACE_ID, writeFormat2Workspace } from './library/format2-workspace';
import { QUERIES, queryTerms } from './library/queries';
import { atMost, median, percentile, type Report } from './report';
import type { Suite } from './suite';

/** Both indexes are built by reading every article through the workspace's services, as a desk's first start does. */
const SIZES = [
  { count: 10_000, list: 300, search: 30 },
  { count: 100_000, list: 1_000, search: 50 },
] as const;
const CORPUS_VERSION = '3';

interface Built {
  buildMs: number;
  bytes: number;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

/** The index built from nothing through the workspace's services, as a desk's first start does. */
async function buildIndex(root: string, dataDir: string, log: (line: string) => void): Promise<Built> {
  await rm(dataDir, { recursive: true, force: true });
  const data = new DataFolder(dataDir);
  const workspace = await openWorkspace({ root, clock: systemClock, data, ed: await ed25519() });
  const library = new Library(workspace, data);
  const start = performance.now();
  const progress = setInterval(() => {
    const { done, total } = library.status();
    log(`  indexed ${done} of ${total}`);
  }, 30_000);
  await library.reconcile();
  clearInterval(progress);
  const buildMs = performance.now() - start;
  library.close();
  return { buildMs, bytes: await folderBytes(join(data.cacheDir(BENCH_WORKSPACE_ID), LIBRARY_CACHE)) };
}

function coldStart(root: string, dataDir: string): Promise<{ listMs: number; firstSearchMs: number; total: number; rss: number; processMs: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'library', 'cold-start.ts'), root, dataDir], { cwd: resolve(import.meta.dirname, '..') }, (error, stdout) => {
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
  const base = join(tmpdir(), `newsroom-bench-library-${count}-c${CORPUS_VERSION}`);
  const root = join(base, 'workspace');
  const dataDir = join(base, `desk-data-v${INDEX_VERSION}`);
  const figuresFile = `${dataDir}.json`;
  if (!existsSync(join(base, 'written'))) {
    log(`${name}: writing a format-2 workspace of ${count} articles`);
    await rm(base, { recursive: true, force: true });
    await writeFormat2Workspace(await ed25519(), root, count, log);
    await writeFile(join(base, 'written'), '');
  }
  let built: Built;
  if (existsSync(figuresFile)) {
    built = JSON.parse(await readFile(figuresFile, 'utf8')) as Built;
    log(`${name}: reusing the index built earlier in ${dataDir}`);
  } else {
    log(`${name}: building the index of ${count} articles`);
    built = await buildIndex(root, dataDir, log);
    await writeFile(figuresFile, JSON.stringify(built));
  }
  report.add(`${name}.build`, built.buildMs / 1000, 's');
  report.add(`${name}.build.per-article`, built.buildMs / count, 'ms');
  report.add(`${name}.size`, built.bytes / 2 ** 20, 'MB');

  const colds = [];
  for (let round = 0; round < rounds; round++) colds.push(await coldStart(root, dataDir));
  report.add(`${name}.list.cold`, median(colds.map((c) => c.listMs)), 'ms', atMost(size.list));
  report.add(`${name}.process.start-to-list`, median(colds.map((c) => c.processMs)), 'ms');
  report.add(`${name}.search.first-after-start`, median(colds.map((c) => c.firstSearchMs)), 'ms');
  report.add(`${name}.memory.rss`, median(colds.map((c) => c.rss)) / 2 ** 20, 'MB');

  const person = corpusPeople().find((p) => p.roles.includes('second'))!;
  const data = new DataFolder(dataDir);
  const ed = await ed25519();
  const workspace = await openWorkspace({ root, clock: systemClock, data, ed });
  const library = new Library(workspace, data);
  try {
    const warm: number[] = [];
    const deep: number[] = [];
    for (let i = 0; i < 10 * rounds; i++) {
      let t = performance.now();
      library.list({ person, limit: 60 });
      warm.push(performance.now() - t);
      t = performance.now();
      library.list({ person, filters: { queue: 'signed' }, offset: Math.floor(count / 2), limit: 60 });
      deep.push(performance.now() - t);
    }
    report.add(`${name}.list.warm`, median(warm), 'ms');
    report.add(`${name}.list.warm.half-way-down`, median(deep), 'ms');

    const times: Record<'zh' | 'en', number[]> = { zh: [], en: [] };
    for (const q of QUERIES) library.search({ query: q.query, person });
    for (let round = 0; round < 3 * rounds; round++) {
      for (const q of QUERIES) {
        const t = performance.now();
        library.search({ query: q.query, person });
        times[q.language].push(performance.now() - t);
      }
    }
    for (const language of ['zh', 'en'] as const) {
      report.add(`${name}.search.${language}.p50`, median(times[language]), 'ms');
      report.add(`${name}.search.${language}.p95`, percentile(times[language], 95), 'ms', atMost(size.search));
    }

    // A save through the services, signed by the article's author, until the index holds it.
    const saves: number[] = [];
    const indexing: number[] = [];
    for (let i = 0; i < 5; i++) {
      const id = library.list({ limit: 1, offset: i * 7 }).rows[0]!.id;
      const article = await workspace.get(id);
      const author = benchWriter(ed, corpusPeople().findIndex((p) => p.id === article.authorId));
      const actor = { key: new UnlockedKey(author.id, author.signer.keyid, author.keys.publicKey, author.keys.secretKey.slice()), person: corpusPeople().find((p) => p.id === article.authorId)! };
      const { channel, headline, deck, byline, language, body } = article;
      const content = { channel, headline, deck, byline, language, body: { root: { ...body.root, children: [...(body.root.children ?? []), paragraphNode(`更正 ${Date.now()}`)] } } };
      const t = performance.now();
      await workspace.articles.save(actor, id, article.head, content);
      const saved = performance.now();
      await library.caughtUp();
      saves.push(performance.now() - t);
      indexing.push(performance.now() - saved);
    }
    report.add(`${name}.update.one-save`, median(saves), 'ms');
    report.add(`${name}.update.index-part`, median(indexing), 'ms');
  } finally {
    library.close();
  }

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
    // NEWSROOM_BENCH_LIBRARY_MAX=10000 measures the smaller workspace only (the larger takes long to make).
    const max = Number(process.env.NEWSROOM_BENCH_LIBRARY_MAX ?? Infinity);
    for (const size of SIZES.filter((s) => s.count <= max)) await measureSize(report, size, rounds, log);
  },
};

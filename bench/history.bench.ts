/**
 * History suite: 1,000 revisions of a 20,000-character article recorded through the real
 * HistoryStore on a temporary folder — bytes on disk against a full copy per revision, time
 * to list the history and to load revisions — and the diff of the first and last of 1,000
 * revisions of the 200,000-character, 50-figure article. Plain Node: no browser needed.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetCachedIndexes, HistoryStore, SNAPSHOT_EVERY } from '../src/main/services/history';
import type { ArticleContent } from '../src/shared/article/article';
import { bodyPlainText } from '../src/shared/article/body-walk';
import { diffArticles } from '../src/shared/history/article-diff';
import type { RevisionKind } from '../src/shared/history/revision';
import { onAbort } from './cleanup';
import { seededRandom } from './generate-article';
import { generateRevisions } from './generate-revisions';
import { atLeast, atMost, median, percentile, type Report } from './report';
import type { Suite, SuiteOptions } from './suite';

const REVISIONS = 1_000;
const LOADS_PER_ROUND = 50;
const LISTS_PER_ROUND = 10;
const DIFFS_PER_ROUND = 5;
/** A full copy on disk takes whole blocks, as a history file does. */
const BLOCK = 4096;

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function stats(values: number[]): Stats {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

async function timeAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

async function diskUse(dir: string): Promise<{ bytes: number; allocated: number; files: number }> {
  let bytes = 0;
  let allocated = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const info = await stat(join(entry.parentPath, entry.name));
    bytes += info.size;
    allocated += info.blocks * 512;
    files++;
  }
  return { bytes, allocated, files };
}

/** What the workspace writes for one version of the article (article.json holds this and a few fields more). */
function fullCopyBytes(content: ArticleContent): number {
  return Buffer.byteLength(`${JSON.stringify(content)}\n`);
}

async function historyFigures(report: Report, { rounds, log }: SuiteOptions): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'newsroom-bench-history-'));
  const forget = onAbort(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const contents = generateRevisions({ targetChars: 20_000, figures: 5, revisions: REVISIONS - 1 });
    const store = new HistoryStore(dir);
    const kinds: RevisionKind[] = ['auto', 'auto', 'auto', 'auto', 'save'];
    log(`recording ${contents.length} revisions…`);
    let fullBytes = 0;
    let fullAllocated = 0;
    const recordTimes: number[] = [];
    for (const [i, content] of contents.entries()) {
      const copy = fullCopyBytes(content);
      fullBytes += copy;
      fullAllocated += Math.ceil(copy / BLOCK) * BLOCK;
      const kind = i % 100 === 99 ? 'milestone' : kinds[i % kinds.length]!;
      const [, ms] = await timeAsync(() =>
        store.record({
          content,
          author: 'u-bench000',
          authorName: 'Bench',
          stage: 'draft',
          kind,
          ...(kind === 'milestone' ? { action: 'submit' as const } : {}),
          at: new Date(Date.UTC(2024, 5, 1, 8) + i * 60_000),
        }),
      );
      recordTimes.push(ms);
    }
    const list = await store.list();
    if (list.length !== REVISIONS) throw new Error(`expected ${REVISIONS} revisions, found ${list.length}`);
    const disk = await diskUse(dir);
    report.add('history.article.characters', bodyPlainText(contents[0]!.body).length, 'chars');
    report.add('history.revisions', list.length, 'revisions');
    report.add('history.snapshot-every', SNAPSHOT_EVERY, 'revisions');
    report.add('history.full-copies.bytes', fullBytes, 'bytes');
    report.add('history.disk.bytes', disk.bytes, 'bytes');
    report.add('history.disk.files', disk.files, 'files');
    report.add('history.disk.ratio', fullBytes / disk.bytes, 'x smaller', atLeast(50));
    // On a file system with 4 KiB blocks, as allocated (du) rather than as written.
    report.add('history.disk.allocated', disk.allocated, 'bytes');
    report.add('history.disk.ratio-allocated', fullAllocated / disk.allocated, 'x smaller');
    report.add('history.record.p50', percentile(recordTimes, 50), 'ms');
    report.add('history.record.p95', percentile(recordTimes, 95), 'ms');

    const random = seededRandom(1000);
    const listCold: number[] = [];
    const listWarm: number[] = [];
    const loads: Stats[] = [];
    const coldLoads: Stats[] = [];
    for (let round = 1; round <= rounds; round++) {
      log(`history round ${round}/${rounds}`);
      const roundCold: number[] = [];
      const roundWarm: number[] = [];
      for (let i = 0; i < LISTS_PER_ROUND; i++) {
        forgetCachedIndexes();
        roundCold.push((await timeAsync(() => new HistoryStore(dir).list()))[1]);
        roundWarm.push((await timeAsync(() => new HistoryStore(dir).list()))[1]);
      }
      listCold.push(median(roundCold));
      listWarm.push(median(roundWarm));

      // As the history panel does: list, then open revisions.
      const panel = new HistoryStore(dir);
      await panel.list();
      const loadTimes: number[] = [];
      const coldTimes: number[] = [];
      for (let i = 0; i < LOADS_PER_ROUND; i++) {
        const n = 1 + Math.floor(random() * REVISIONS);
        const [content, ms] = await timeAsync(() => panel.load(n));
        if (content.headline !== contents[n - 1]!.headline) throw new Error(`revision ${n} loaded wrong`);
        loadTimes.push(ms);
        forgetCachedIndexes();
        coldTimes.push((await timeAsync(() => new HistoryStore(dir).load(1 + Math.floor(random() * REVISIONS))))[1]);
      }
      loads.push(stats(loadTimes));
      coldLoads.push(stats(coldTimes));
    }
    const statOf = (list: Stats[], key: keyof Stats) => median(list.map((s) => s[key]));
    report.add('history.list.cold', median(listCold), 'ms', atMost(50));
    report.add('history.list.warm', median(listWarm), 'ms');
    report.add('history.load.p50', statOf(loads, 'p50'), 'ms');
    report.add('history.load.p95', statOf(loads, 'p95'), 'ms', atMost(20));
    report.add('history.load.max', statOf(loads, 'max'), 'ms', atMost(20));
    report.add('history.load.cold.p50', statOf(coldLoads, 'p50'), 'ms');
    report.add('history.load.cold.p95', statOf(coldLoads, 'p95'), 'ms');
    report.add('history.load.cold.max', statOf(coldLoads, 'max'), 'ms');
    const [check, verifyMs] = await timeAsync(() => new HistoryStore(dir).verify());
    if (!check.ok) throw new Error(`the benchmark history does not verify: ${check.problems[0]?.problem ?? ''}`);
    report.add('history.verify', verifyMs, 'ms');
  } finally {
    await rm(dir, { recursive: true, force: true }).finally(forget);
  }
}

function diffFigures(report: Report, { rounds, log }: SuiteOptions): void {
  log('generating 1,000 revisions of the 200,000-character article…');
  const contents = generateRevisions({ targetChars: 200_000, figures: 50, revisions: REVISIONS - 1 });
  const first = contents[0]!;
  const last = contents[contents.length - 1]!;
  // Warm up the JIT and the segmenter, as a second comparison in the panel would be.
  const [diff] = time(() => diffArticles(first, last, first.language));
  diffArticles(first, last, first.language);
  const times: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (let i = 0; i < DIFFS_PER_ROUND; i++) times.push(time(() => diffArticles(first, last, first.language))[1]);
  }
  const { summary } = diff;
  report.add('history.diff.article.characters', bodyPlainText(first.body).length, 'chars');
  report.add('history.diff.p50', percentile(times, 50), 'ms', atMost(100));
  report.add('history.diff.max', Math.max(...times), 'ms');
  report.note(
    `history diff, first vs last of ${REVISIONS} revisions: ${diff.body.length} entries; ${summary.blocksChanged} blocks changed, ` +
      `${summary.blocksAdded} added, ${summary.blocksRemoved} removed, ${summary.moved} moved; figures ${summary.figuresChanged} changed, ` +
      `${summary.figuresAdded} added, ${summary.figuresRemoved} removed; ${summary.insertions} characters inserted, ${summary.deletions} deleted`,
  );
}

async function run(report: Report, options: SuiteOptions): Promise<void> {
  report.note(`history suite: ${options.rounds} round(s); ${LOADS_PER_ROUND} random loads and ${LISTS_PER_ROUND} lists per round; diff timed ${DIFFS_PER_ROUND}× per round`);
  await historyFigures(report, options);
  diffFigures(report, options);
}

export const historySuite: Suite = { name: 'history', run };

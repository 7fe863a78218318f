import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ArticleContentSchema, type ArticleContent } from '../../../shared/article/article';
import { contentHash } from '../../../shared/article/canonical';
import { pendingSuggestionsKey } from '../../../shared/suggestions/list';
import { AppFailure } from '../../../shared/contract/errors';
import { RevisionSchema, type Revision, type RevisionKind } from '../../../shared/history/revision';
import type { ReviewActionName } from '../../../shared/review/records';
import type { Stage } from '../../../shared/review/stages';
import { logEndNotices } from '../../../shared/files/log-text';
import { appendLine } from '../append-log';
import { setAsideFiles } from '../set-aside';
import { isTempFile, realSteps, writeFileAtomic, type AtomicWriteSteps } from '../atomic-write';
import { KeyedQueue } from '../keyed-queue';
import { blobProblem, decodeBlob, encodeBlob, sha256Bytes, type BlobBody } from './blob';
import { applyDelta, makeDelta, type DeltaOp } from './delta';
import { contentLines, linesContent, linesText } from './doc-lines';
import { entryLine, lineHash, parseIndex, toRevision, ZERO_HASH, type IndexEntry, type ParsedIndex } from './index-log';

export const HISTORY_DIR = 'history';
export const HISTORY_INDEX = 'index.jsonl';
export const HISTORY_BLOBS = 'blobs';
/** A full snapshot at least every this many revisions: a load replays at most K − 1 deltas. */
export const SNAPSHOT_EVERY = 32;
/** A delta whose JSON is larger than this share of the full lines is stored as a snapshot instead. */
const DELTA_MAX_SHARE = 0.5;
/** A delta up to this many characters of JSON is kept in its index line; a larger one gets a blob. */
export const INLINE_DELTA_MAX = 4096;
const STALE_TEMP_MS = 10 * 60 * 1000;

/** The file operations a record performs; tests swap them to interrupt it at each step. */
export interface HistoryIo {
  /** Steps of the atomic write of a new blob. */
  writeSteps: AtomicWriteSteps;
  /** Appends one line to the index and flushes it. */
  appendLine(path: string, line: string): Promise<void>;
}

export interface HistoryStoreOptions {
  snapshotEvery?: number;
  io?: Partial<HistoryIo>;
}

export interface RecordArgs {
  content: ArticleContent;
  /** Person id of whoever made this copy. */
  author: string;
  authorName: string;
  stage: Stage;
  kind: RevisionKind;
  label?: string;
  /** For milestones: the review action that records the revision. */
  action?: ReviewActionName;
  /** When the revision is recorded (ISO 8601 or a Date). */
  at: string | Date;
}

export interface HistoryProblem {
  /** The revision concerned, when known. */
  n: number | null;
  /** The line of index.jsonl concerned, when there is one. */
  line: number | null;
  problem: string;
}

export interface HistoryCheck {
  ok: boolean;
  /** Revisions listed in the index. */
  revisions: number;
  problems: HistoryProblem[];
}

export interface HistoryRead {
  revisions: Revision[];
  /** Lines of the index that cannot be read (an unfinished last line is a notice, not a problem). */
  problems: HistoryProblem[];
  /** The index's end: an unfinished last line (set aside at the next append), and lines set aside before. */
  notices: string[];
  /** Listed revisions that cannot be rebuilt, because a blob they need is missing or damaged. */
  damaged: Array<{ n: number; problem: string }>;
}

/** Records of one history folder run one at a time, however many stores are made for it. */
const queue = new KeyedQueue();

/**
 * Parsed indexes by path, reused while the file keeps its size, time and inode: the index
 * only ever grows, so a history panel that lists and then loads reads the index once.
 */
const indexCache = new Map<string, { size: number; mtimeMs: number; ino: number; parsed: ParsedIndex }>();
const INDEX_CACHE_SIZE = 16;

/** Forgets the parsed indexes kept between calls (benchmarks use it to time a cold read). */
export function forgetCachedIndexes(): void {
  indexCache.clear();
}

/**
 * An article's revision history, in `articles/<id>/history/` (docs/storage.md, "Revision
 * history"): an append-only index with one line per revision, a full snapshot every K
 * revisions in a content-addressed, gzip-compressed blob, and between snapshots a line delta
 * against the previous revision — in the index line itself when small, else in a blob.
 * Nothing once written is ever changed; a crash at any point loses at most the revision
 * being recorded.
 */
export class HistoryStore {
  readonly dir: string;
  readonly indexPath: string;
  readonly blobDir: string;
  private readonly snapshotEvery: number;
  private readonly io: HistoryIo;
  /** The lines of the latest revision this store wrote or read, to make the next delta. */
  private head: { n: number; state: string; lines: string[] } | null = null;

  constructor(articleDir: string, options: HistoryStoreOptions = {}) {
    this.dir = resolve(articleDir, HISTORY_DIR);
    this.indexPath = join(this.dir, HISTORY_INDEX);
    this.blobDir = join(this.dir, HISTORY_BLOBS);
    this.snapshotEvery = options.snapshotEvery ?? SNAPSHOT_EVERY;
    if (!Number.isInteger(this.snapshotEvery) || this.snapshotEvery < 1) throw new Error('snapshotEvery must be a positive whole number');
    this.io = { writeSteps: realSteps, appendLine, ...options.io };
  }

  /** Every readable revision, oldest first. Reads only the index. */
  async list(): Promise<Revision[]> {
    return (await this.read()).revisions;
  }

  /**
   * The revisions, any unreadable lines of the index, and the revisions that cannot be rebuilt:
   * every blob is checked against its name (each blob once while it keeps its size and time).
   */
  async read(): Promise<HistoryRead> {
    const index = await this.readIndex();
    return {
      revisions: index.entries.map(toRevision),
      problems: indexProblems(index),
      notices: logEndNotices(`${HISTORY_DIR}/${HISTORY_INDEX}`, index.unfinished, (await setAsideFiles(this.indexPath)).map((name) => `${HISTORY_DIR}/${name}`)),
      damaged: await this.unbuildable(index.entries),
    };
  }

  async latest(): Promise<Revision | null> {
    const { entries } = await this.readIndex();
    const last = entries[entries.length - 1];
    return last ? toRevision(last) : null;
  }

  /** The content of revision `n`, rebuilt and checked against its hashes. */
  async load(n: number): Promise<ArticleContent> {
    const index = await this.readIndex();
    const entry = index.entries.find((e) => e.n === n);
    if (!entry) throw new AppFailure('not-found', `there is no revision ${n} in this article's history`);
    return (await this.loadLines(index.entries, entry)).content;
  }

  /**
   * Stores a new revision and returns it. An automatic revision whose content hash and pending
   * suggestions equal the latest revision's is not stored: the latest revision is returned
   * instead (same `n`).
   */
  async record(args: RecordArgs): Promise<Revision> {
    if (args.at instanceof Date && Number.isNaN(args.at.getTime())) throw new AppFailure('invalid-input', 'the revision time is not a valid date');
    const at = typeof args.at === 'string' ? args.at : args.at.toISOString();
    if (!ArticleContentSchema.safeParse(args.content).success) throw new AppFailure('invalid-input', 'the revision content is not a valid article');
    const hash = contentHash(args.content);
    return queue.run(this.dir, async () => {
      const index = await this.readIndex();
      const latest = index.entries[index.entries.length - 1];
      // The same copy with the same pending suggestions is no new revision; a suggestion made or
      // withdrawn is one, though the copy (and so its hash) is the same.
      if (args.kind === 'auto' && latest && latest.contentHash === hash) {
        const previous = (await this.loadLines(index.entries, latest)).content;
        if (pendingSuggestionsKey(previous) === pendingSuggestionsKey(args.content)) return toRevision(latest);
      }

      const meta = RevisionSchema.safeParse({
        n: (latest?.n ?? 0) + 1,
        at,
        author: args.author,
        authorName: args.authorName,
        stage: args.stage,
        kind: args.kind,
        ...(args.label ? { label: args.label } : {}),
        ...(args.action ? { action: args.action } : {}),
        contentHash: hash,
      });
      if (!meta.success) {
        const issue = meta.error.issues[0];
        throw new AppFailure('invalid-input', `the revision is not valid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
      }
      if (meta.data.action !== undefined && meta.data.kind !== 'milestone') throw new AppFailure('invalid-input', 'only a milestone names a review action');

      const lines = contentLines(args.content);
      const state = sha256Bytes(linesText(lines));
      const base = latest ? await this.deltaBase(index.entries, latest) : null;
      let ops: DeltaOp[] | null = null;
      let opsSize = 0;
      if (base) {
        const delta = makeDelta(base.lines, lines);
        opsSize = JSON.stringify(delta).length;
        if (opsSize <= DELTA_MAX_SHARE * JSON.stringify(lines).length) ops = delta;
      }
      const entry: IndexEntry = { ...meta.data, base: ops ? latest!.n : null, state, prev: lineHash(index.lines[index.lines.length - 1]) };
      await mkdir(this.blobDir, { recursive: true });
      if (ops && opsSize <= INLINE_DELTA_MAX) {
        entry.delta = ops;
      } else {
        const blob = encodeBlob(ops ? { v: 1, t: 'delta', ops } : { v: 1, t: 'snapshot', lines });
        await this.storeBlob(blob.id, blob.bytes);
        entry.blob = blob.id;
      }
      await this.io.appendLine(this.indexPath, entryLine(entry));
      this.head = { n: entry.n, state, lines };
      return toRevision(entry);
    });
  }

  /**
   * Checks the whole history: the index reads and its lines link up, every blob is present and
   * matches its name, and every revision rebuilds to its recorded state and content hash.
   */
  async verify(): Promise<HistoryCheck> {
    const index = await this.readIndex({ fresh: true });
    const problems = indexProblems(index);
    const lineOf = new Map(index.entries.map((entry, i) => [entry, index.lineOf[i]!]));
    const entryAt = new Map(index.entries.map((entry, i) => [index.lineOf[i]!, entry]));
    index.lines.forEach((_line, i) => {
      const entry = entryAt.get(i + 1);
      if (!entry) return;
      if (entry.prev !== lineHash(index.lines[i - 1])) {
        problems.push({ n: entry.n, line: i + 1, problem: i === 0 && entry.prev !== ZERO_HASH ? 'the first line of the index is missing' : 'the line before it was changed or removed' });
      }
    });

    // Revisions are rebuilt in order; each one's lines are kept only until the last revision
    // built on them, and blobs are read as they come, so memory stays that of a few revisions.
    const uses = new Map<number, number>();
    for (const entry of index.entries) if (entry.base !== null) uses.set(entry.base, (uses.get(entry.base) ?? 0) + 1);
    const rebuilt = new Map<number, string[] | null>();
    const seen = new Set<number>();
    for (const entry of index.entries) {
      let lines: string[] | null = null;
      try {
        let change: BlobBody;
        if (entry.blob === undefined) change = { v: 1, t: 'delta', ops: entry.delta! };
        else {
          let bytes: Uint8Array;
          try {
            bytes = await readFile(join(this.blobDir, entry.blob));
          } catch (error) {
            throw new Error(`blob ${entry.blob}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is missing' : (error as Error).message}`);
          }
          try {
            change = decodeBlob(entry.blob, bytes);
          } catch (error) {
            throw new Error(`blob ${entry.blob}: ${(error as Error).message}`);
          }
        }
        lines = rebuild(entry, change, (base) => {
          if (!seen.has(base)) throw new Error(`its base revision ${base} is not in the index`);
          const baseLines = rebuilt.get(base);
          if (!baseLines) throw new Error(`its base revision ${base} cannot be rebuilt`);
          return baseLines;
        });
        checkRebuilt(entry, lines);
      } catch (error) {
        lines = null;
        problems.push({ n: entry.n, line: lineOf.get(entry) ?? null, problem: (error as Error).message });
      }
      if (entry.base !== null) {
        const left = (uses.get(entry.base) ?? 1) - 1;
        uses.set(entry.base, left);
        if (left <= 0) rebuilt.delete(entry.base);
      }
      seen.add(entry.n);
      if ((uses.get(entry.n) ?? 0) > 0) rebuilt.set(entry.n, lines);
    }
    return { ok: problems.length === 0, revisions: index.entries.length, problems };
  }

  /** Removes temp files of blob writes interrupted more than `olderThanMs` ago. */
  async removeStaleTemps(now: Date, olderThanMs = STALE_TEMP_MS): Promise<number> {
    const names = await readdir(this.blobDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter(isTempFile)) {
      const path = join(this.blobDir, name);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && now.getTime() - info.mtimeMs > olderThanMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Revisions whose blob, or whose base's, is missing or does not match its name, in order. */
  private async unbuildable(entries: readonly IndexEntry[]): Promise<Array<{ n: number; problem: string }>> {
    const blobProblems = new Map<string, string | null>();
    await Promise.all(
      [...new Set(entries.flatMap((e) => (e.blob === undefined ? [] : [e.blob])))].map(async (id) => blobProblems.set(id, await blobProblem(join(this.blobDir, id), id))),
    );
    const listed = new Set(entries.map((e) => e.n));
    const out: Array<{ n: number; problem: string }> = [];
    const damaged = new Set<number>();
    for (const entry of entries) {
      const own = entry.blob === undefined ? null : blobProblems.get(entry.blob);
      let problem: string | null = own ? `${HISTORY_DIR}/${HISTORY_BLOBS}/${entry.blob} ${own}` : null;
      if (!problem && entry.base !== null && (!listed.has(entry.base) || damaged.has(entry.base))) problem = `it is built on revision ${entry.base}, which cannot be rebuilt`;
      if (problem) {
        damaged.add(entry.n);
        out.push({ n: entry.n, problem });
      }
    }
    return out;
  }

  /** The parsed index; `fresh` reads the file even when the cached parse looks current. */
  private async readIndex({ fresh = false } = {}): Promise<ParsedIndex> {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(this.indexPath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return parseIndex('');
      throw error;
    }
    try {
      const info = await handle.stat();
      const cached = indexCache.get(this.indexPath);
      if (!fresh && cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs && cached.ino === info.ino) return cached.parsed;
      const bytes = await handle.readFile();
      const parsed = parseIndex(bytes.toString('utf8'));
      // Cache only what matches the stat: an append racing the read is read again next time.
      if (bytes.length === info.size) {
        indexCache.delete(this.indexPath);
        indexCache.set(this.indexPath, { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, parsed });
        if (indexCache.size > INDEX_CACHE_SIZE) indexCache.delete(indexCache.keys().next().value!);
      }
      return parsed;
    } finally {
      await handle.close();
    }
  }

  /** The lines of `latest` for a delta, or null when a snapshot is due or `latest` cannot be rebuilt. */
  private async deltaBase(entries: readonly IndexEntry[], latest: IndexEntry): Promise<{ lines: string[] } | null> {
    if (chainOf(entries, latest, this.snapshotEvery).length >= this.snapshotEvery) return null;
    if (this.head && this.head.n === latest.n && this.head.state === latest.state) return this.head;
    try {
      return await this.loadLines(entries, latest);
    } catch {
      // Never build on a revision that cannot be read back: start afresh with a snapshot.
      return null;
    }
  }

  private async loadLines(entries: readonly IndexEntry[], entry: IndexEntry): Promise<{ lines: string[]; content: ArticleContent }> {
    const chain = chainOf(entries, entry, Number.POSITIVE_INFINITY);
    const first = chain[chain.length - 1]!;
    if (first.base !== null) throw damaged(entry.n, `its base revision ${first.base} is not in the index`);
    const changes = await Promise.all(
      chain.map((link): BlobBody | Promise<BlobBody> => (link.blob === undefined ? { v: 1, t: 'delta', ops: link.delta! } : this.readBlob(entry.n, link.blob))),
    );
    let lines: string[] = [];
    for (let i = chain.length - 1; i >= 0; i--) {
      try {
        lines = rebuild(chain[i]!, changes[i]!, () => lines);
      } catch (error) {
        throw damaged(entry.n, `revision ${chain[i]!.n}: ${(error as Error).message}`);
      }
    }
    let content: ArticleContent;
    try {
      content = checkRebuilt(entry, lines);
    } catch (error) {
      throw damaged(entry.n, (error as Error).message);
    }
    if (entry.n === entries[entries.length - 1]?.n) this.head = { n: entry.n, state: entry.state, lines };
    return { lines, content };
  }

  private async readBlob(n: number, id: string): Promise<BlobBody> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(this.blobDir, id));
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw damaged(n, `blob ${id} ${missing ? 'is missing' : `cannot be read (${(error as Error).message})`}`);
    }
    try {
      return decodeBlob(id, bytes);
    } catch (error) {
      throw damaged(n, `blob ${id}: ${(error as Error).message}`);
    }
  }

  /** Writes a blob unless an intact copy is already there (blobs are shared by equal content). */
  private async storeBlob(id: string, bytes: Uint8Array): Promise<void> {
    const path = join(this.blobDir, id);
    const existing = await readFile(path).catch(() => null);
    if (existing && sha256Bytes(existing) === id) return;
    await writeFileAtomic(path, bytes, this.io.writeSteps);
  }
}

/** `entry`, its base, its base's base… down to the snapshot (or as far as the index goes). */
function chainOf(entries: readonly IndexEntry[], entry: IndexEntry, limit: number): IndexEntry[] {
  const byN = new Map<number, IndexEntry>();
  for (const e of entries) byN.set(e.n, e);
  const chain = [entry];
  let link = entry;
  while (link.base !== null && chain.length <= limit) {
    const base = byN.get(link.base);
    if (!base) break;
    chain.push(base);
    link = base;
  }
  return chain;
}

/** Applies one stored change: a snapshot gives its lines, a delta applies to its base's lines. */
function rebuild(entry: IndexEntry, change: BlobBody, baseLines: (base: number) => string[]): string[] {
  if (entry.base === null) {
    if (change.t !== 'snapshot') throw new Error(`blob ${entry.blob ?? ''} is a delta but the revision is a snapshot`);
    return change.lines;
  }
  if (change.t !== 'delta') throw new Error(`blob ${entry.blob ?? ''} is a snapshot but the revision is a delta`);
  return applyDelta(baseLines(entry.base), change.ops);
}

/** Checks rebuilt lines against the entry's state hash and content hash; returns the content. */
function checkRebuilt(entry: IndexEntry, lines: readonly string[]): ArticleContent {
  if (sha256Bytes(linesText(lines)) !== entry.state) throw new Error('the rebuilt revision does not match its recorded state hash');
  const content = linesContent(lines);
  if (contentHash(content) !== entry.contentHash) throw new Error('the rebuilt revision does not match its content hash');
  return content;
}

function damaged(n: number, detail: string): AppFailure {
  return new AppFailure('damaged', `history revision ${n}: ${detail}. The history files were left untouched.`);
}

function indexProblems(index: ParsedIndex): HistoryProblem[] {
  return index.problems.map((p) => ({ n: null, line: p.line, problem: `${HISTORY_INDEX} line ${p.line}: ${p.problem}` }));
}

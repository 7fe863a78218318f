/**
 * The content of an article's signed revisions (`articles/<id>/blobs/`): stored as lines
 * (history/doc-lines.ts), a snapshot every SNAPSHOT_EVERY revisions along a chain and a delta
 * against the revision it was made from otherwise — inline in the event when small, in a
 * content-addressed gzip blob when not. The same machinery as format 1's history.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleContentSchema, type ArticleContent } from '../../../shared/article/article';
import { contentHash } from '../../../shared/article/canonical';
import { AppFailure } from '../../../shared/contract/errors';
import type { DeltaOp } from '../../../shared/history/delta-ops';
import { MAX_INLINE_OPS, type RevisionEvent, type SignedRevision } from '../../../shared/identity/revision-event';
import { writeFileAtomic } from '../atomic-write';
import { blobProblem, decodeBlob, encodeBlob, sha256Bytes, type BlobBody } from '../history/blob';
import { applyDelta, makeDelta } from '../history/delta';
import { contentLines, linesContent, linesText } from '../history/doc-lines';
import { INLINE_DELTA_MAX, SNAPSHOT_EVERY } from '../history/history-store';

export const BLOBS_DIR = 'blobs';
/** A delta whose JSON is larger than this share of the full lines is stored as a snapshot instead. */
const DELTA_MAX_SHARE = 0.5;

/** What a revision event says about where its content is. */
export type StoredFields = Pick<RevisionEvent, 'contentHash' | 'state' | 'base' | 'delta' | 'blob'>;

interface Built {
  lines: string[];
  /** Delta links from this revision down to its snapshot (0 for a snapshot). */
  depth: number;
}

/** Rebuilt revisions by id: a revision's id names its bytes, so its lines never change. */
const rebuilt = new Map<string, Built>();
const REBUILT_KEPT = 64;

function remember(id: string, built: Built): void {
  rebuilt.delete(id);
  rebuilt.set(id, built);
  if (rebuilt.size > REBUILT_KEPT) rebuilt.delete(rebuilt.keys().next().value!);
}

/** The hash of a copy as stored, annotation anchors included: what tells a saved copy apart from one that only moved a mark. */
export function storedState(content: ArticleContent): string {
  return sha256Bytes(linesText(contentLines(content)));
}

export class RevisionContent {
  readonly blobDir: string;

  constructor(articleDir: string) {
    this.blobDir = join(articleDir, BLOBS_DIR);
  }

  /**
   * How to store `content` as a revision made from `base` (null for the first): a delta when
   * it is small and the chain is not due a snapshot, else a snapshot. Writes the blob, if one
   * is needed, before the event that names it is appended.
   */
  async store(content: ArticleContent, base: { id: string; revisions: ReadonlyMap<string, SignedRevision> } | null): Promise<StoredFields> {
    const lines = contentLines(content);
    const state = storedState(content);
    const hash = contentHash(content);
    let ops: DeltaOp[] | null = null;
    if (base) {
      const from = await this.lines(base.revisions, base.id).catch(() => null);
      if (from && from.depth + 1 < SNAPSHOT_EVERY) {
        const delta = makeDelta(from.lines, lines);
        if (JSON.stringify(delta).length <= DELTA_MAX_SHARE * JSON.stringify(lines).length) ops = delta;
      }
    }
    if (ops && base && JSON.stringify(ops).length <= INLINE_DELTA_MAX && ops.length <= MAX_INLINE_OPS) return { contentHash: hash, state, base: base.id, delta: ops };
    const blob = encodeBlob(ops ? { v: 1, t: 'delta', ops } : { v: 1, t: 'snapshot', lines });
    await this.writeBlob(blob.id, blob.bytes);
    return { contentHash: hash, state, base: ops && base ? base.id : null, blob: blob.id };
  }

  /** Tells the cache the lines of a revision just written, so the next delta needs no rebuild. */
  written(id: string, content: ArticleContent, fields: StoredFields, revisions: ReadonlyMap<string, SignedRevision>): void {
    const baseDepth = fields.base ? (rebuilt.get(fields.base)?.depth ?? chainDepth(revisions, fields.base)) : -1;
    remember(id, { lines: contentLines(content), depth: baseDepth + 1 });
  }

  /**
   * The content of revision `id`, rebuilt and checked against its hashes, then read as the
   * editor would make it: a revision is only as safe as whoever signed it (another desk, another
   * version of the app, a key used outside it), so a hostile style or link is dropped here too.
   */
  async load(revisions: ReadonlyMap<string, SignedRevision>, id: string): Promise<ArticleContent> {
    const checked = ArticleContentSchema.safeParse(linesContent((await this.lines(revisions, id)).lines));
    if (!checked.success) throw new AppFailure('damaged', `revision ${id.slice(0, 12)} is not a valid article: ${checked.error.issues[0]?.message ?? 'unknown problem'}`);
    const { channel, headline, deck, byline, language, body } = checked.data;
    return { channel, headline, deck, byline, language, body };
  }

  /** Revisions that cannot be rebuilt: a blob they need is missing or damaged, or their base is not a revision here. */
  async unbuildable(ordered: readonly SignedRevision[]): Promise<Array<{ id: string; problem: string }>> {
    const known = new Set<string>();
    const broken = new Map<string, string>();
    for (const revision of ordered) {
      const { base, blob } = revision.event;
      let problem: string | null = null;
      if (blob) {
        const fault = await blobProblem(join(this.blobDir, blob), blob);
        if (fault) problem = `${BLOBS_DIR}/${blob} ${fault}`;
      }
      if (!problem && base !== null && !known.has(base)) problem = 'it is built on a revision that is not in the log';
      if (!problem && base !== null && broken.has(base)) problem = 'it is built on a revision that cannot be rebuilt';
      if (problem) broken.set(revision.id, problem);
      known.add(revision.id);
    }
    return [...broken].map(([id, problem]) => ({ id, problem }));
  }

  private async lines(revisions: ReadonlyMap<string, SignedRevision>, id: string): Promise<Built> {
    const cached = rebuilt.get(id);
    if (cached) return cached;
    // Down the chain to a snapshot or a revision already rebuilt, then back up.
    const chain: SignedRevision[] = [];
    let start: Built | null = null;
    for (let at: string | null = id; at !== null; ) {
      const known = rebuilt.get(at);
      if (known) {
        start = known;
        break;
      }
      const revision = revisions.get(at);
      if (!revision) throw damaged(id, `revision ${at.slice(0, 12)}… is not in the log`);
      chain.push(revision);
      if (chain.length > revisions.size) throw damaged(id, 'its chain of revisions loops');
      at = revision.event.base;
    }
    let built = start;
    for (let i = chain.length - 1; i >= 0; i--) {
      const revision = chain[i]!;
      const body: BlobBody = revision.event.blob ? await this.readBlob(id, revision.event.blob) : { v: 1, t: 'delta', ops: revision.event.delta! };
      let lines: string[];
      try {
        if (revision.event.base === null) {
          if (body.t !== 'snapshot') throw new Error('a snapshot revision names a delta blob');
          lines = body.lines;
        } else {
          if (body.t !== 'delta') throw new Error('a delta revision names a snapshot blob');
          lines = applyDelta(built!.lines, body.ops);
        }
      } catch (error) {
        throw damaged(id, `revision ${revision.id.slice(0, 12)}…: ${(error as Error).message}`);
      }
      if (sha256Bytes(linesText(lines)) !== revision.event.state) throw damaged(id, `revision ${revision.id.slice(0, 12)}… does not match its recorded state hash`);
      built = { lines, depth: revision.event.base === null ? 0 : built!.depth + 1 };
      if (i === 0) remember(revision.id, built);
    }
    const last = chain[0] ?? null;
    if (last) {
      let content: ArticleContent;
      try {
        content = linesContent(built!.lines);
      } catch (error) {
        throw damaged(id, (error as Error).message);
      }
      if (contentHash(content) !== last.event.contentHash) throw damaged(id, 'the rebuilt copy does not match its content hash');
    }
    return built!;
  }

  private async readBlob(id: string, blob: string): Promise<BlobBody> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(this.blobDir, blob));
    } catch (error) {
      throw damaged(id, `${BLOBS_DIR}/${blob} ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read (${(error as Error).message})`}`);
    }
    try {
      return decodeBlob(blob, bytes);
    } catch (error) {
      throw damaged(id, `${BLOBS_DIR}/${blob}: ${(error as Error).message}`);
    }
  }

  /** Writes a blob unless an intact copy is already there (equal content is stored once). */
  private async writeBlob(id: string, bytes: Uint8Array): Promise<void> {
    const path = join(this.blobDir, id);
    const existing = await readFile(path).catch(() => null);
    if (existing && sha256Bytes(existing) === id) return;
    await mkdir(this.blobDir, { recursive: true });
    await writeFileAtomic(path, bytes);
  }
}

/** Delta links from `id` down to its snapshot, as the events say. */
function chainDepth(revisions: ReadonlyMap<string, SignedRevision>, id: string): number {
  let depth = 0;
  for (let at = revisions.get(id); at && at.event.base !== null && depth <= revisions.size; at = revisions.get(at.event.base)) depth++;
  return depth;
}

function damaged(id: string, detail: string): AppFailure {
  return new AppFailure('damaged', `revision ${id.slice(0, 12)}… cannot be rebuilt: ${detail}. The article's files were left untouched.`);
}

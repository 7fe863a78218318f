/**
 * What this desk has seen of a workspace's signed logs, kept in the app's data folder (outside
 * the workspace, where a sync service or someone with the folder cannot roll it back): the
 * genesis it trusts and, per log file, the newest line it has seen.
 */
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { splitLog } from '../../../shared/files/log-text';
import { HEX_64 } from '../../../shared/identity/bytes';
import { WORKSPACE_ID_PATTERN } from '../../../shared/identity/roster-events';
import type { SeenLogs } from '../../../shared/identity/watermarks';
import { z } from '../../../shared/zod';
import { writeJsonAtomic } from '../atomic-write';
import { readJsonFile } from '../json-file';

export const SEEN_DIR = 'seen';

const SeenFileSchema = z.strictObject({
  format: z.literal(1),
  /** The genesis line hash this desk trusts for the workspace. */
  genesis: z.string().regex(HEX_64).nullable(),
  logs: z.record(z.string().max(300), z.strictObject({ count: z.number().int().min(1), hash: z.string().regex(HEX_64) })),
});

export interface SeenState {
  genesis: string | null;
  logs: SeenLogs;
}

/** One save in the journal: the marks that moved and, once, the genesis pinned. */
const JournalLineSchema = z.strictObject({ genesis: SeenFileSchema.shape.genesis, logs: SeenFileSchema.shape.logs });

/** The journal is folded into a new snapshot after this many saves. */
export const COMPACT_AFTER_SAVES = 500;

/**
 * The marks are kept as a snapshot (`seen/<id>.json`) and a journal of the saves since
 * (`seen/<id>.journal.jsonl`): a save appends one line with only the marks that moved, so it
 * costs the same whether the workspace has 10 articles or 100,000 (rewriting the whole file on
 * every save made a first read of 100,000 articles slow down as it went). Every
 * COMPACT_AFTER_SAVES saves the journal is folded into a new snapshot. Marks only move forward,
 * so reading a line twice, or lines two processes appended, changes nothing.
 */
export class WatermarkStore {
  private readonly path: string;
  private readonly journal: string;
  /** What is stored, as this store last read and wrote it; the marks move forward in place. */
  private stored: SeenState | null = null;
  private saves = 0;

  constructor(dataDir: string, workspaceId: string) {
    if (!WORKSPACE_ID_PATTERN.test(workspaceId)) throw new Error('not a workspace id');
    this.path = join(dataDir, SEEN_DIR, `${workspaceId}.json`);
    this.journal = join(dataDir, SEEN_DIR, `${workspaceId}.journal.jsonl`);
  }

  /** Nothing seen yet when the files are missing; a damaged file is an error, not a fresh start (that would forget losses). */
  async load(): Promise<SeenState> {
    const snapshot = await this.readSnapshot();
    const lines = await this.readJournal();
    for (const line of lines) mergeInto(snapshot, line);
    this.stored = snapshot;
    this.saves = lines.length;
    return snapshot;
  }

  /**
   * Saves `next` merged over what is stored: marks only move forward and a pinned genesis is
   * never replaced, so two verifications finishing in either order leave the newer marks.
   */
  async save(next: SeenState): Promise<SeenState> {
    const stored = this.stored ?? (await this.load());
    const moved: SeenLogs = {};
    for (const [path, mark] of Object.entries(next.logs)) if ((stored.logs[path]?.count ?? 0) < mark.count) moved[path] = mark;
    const pin = stored.genesis === null ? next.genesis : null;
    if (Object.keys(moved).length === 0 && pin === null) return stored;
    await mkdir(join(this.path, '..'), { recursive: true });
    await appendFile(this.journal, `${JSON.stringify({ genesis: pin, logs: moved })}\n`);
    mergeInto(stored, { genesis: pin, logs: moved });
    if (++this.saves >= COMPACT_AFTER_SAVES) await this.compact(stored);
    return stored;
  }

  /** Folds the journal into a new snapshot, with whatever another process appended meanwhile. */
  private async compact(stored: SeenState): Promise<void> {
    for (const line of await this.readJournal()) mergeInto(stored, line);
    await writeJsonAtomic(this.path, { format: 1, ...stored });
    // A crash here leaves lines the snapshot already holds: read again, they change nothing.
    await rm(this.journal, { force: true });
    this.saves = 0;
  }

  private async readSnapshot(): Promise<SeenState> {
    const read = await readJsonFile(this.path, SeenFileSchema);
    if (read.ok) return { genesis: read.value.genesis, logs: read.value.logs };
    if (read.missing) return { genesis: null, logs: {} };
    throw new Error(`${this.path}: ${read.problem}`);
  }

  /** The journal's saves; a last line cut short by a crash was never a finished save and is left out. */
  private async readJournal(): Promise<SeenState[]> {
    const text = await readFile(this.journal, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    return splitLog(text).lines.map((line, index) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
      const checked = JournalLineSchema.safeParse(parsed);
      if (!checked.success) throw new Error(`${this.journal}: line ${index + 1} is damaged`);
      return checked.data;
    });
  }
}

function mergeInto(stored: SeenState, next: SeenState): void {
  stored.genesis ??= next.genesis;
  for (const [path, mark] of Object.entries(next.logs)) if ((stored.logs[path]?.count ?? 0) < mark.count) stored.logs[path] = mark;
}

/**
 * What this desk has seen of a workspace's signed logs, kept in the app's data folder (outside
 * the workspace, where a sync service or someone with the folder cannot roll it back): the
 * genesis it trusts and, per log file, the newest line it has seen.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
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

export class WatermarkStore {
  private readonly path: string;

  constructor(dataDir: string, workspaceId: string) {
    if (!WORKSPACE_ID_PATTERN.test(workspaceId)) throw new Error('not a workspace id');
    this.path = join(dataDir, SEEN_DIR, `${workspaceId}.json`);
  }

  /** Nothing seen yet when the file is missing; a damaged file is an error, not a fresh start (that would forget losses). */
  async load(): Promise<SeenState> {
    const read = await readJsonFile(this.path, SeenFileSchema);
    if (read.ok) return { genesis: read.value.genesis, logs: read.value.logs };
    if (read.missing) return { genesis: null, logs: {} };
    throw new Error(`${this.path}: ${read.problem}`);
  }

  /**
   * Saves `next` merged over what is stored: marks only move forward and a pinned genesis is
   * never replaced, so two verifications finishing in either order leave the newer marks.
   */
  async save(next: SeenState): Promise<SeenState> {
    const stored = await this.load();
    const logs: SeenLogs = { ...stored.logs };
    for (const [path, mark] of Object.entries(next.logs)) {
      if ((logs[path]?.count ?? 0) < mark.count) logs[path] = mark;
    }
    const merged: SeenState = { genesis: stored.genesis ?? next.genesis, logs };
    await mkdir(join(this.path, '..'), { recursive: true });
    await writeJsonAtomic(this.path, { format: 1, ...merged });
    return merged;
  }
}

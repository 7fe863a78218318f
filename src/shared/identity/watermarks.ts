/**
 * Records that disappear: each desk remembers, outside the workspace, the newest line it has
 * seen of every log file (how many lines, and the hash of the last). A file that now ends
 * before that line, or has another line there, has lost records this desk had seen.
 */
import { lineHash } from './envelope';
import type { LogFile } from './log-files';

export interface SeenMark {
  /** Lines seen. */
  count: number;
  /** SHA-256 of the last line seen. */
  hash: string;
}

/** Keyed by the file's path relative to the workspace. */
export type SeenLogs = Record<string, SeenMark>;

export interface LostRecords {
  path: string;
  seen: number;
  now: number;
  /** The file is as long as before but the line at the mark is another one. */
  changed: boolean;
}

/** Files under `prefix` whose records this desk had seen are no longer all there. */
export function lostRecords(files: readonly LogFile[], seen: SeenLogs, prefix: string): LostRecords[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const lost: LostRecords[] = [];
  for (const [path, mark] of Object.entries(seen)) {
    if (!path.startsWith(prefix) || mark.count === 0) continue;
    const lines = byPath.get(path)?.lines ?? [];
    if (lines.length < mark.count) lost.push({ path, seen: mark.count, now: lines.length, changed: false });
    else if (lineHash(lines[mark.count - 1]!) !== mark.hash) lost.push({ path, seen: mark.count, now: lines.length, changed: true });
  }
  return lost.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The marks after seeing `files`: moved forward to the last trusted line (`trusted`: how many
 * lines of each file verified) for files that still hold what was seen; kept for the others,
 * so the loss stays reported until the file is restored. A mark never moves back.
 */
export function advanceSeen(seen: SeenLogs, files: readonly LogFile[], lost: readonly LostRecords[], trusted: ReadonlyMap<string, number>): SeenLogs {
  const damaged = new Set(lost.map((entry) => entry.path));
  const next: SeenLogs = { ...seen };
  for (const file of files) {
    const count = Math.min(trusted.get(file.path) ?? 0, file.lines.length);
    if (damaged.has(file.path) || count === 0 || count <= (seen[file.path]?.count ?? 0)) continue;
    next[file.path] = { count, hash: lineHash(file.lines[count - 1]!) };
  }
  return next;
}

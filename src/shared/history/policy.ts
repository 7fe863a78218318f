/**
 * When the editor records an automatic revision (kind 'auto'), on top of the article's
 * autosave: once typing has paused for 30 seconds, or once there has been 5 minutes of
 * editing without a pause that long. Explicit saves and review actions record revisions
 * of their own at once. See docs/storage.md, "Revision history".
 */
export const AUTO_REVISION_IDLE_MS = 30_000;
export const AUTO_REVISION_MAX_MS = 5 * 60_000;

/** The edits not yet in a revision: the first and the latest, as epoch milliseconds. */
export interface PendingEdits {
  firstEditAt: number;
  lastEditAt: number;
}

/**
 * The edits made after the last recorded revision (`lastRevisionAt`, null before the first),
 * from a list of edit times; null when there are none.
 */
export function pendingEdits(editTimes: readonly number[], lastRevisionAt: number | null): PendingEdits | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const at of editTimes) {
    if (lastRevisionAt !== null && at <= lastRevisionAt) continue;
    if (at < first) first = at;
    if (at > last) last = at;
  }
  return Number.isFinite(first) ? { firstEditAt: first, lastEditAt: last } : null;
}

/**
 * When an automatic revision becomes due: 30 s after the latest edit, or 5 min after the first
 * unrecorded edit, whichever comes first; null when there is nothing to record. A caller sets
 * one timer for this moment and moves it on each edit.
 */
export function autoRevisionDueAt(pending: PendingEdits | null): number | null {
  if (!pending) return null;
  return Math.min(pending.lastEditAt + AUTO_REVISION_IDLE_MS, pending.firstEditAt + AUTO_REVISION_MAX_MS);
}

/** Whether an automatic revision is due at `now`. */
export function isAutoRevisionDue(editTimes: readonly number[], lastRevisionAt: number | null, now: number): boolean {
  const due = autoRevisionDueAt(pendingEdits(editTimes, lastRevisionAt));
  return due !== null && now >= due;
}

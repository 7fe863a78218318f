/** A writer who pauses this long has finished a thought: record a revision. */
export const REVISION_IDLE_MS = 30_000;
/** Continuous editing is recorded at least this often. */
export const REVISION_MAX_MS = 5 * 60_000;

/**
 * When an automatic revision is due: after 30 s without an edit, or after 5 minutes of
 * continuous editing since the first unrecorded edit.
 */
export function revisionDue(args: { firstEdit: number; lastEdit: number; now: number }): boolean {
  return args.now - args.lastEdit >= REVISION_IDLE_MS || args.now - args.firstEdit >= REVISION_MAX_MS;
}

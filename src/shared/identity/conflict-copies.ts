/**
 * A sync service's conflict copy of a file: what it names the other version when one file was
 * changed in two places (Syncthing: `<name>.sync-conflict-<date>-<time>-<device>.<ext>`;
 * Nextcloud, ownCloud and Dropbox: `<name> (… conflicted copy …).<ext>`). In a workspace this
 * only happens to a log whose desk was cloned onto a second computer; its lines are signed
 * records of that writer and are read with the log, so none is lost.
 */
const SYNCTHING = /^(.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(\.[^.]+)$/;
const CONFLICTED_COPY = /^(.+) \([^()]*conflicted copy[^()]*\)(\.[^.]+)$/i;

/** The name of the file `name` is a conflict copy of, or null when it is not one. */
export function conflictCopyOf(name: string): string | null {
  const match = SYNCTHING.exec(name) ?? CONFLICTED_COPY.exec(name);
  return match ? `${match[1]}${match[2]}` : null;
}

/** What a conflict copy of a log is, and that nothing in it is lost. */
export function conflictCopyWords(path: string): string {
  return `${path} is a sync service's conflict copy of a log (one desk's files were written on two computers); its signed records are read with the log, so none is lost. Keep it: every desk reads it`;
}

export function isConflictCopy(path: string): boolean {
  return conflictCopyOf(path.split('/').pop() ?? '') !== null;
}

/**
 * Log files in the order the verifiers read them: by path, conflict copies last, so a line a
 * conflict copy repeats from its log counts where the log has it, and the repeat is no fault.
 */
export function inReadingOrder<F extends { path: string }>(files: readonly F[]): F[] {
  return [...files].sort((a, b) => Number(isConflictCopy(a.path)) - Number(isConflictCopy(b.path)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * What changed in the workspace folder at other desks: the one change feed from the main process
 * to the page (an event channel in Electron, a long poll in the browser preview). A desk's own
 * writes are not in it; the page already knows them.
 */
export interface WorkspaceChange {
  /** Grows with every change the main process has published; the page asks for what came after. */
  seq: number;
  /** Roster logs changed: people, roles, keys, house rules. */
  roster: boolean;
  /** workspace.json changed. */
  workspace: boolean;
  /** Articles whose logs changed (or that appeared or went away). */
  articles: string[];
  /** More than can be named (events were missed, or the feed started again): read everything again. */
  everything: boolean;
}

export type ChangeParts = Omit<WorkspaceChange, 'seq'>;

export const NO_CHANGE: ChangeParts = { roster: false, workspace: false, articles: [], everything: false };

export function isEmptyChange(change: ChangeParts): boolean {
  return !change.roster && !change.workspace && !change.everything && change.articles.length === 0;
}

/** Both changes in one, as the later one's seq. */
export function mergeChanges<C extends ChangeParts>(earlier: ChangeParts, later: C): C {
  return {
    ...later,
    roster: earlier.roster || later.roster,
    workspace: earlier.workspace || later.workspace,
    everything: earlier.everything || later.everything,
    articles: [...new Set([...earlier.articles, ...later.articles])].sort(),
  };
}

/** A change as it crossed a process boundary (IPC, HTTP): checked before the page acts on it. */
export function isWorkspaceChange(value: unknown): value is WorkspaceChange {
  if (typeof value !== 'object' || value === null) return false;
  const change = value as Record<string, unknown>;
  return (
    typeof change.seq === 'number' &&
    Number.isInteger(change.seq) &&
    typeof change.roster === 'boolean' &&
    typeof change.workspace === 'boolean' &&
    typeof change.everything === 'boolean' &&
    Array.isArray(change.articles) &&
    change.articles.length <= 100_000 &&
    change.articles.every((id) => typeof id === 'string' && id.length <= 64)
  );
}

/**
 * What this desk last saw of the workspace's logs: each file's size, time and inode in roster/
 * and every articles/<id>/log/, and workspace.json. Comparing a folder with it tells which logs
 * other desks changed since; this desk's own files (its desk id in their name) are noted but
 * never reported, since the page that wrote them already knows. Files a sync service is still
 * downloading and this app's temp files are skipped: they become logs by a rename, seen then.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isArticleId } from '../../../shared/article/ids';
import { isSyncInProgress } from '../../../shared/files/sync-traces';
import { ROSTER_DIR } from '../../../shared/identity/layout';
import { NO_CHANGE, type ChangeParts } from '../../../shared/live/workspace-change';
import { isTempFile } from '../atomic-write';

/** A part of the workspace that is compared as one: the roster, one article's log, or workspace.json. */
export type Scope = { kind: 'roster' } | { kind: 'article'; id: string } | { kind: 'workspace' };

export const MANIFEST = 'workspace.json';

type Marks = Map<string, string>;

export class LogSnapshot {
  private readonly folders = new Map<string, Marks>();
  private manifest: string | null = null;

  constructor(
    private readonly root: string,
    /** This desk's id: files named `….<deskId>.jsonl` (and what is set aside from them) are its own. */
    private readonly ownDesk: string,
  ) {}

  /** Compares everything: every article folder, the roster and workspace.json. */
  async scanAll(): Promise<ChangeParts> {
    const ids = await readdir(join(this.root, 'articles')).catch(() => [] as string[]);
    const scopes: Scope[] = [{ kind: 'workspace' }, { kind: 'roster' }, ...ids.filter(isArticleId).map((id) => ({ kind: 'article' as const, id }))];
    // Articles this desk saw that are gone now (a folder removed, or renamed away).
    for (const key of this.folders.keys()) {
      const id = key.startsWith('articles/') ? key.split('/')[1]! : null;
      if (id && !ids.includes(id)) scopes.push({ kind: 'article', id });
    }
    return this.scan(scopes);
  }

  /** Compares the given scopes, remembers what they hold now, and says what other desks changed. */
  async scan(scopes: Iterable<Scope>): Promise<ChangeParts> {
    const change: ChangeParts = { ...NO_CHANGE, articles: [] };
    for (const scope of scopes) {
      if (scope.kind === 'workspace') {
        const now = await markOf(join(this.root, MANIFEST));
        if (now !== this.manifest) change.workspace = true;
        this.manifest = now;
      } else if (scope.kind === 'roster') {
        if (await this.compare(ROSTER_DIR)) change.roster = true;
      } else if (isArticleId(scope.id) && (await this.compare(`articles/${scope.id}/log`))) change.articles.push(scope.id);
    }
    change.articles = [...new Set(change.articles)].sort();
    return change;
  }

  /** Whether a file of another desk appeared, changed or went away in `folder` (relative, with "/"). */
  private async compare(folder: string): Promise<boolean> {
    const dir = join(this.root, ...folder.split('/'));
    const names = await readdir(dir).catch(() => [] as string[]);
    const now: Marks = new Map();
    for (const name of names) {
      if (isTempFile(name) || isSyncInProgress(name)) continue;
      const mark = await markOf(join(dir, name));
      if (mark !== null) now.set(name, mark);
    }
    const before = this.folders.get(folder) ?? new Map<string, string>();
    const changed = [...new Set([...before.keys(), ...now.keys()])].some((name) => before.get(name) !== now.get(name) && !this.isOwn(name));
    if (now.size > 0) this.folders.set(folder, now);
    else this.folders.delete(folder);
    return changed;
  }

  private isOwn(name: string): boolean {
    return name.includes(`.${this.ownDesk}.jsonl`);
  }
}

async function markOf(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return `${info.size}:${info.mtimeMs}:${info.ino}`;
}

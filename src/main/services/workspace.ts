/**
 * One workspace folder (docs/storage.md): its signed roster and articles, its images, its
 * keys, and this desk's data folder. A format-1 folder opens read-only until its one-time
 * upgrade (legacy/upgrade.ts); a new folder waits for its first person.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FileProblem, WorkspaceInfo, WorkspaceStatus } from '../../shared/contract/api';
import { AppFailure } from '../../shared/contract/errors';
import type { Ed25519 } from '../../shared/identity/ed25519';
import { BoundedLineMemo } from '../../shared/identity/line-memo';
import { verifyRoster } from '../../shared/identity/verify-roster';
import { conflictCopyWords } from '../../shared/identity/conflict-copies';
import { fileProblem } from '../../shared/files/file-problem';
import type { ReviewState } from '../../shared/review/review-state';
import type { ReviewEntry } from '../../shared/contract/api';
import type { Article } from '../../shared/article/article';
import { BLOCKING_PROBLEMS } from '../../shared/identity/verify-article';
import { ArticleLogs, type ArticleState } from './article-logs';
import { blockingProblem, describeProblem, reviewEntries, reviewStateOf } from './article-view';
import { Articles } from './articles';
import { AssetStore } from './assets';
import { isTempFile } from './atomic-write';
import type { Clock } from './clock';
import type { DataFolder } from './data-folder';
import { KeyStore } from './identity/key-store';
import { nativeLineHash } from './identity/native-hash';
import { SignedLogStore } from './identity/signed-log-store';
import { SignedLogWriter } from './identity/signed-log-writer';
import { writeSyncIgnore } from './sync-ignore';
import { CopyCache } from './revisions/copy-cache';
import { RosterLog, type RosterView } from './roster-log';
import { newWorkspaceId, readManifest, writeManifest, type Manifest } from './workspace-manifest';
import { workspaceLayout, type WorkspaceLayout } from './workspace-layout';
import { ROSTER_DIR } from '../../shared/identity/layout';

/** An article's review as the page and the exporters read it. */
export interface ArticleReview {
  records: ReviewEntry[];
  state: ReviewState;
  /** The first problem that blocks the article's review actions, naming file and line; null when none does. */
  problem: string | null;
  notices: string[];
}

export interface WorkspaceOptions {
  clock: Clock;
  data: DataFolder;
  ed: Ed25519;
}

/** What a format-2 workspace is made of once its id is known. */
interface Open {
  manifest: Manifest;
  roster: RosterLog;
  articles: Articles;
}

export class Workspace {
  readonly assets: AssetStore;
  readonly keys: KeyStore;
  /** Lines already checked, for every verification in this workspace. */
  readonly memo = new BoundedLineMemo();
  private open: Open | null = null;
  /** Settles once the temp files interrupted writes left behind long ago are cleared (in the background, on open). */
  staleTempCleared: Promise<void> = Promise.resolve();

  private constructor(
    readonly layout: WorkspaceLayout,
    readonly options: WorkspaceOptions,
    readonly writer: SignedLogWriter,
    /** workspace.json as it could not be read (left as it is); null when it is fine. */
    readonly manifestProblem: string | null,
    /** Made by an earlier version: read-only until upgraded. */
    private legacy: boolean,
  ) {
    this.assets = new AssetStore(layout.assets);
    this.keys = new KeyStore(layout.root, options.ed);
  }

  static async open(root: string, options: WorkspaceOptions): Promise<Workspace> {
    const layout = workspaceLayout(root);
    await mkdir(root, { recursive: true });
    const writer = new SignedLogWriter(options.ed, await options.data.deskId(), options.clock);
    const read = await readManifest(layout.manifest);
    const legacyFolder = read.kind === 'format-1' || (read.kind === 'missing' && (await looksLikeFormat1(layout)));
    const workspace = new Workspace(layout, options, writer, read.kind === 'damaged' ? read.problem : null, legacyFolder);
    if (legacyFolder) return workspace;
    let manifest: Manifest | null = read.kind === 'format-2' ? read.manifest : null;
    if (read.kind === 'missing') {
      manifest = { format: 2, workspaceId: newWorkspaceId(), name: basename(root) || 'Workspace', createdAt: options.clock.now().toISOString() };
      await writeManifest(layout.manifest, manifest);
    } else if (read.kind === 'damaged') manifest = await workspace.manifestFromRoster();
    if (manifest) workspace.become(manifest);
    for (const dir of [layout.articles, layout.assets]) await mkdir(dir, { recursive: true });
    // In the background: opening costs the same for 10 articles and 100,000. Failing to clear a temp file loses nothing.
    workspace.staleTempCleared = removeStaleTempFiles(layout, options.clock.now()).catch(() => undefined);
    // Keeps half-written files from travelling; failing to write it loses nothing.
    await writeSyncIgnore(root).catch(() => false);
    return workspace;
  }

  /** The workspace is a format-2 one now (opened, set up or just upgraded). */
  become(manifest: Manifest): void {
    const seen = this.options.data.seen(manifest.workspaceId);
    const roster = new RosterLog(this.layout.root, this.options.ed, seen, this.memo);
    const logs = new ArticleLogs(this.layout.root, this.options.ed, seen, this.memo);
    const copies = new CopyCache(join(this.options.data.cacheDir(manifest.workspaceId), 'copies'));
    this.open = { manifest, roster, articles: new Articles(this.layout, logs, roster, this.writer, copies, this.options.clock) };
    this.legacy = false;
  }

  /** An upgrade that did not finish: the folder is format 1 again (what it wrote is taken up by the next attempt). */
  revertToLegacy(): void {
    this.open = null;
    this.legacy = true;
  }

  get isLegacy(): boolean {
    return this.legacy;
  }

  get manifest(): Manifest | null {
    return this.open?.manifest ?? null;
  }

  async status(): Promise<WorkspaceStatus> {
    if (this.legacy) return 'needs-upgrade';
    if (!this.open) return 'unreadable';
    const view = await this.open.roster.view();
    return view.verdict.genesis || (await this.open.roster.store.read()).files.length > 0 ? 'ready' : 'new';
  }

  /** The roster as the files are now; refused until the workspace is a format-2 one. */
  async roster(): Promise<RosterView> {
    return this.ready().roster.view();
  }

  rosterLog(): RosterLog {
    return this.ready().roster;
  }

  get articles(): Articles {
    return this.ready().articles;
  }

  /** The article with its current copy. */
  async get(id: string): Promise<Article> {
    return (await this.articles.read(id)).article;
  }

  /** The article's review: its records with their statuses, the state they lead to, what blocks it. */
  async review(id: string): Promise<ArticleReview> {
    const state = await this.articles.state(id);
    return reviewOf(state);
  }

  /** The folder, its name and channels, its root of trust, and what is wrong with its own files. */
  async info(): Promise<WorkspaceInfo> {
    const status = await this.status();
    const problems: FileProblem[] = [];
    if (this.manifestProblem) problems.push(fileProblem('workspace.json', this.manifestProblem));
    const base = { path: this.layout.root, status, workspaceId: this.open?.manifest.workspaceId ?? null };
    if (!this.open || status === 'needs-upgrade') return { ...base, name: basename(this.layout.root), channels: [], problems, admins: [] };
    const view = await this.open.roster.view();
    problems.push(...rosterProblems(view));
    return { ...base, name: view.settings.name ?? this.open.manifest.name, channels: view.settings.channels, problems, admins: view.verdict.admins };
  }

  private ready(): Open {
    if (this.legacy) throw new AppFailure('unavailable', 'this workspace needs its one-time upgrade first', { code: 'needs-upgrade', params: {} });
    if (!this.open) throw new AppFailure('damaged', `${this.manifestProblem ?? 'workspace.json cannot be read'}; the roster does not say which workspace this is either. The file was left as it is.`);
    return this.open;
  }

  /** With workspace.json unreadable (or an upgrade cut short), the roster's genesis still says which workspace this is. */
  async manifestFromRoster(): Promise<Manifest | null> {
    const { files } = await new SignedLogStore(this.layout.root, ROSTER_DIR).read();
    const verdict = verifyRoster({ ed: this.options.ed, files, depth: 'heads', hashLine: nativeLineHash });
    if (!verdict.genesis) return null;
    const genesis = verdict.genesis;
    const at = verdict.snapshot.keys.get([...verdict.snapshot.keys.values()].find((key) => key.boundBy === genesis.hash)?.keyid ?? '')?.from;
    return { format: 2, workspaceId: genesis.workspaceId, name: basename(this.layout.root) || 'Workspace', createdAt: at ?? new Date(0).toISOString() };
  }
}

export function reviewOf(state: ArticleState): ArticleReview {
  const { verdict } = state;
  // Crossed saves are shown on the copy to be merged (Article.crossed), not as a notice of the log.
  const notices = verdict.problems.filter((problem) => !(BLOCKING_PROBLEMS as readonly string[]).includes(problem.code) && problem.code !== 'several-heads').map(describeProblem);
  return { records: reviewEntries(verdict, state.files), state: reviewStateOf(verdict), problem: blockingProblem(verdict), notices };
}

/** Roster lines that do not count, records lost, stray files: each named. */
export function rosterProblems(view: RosterView): FileProblem[] {
  const out: FileProblem[] = [];
  for (const line of view.verdict.ignored) out.push(fileProblem(line.path, `line ${line.line}: ${line.code}: ${line.detail}`));
  for (const problem of view.verdict.problems) out.push(fileProblem(ROSTER_DIR, problem));
  for (const copy of view.conflictCopies) out.push(fileProblem(copy, conflictCopyWords(copy)));
  for (const stray of view.strays) out.push(fileProblem(stray, `${stray} is not a roster log (a file made by hand, or a conflict copy of something else); it is not read`));
  for (const problem of view.settings.problems) out.push(fileProblem(ROSTER_DIR, problem));
  return out;
}

/** A folder made by format 1 without a workspace.json of its own (people.json, or an article.json). */
async function looksLikeFormat1(layout: WorkspaceLayout): Promise<boolean> {
  if (await exists(layout.people)) return true;
  const ids = await readdir(layout.articles).catch(() => [] as string[]);
  for (const id of ids) if (await exists(join(layout.articleDir(id), 'article.json'))) return true;
  return false;
}

const STALE_TEMP_MS = 10 * 60 * 1000;

/** Temp files left by an interrupted write are never read; old ones are cleared away on open. */
async function removeStaleTempFiles(layout: WorkspaceLayout, now: Date): Promise<void> {
  const articleDirs = await readdir(layout.articles, { withFileTypes: true }).then(
    (entries) => entries.filter((entry) => entry.isDirectory()).map((entry) => layout.articleDir(entry.name)),
    () => [] as string[],
  );
  const dirs = [layout.root, layout.assets, layout.roster, ...articleDirs.flatMap((dir) => [dir, join(dir, 'log'), join(dir, 'blobs')])];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter(isTempFile)) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && now.getTime() - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

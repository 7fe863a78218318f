import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ArticleContentSchema,
  ArticleSchema,
  ArticleSummarySchema,
  newArticle,
  summarize,
  type Article,
  type ArticleContent,
  type ArticleSummary,
  type Language,
} from '../../shared/article/article';
import { isArticleId } from '../../shared/article/ids';
import type { ArticleList, DamagedEntry, FileProblem, Saved, TrashEntry, WorkspaceInfo } from '../../shared/contract/api';
import { AppFailure } from '../../shared/contract/errors';
import { z } from '../../shared/zod';
import { AssetStore } from './assets';
import { isTempFile, writeJsonAtomic } from './atomic-write';
import type { Clock } from './clock';
import { readJsonFile } from './json-file';
import { setAsideIfDamaged } from './set-aside';
import { fileProblem } from '../../shared/files/file-problem';
import { KeyedQueue } from './keyed-queue';
import { loadOrCreateManifest, type Manifest } from './workspace-manifest';
import { contentHash } from '../../shared/article/canonical';
import { deriveReviewState, type ReviewState } from '../../shared/review/review-state';
import type { ReviewRecord } from '../../shared/review/records';
import type { WorkspacePolicy } from '../../shared/review/workspace-policy';
import { AnnotationStore } from './annotation-store';
import { IgnoreStore } from './ignore-store';
import type { CheckSettings, HouseLists } from '../../shared/checks/index';
import { ReviewStore } from './review-store';
import { RosterStore } from './roster-store';
import { ARTICLE_FILE, SUMMARY_FILE, TRASHED_FILE, workspaceLayout, type WorkspaceLayout } from './workspace-layout';

export const SummaryFileSchema = ArticleSummarySchema.extend({ revision: z.number().int() });

export interface ArticleReview {
  records: ReviewRecord[];
  state: ReviewState;
  /** The review log was altered or cannot be read: its records are shown but not trusted. */
  problem: string | null;
  /** Unfinished or set-aside records at the log's end, which do not stop the chain (review-store.ts). */
  notices: string[];
}
export const TrashedFileSchema = z.object({
  trashedAt: z.string(),
  trashedBy: z.string(),
  /** Since trash rules: who (person id), from which stage, and why (required for copy in review or signed off). */
  trashedById: z.string().optional(),
  stage: z.string().optional(),
  reason: z.string().optional(),
});
export type TrashDetails = Pick<z.infer<typeof TrashedFileSchema>, 'trashedById' | 'stage' | 'reason'>;

export function newArticleId(at: Date): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}-${randomBytes(5).toString('hex')}`;
}

/** One workspace folder: articles, their trash and the images they use. */
export class Workspace {
  readonly assets: AssetStore;
  readonly roster: RosterStore;
  private readonly queue = new KeyedQueue();

  private constructor(
    readonly layout: WorkspaceLayout,
    private manifest: Manifest,
    readonly manifestProblem: string | null,
    private readonly clock: Clock,
  ) {
    this.assets = new AssetStore(layout.assets);
    this.roster = new RosterStore(layout.people);
  }

  static async open(root: string, clock: Clock): Promise<Workspace> {
    const layout = workspaceLayout(root);
    await mkdir(root, { recursive: true });
    for (const dir of [layout.articles, layout.trash, layout.assets]) await mkdir(dir, { recursive: true });
    const { manifest, problem } = await loadOrCreateManifest(layout.manifest, root);
    await removeStaleTempFiles([root, layout.assets, layout.articles], clock.now());
    return new Workspace(layout, manifest, problem, clock);
  }

  /** The folder, its name and channels, and what is wrong with its own files (the newsroom list is read afresh). */
  async info(): Promise<WorkspaceInfo> {
    const problems: FileProblem[] = [];
    if (this.manifestProblem) problems.push(fileProblem('workspace.json', this.manifestProblem));
    const roster = await this.roster.load();
    if (roster.problem) problems.push(fileProblem('people.json', roster.problem));
    return { path: this.layout.root, name: this.manifest.name, channels: this.manifest.channels, problems };
  }

  policy(): WorkspacePolicy {
    return this.manifest.review;
  }

  proofreading(): { settings: CheckSettings; lists: HouseLists } {
    return { settings: this.manifest.checks, lists: this.manifest.houseLists };
  }

  async updateProofreading(patch: { settings?: CheckSettings; lists?: HouseLists }): Promise<void> {
    if (this.manifestProblem) throw new AppFailure('damaged', `${this.manifestProblem}. Repair it before changing workspace settings.`);
    const next: Manifest = { ...this.manifest, checks: patch.settings ?? this.manifest.checks, houseLists: patch.lists ?? this.manifest.houseLists };
    await writeJsonAtomic(this.layout.manifest, next);
    this.manifest = next;
  }

  ignores(id: string): IgnoreStore {
    this.checkId(id);
    return new IgnoreStore(join(this.layout.articleDir(id), 'ignores'));
  }

  async updatePolicy(patch: Partial<WorkspacePolicy>): Promise<WorkspacePolicy> {
    if (this.manifestProblem) throw new AppFailure('damaged', `${this.manifestProblem}. Repair it before changing workspace settings.`);
    const next: Manifest = { ...this.manifest, review: { ...this.manifest.review, ...patch } };
    await writeJsonAtomic(this.layout.manifest, next);
    this.manifest = next;
    return next.review;
  }

  async list(): Promise<ArticleList> {
    const ids = await this.articleIds(this.layout.articles);
    const articles: ArticleSummary[] = [];
    const damaged: DamagedEntry[] = [];
    await Promise.all(
      ids.map(async (id) => {
        const file = join(this.layout.articleDir(id), SUMMARY_FILE);
        const read = await readJsonFile(file, SummaryFileSchema);
        if (read.ok && read.value.id === id) {
          const { revision: _revision, ...summary } = read.value;
          articles.push(await this.withLoggedReview(summary));
          return;
        }
        // Without a usable summary, the article itself still tells what it is.
        const article = await this.readArticleFile(id);
        if (article.ok) articles.push(await this.summaryOf(article.value));
        else damaged.push({ id, file: join('articles', id, ARTICLE_FILE), problem: article.problem });
      }),
    );
    articles.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
    damaged.sort((a, b) => a.id.localeCompare(b.id));
    return { articles, damaged };
  }

  async get(id: string): Promise<Article> {
    this.checkId(id);
    const read = await this.readArticleFile(id);
    if (read.ok) return read.value;
    if (read.missing) throw new AppFailure('not-found', 'there is no such article in this workspace');
    throw new AppFailure('damaged', `articles/${id}/${ARTICLE_FILE}: ${read.problem}. The file was left untouched.`);
  }

  async create(author: string, language: Language, authorId = ''): Promise<Article> {
    const at = this.clock.now();
    const article = newArticle({ id: newArticleId(at), author, authorId, at, language });
    await this.writeNew(article);
    return article;
  }

  /** Adds an article made elsewhere (the bundled sample, an import) under a fresh id. */
  async add(article: Omit<Article, 'id' | 'authorId'> & { authorId?: string }): Promise<Article> {
    const stored = ArticleSchema.parse({ ...article, id: newArticleId(this.clock.now()) });
    await this.writeNew(stored);
    return stored;
  }

  /** `guard` runs in the article's queue before writing, and throws to refuse the save. */
  async save(id: string, baseRevision: number, content: ArticleContent, user: string, guard?: (current: Article) => Promise<void>): Promise<Saved> {
    this.checkId(id);
    // Whatever the content came from (the page, a restored revision), it is stored as the editor makes it.
    const checked = ArticleContentSchema.safeParse(content);
    if (!checked.success) throw new AppFailure('invalid-input', `the article is not valid: ${checked.error.issues[0]?.message ?? 'unknown problem'}`);
    return this.queue.run(id, async () => {
      const current = await this.get(id);
      await guard?.(current);
      if (current.revision !== baseRevision) {
        throw new AppFailure('conflict', 'the article was saved from somewhere else since it was opened; reopen it to see that version');
      }
      const next: Article = {
        ...current,
        ...checked.data,
        revision: current.revision + 1,
        updatedAt: this.clock.now().toISOString(),
        updatedBy: user,
      };
      await this.writeArticle(next);
      return { revision: next.revision, updatedAt: next.updatedAt, updatedBy: next.updatedBy };
    });
  }

  /**
   * Moves the article's folder into the trash. `decide` runs in the article's queue first: it
   * throws to refuse, or gives what is recorded beside the article (trashed.json).
   */
  async trash(id: string, user: string, decide: () => Promise<TrashDetails> | TrashDetails = () => ({})): Promise<void> {
    this.checkId(id);
    return this.queue.run(id, async () => {
      const from = this.layout.articleDir(id);
      if (!(await exists(from))) throw new AppFailure('not-found', 'there is no such article in this workspace');
      const to = this.layout.trashDir(id);
      if (await exists(to)) throw new AppFailure('conflict', 'an article with this id is already in the trash');
      const details = await decide();
      await rename(from, to);
      await writeJsonAtomic(join(to, TRASHED_FILE), { trashedAt: this.clock.now().toISOString(), trashedBy: user, ...details });
    });
  }

  /** Everything in the trash; an entry whose files cannot be read is still listed, with them named. */
  async listTrash(): Promise<TrashEntry[]> {
    const ids = await this.articleIds(this.layout.trash);
    const entries = await Promise.all(
      ids.map(async (id): Promise<TrashEntry> => {
        const dir = this.layout.trashDir(id);
        const { summary, problems } = await listing(dir, id, join('trash', id));
        const trashed = await readJsonFile(join(dir, TRASHED_FILE), TrashedFileSchema);
        if (!trashed.ok && !trashed.missing) problems.unshift({ file: join('trash', id, TRASHED_FILE), problem: trashed.problem });
        const when = trashed.ok ? trashed.value : { trashedAt: summary.updatedAt, trashedBy: '' };
        const reason = 'reason' in when && when.reason ? { trashReason: when.reason } : {};
        return { ...summary, trashedAt: when.trashedAt, trashedBy: when.trashedBy, ...reason, problems };
      }),
    );
    return entries.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt));
  }

  async restore(id: string): Promise<ArticleSummary> {
    this.checkId(id);
    return this.queue.run(id, async () => {
      const from = this.layout.trashDir(id);
      if (!(await exists(from))) throw new AppFailure('not-found', 'there is no such article in the trash');
      const to = this.layout.articleDir(id);
      if (await exists(to)) throw new AppFailure('conflict', 'an article with this id already exists');
      await rename(from, to);
      const trashed = join(to, TRASHED_FILE);
      await setAsideIfDamaged(trashed, TrashedFileSchema);
      await rm(trashed, { force: true });
      // A damaged article comes back all the same, to be looked at; the library names its files.
      const article = await this.readArticleFile(id);
      return article.ok ? this.summaryOf(article.value) : (await listing(to, id, join('articles', id))).summary;
    });
  }

  /** The article's review log, verified, and the state it leads to for the current copy. */
  async review(id: string, article?: Article): Promise<ArticleReview> {
    this.checkId(id);
    const current = article ?? (await this.get(id));
    const { records, problem, notices } = await new ReviewStore(this.layout.articleDir(id)).load();
    const state = deriveReviewState({ records, authorId: current.authorId, currentHash: contentHash(current) });
    return { records, state, problem, notices };
  }

  /**
   * Appends one review record, built by `decide` from the freshly read log, so two desks acting
   * at once cannot both act on the same state.
   */
  appendReview(id: string, decide: (article: Article, review: ArticleReview) => ReviewRecord): Promise<ArticleReview> {
    this.checkId(id);
    return this.queue.run(id, async () => {
      const article = await this.get(id);
      const review = await this.review(id, article);
      const record = decide(article, review);
      await new ReviewStore(this.layout.articleDir(id)).append(record);
      const next = await this.review(id, article);
      await this.writeSummary(article);
      return next;
    });
  }

  annotations(id: string): AnnotationStore {
    this.checkId(id);
    return new AnnotationStore(join(this.layout.articleDir(id), 'annotations'));
  }

  /** The folder of an article in the library; refuses an id that is not one, or an article that is not there. */
  async existingArticleDir(id: string): Promise<string> {
    this.checkId(id);
    const dir = this.layout.articleDir(id);
    if (!(await exists(dir))) throw new AppFailure('not-found', 'there is no such article in this workspace');
    return dir;
  }

  async articleIdsInLibrary(): Promise<string[]> {
    return this.articleIds(this.layout.articles);
  }

  private async summaryOf(article: Article) {
    const { state, problem } = await this.review(article.id, article);
    return { ...summarize(article), review: state, reviewProblem: problem };
  }

  /**
   * summary.json caches the review state as of the last write; the log beside it is the truth
   * (it may have been altered, or appended to from another desk, since), so it is read again.
   */
  private async withLoggedReview(summary: ArticleSummary): Promise<ArticleSummary> {
    if (!summary.review) return summary;
    const { records, problem } = await new ReviewStore(this.layout.articleDir(summary.id)).load({ notices: false });
    const review = deriveReviewState({ records, authorId: summary.authorId, currentHash: summary.review.currentHash });
    return { ...summary, review, reviewProblem: problem };
  }

  /** summary.json is derived, but a damaged one is still never written over: it is set aside first. */
  private async writeSummary(article: Article): Promise<void> {
    const summary = await this.summaryOf(article);
    const path = join(this.layout.articleDir(article.id), SUMMARY_FILE);
    await setAsideIfDamaged(path, SummaryFileSchema);
    await writeJsonAtomic(path, { ...summary, revision: article.revision });
  }

  private checkId(id: string): void {
    if (!isArticleId(id)) throw new AppFailure('invalid-input', 'not an article id');
  }

  private async articleIds(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && isArticleId(e.name) && !isTempFile(e.name)).map((e) => e.name);
  }

  private readArticleFile(id: string) {
    return readJsonFile(join(this.layout.articleDir(id), ARTICLE_FILE), ArticleSchema).then((read) =>
      read.ok && read.value.id !== id
        ? { ok: false as const, missing: false, problem: 'the id inside the file does not match its folder' }
        : read,
    );
  }

  private async writeNew(article: Article): Promise<void> {
    await mkdir(this.layout.articleDir(article.id), { recursive: false });
    await this.writeArticle(article);
  }

  private async writeArticle(article: Article): Promise<void> {
    await writeJsonAtomic(join(this.layout.articleDir(article.id), ARTICLE_FILE), article);
    await this.writeSummary(article);
  }
}

/**
 * What the library or the trash lists for the article in `dir`: its summary.json, else its
 * article.json, else a blank entry (so it can still be restored and looked at); with the files
 * that cannot be read, named from the workspace folder (`at`).
 */
async function listing(dir: string, id: string, at: string): Promise<{ summary: ArticleSummary; problems: FileProblem[] }> {
  const problems: FileProblem[] = [];
  const summary = await readJsonFile(join(dir, SUMMARY_FILE), SummaryFileSchema);
  if (!summary.ok && !summary.missing) problems.push({ file: join(at, SUMMARY_FILE), problem: summary.problem });
  const article = await readJsonFile(join(dir, ARTICLE_FILE), ArticleSchema);
  if (!article.ok) problems.push({ file: join(at, ARTICLE_FILE), problem: article.problem });
  if (summary.ok) {
    const { revision: _revision, ...fields } = summary.value;
    return { summary: fields, problems };
  }
  if (article.ok) return { summary: summarize(article.value), problems };
  const blank = { id, headline: '', channel: [], authorId: '', createdBy: '', updatedAt: new Date(0).toISOString(), updatedBy: '', review: null, reviewProblem: null };
  return { summary: blank, problems };
}

const STALE_TEMP_MS = 10 * 60 * 1000;

/** Temp files left by an interrupted write are never read; old ones are cleared away on open. */
async function removeStaleTempFiles(dirs: string[], now: Date): Promise<void> {
  const articleDirs = await readdir(dirs[2]!, { withFileTypes: true }).then(
    (entries) => entries.filter((e) => e.isDirectory()).map((e) => join(dirs[2]!, e.name)),
    () => [] as string[],
  );
  const historyDirs = articleDirs.map((dir) => join(dir, 'history', 'blobs'));
  for (const dir of [dirs[0]!, dirs[1]!, ...articleDirs, ...historyDirs]) {
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

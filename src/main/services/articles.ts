/**
 * The articles of a format-2 workspace: each one's signed log verified, its current copy
 * rebuilt from the head revision, and what people do to it appended as signed events —
 * creation, every save as a revision, review actions, annotations, ignore decisions, trash.
 * Writes to one article run one at a time in this process; every event names the log's heads
 * it followed, so two desks acting at once are ordered (or reported as crossed) by the verifier.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleContentSchema, ArticleSchema, emptyContent, type Article, type ArticleContent, type Language } from '../../shared/article/article';
import { contentHash, sha256Hex } from '../../shared/article/canonical';
import { isArticleId } from '../../shared/article/ids';
import type { ArticleList, DamagedEntry, Saved } from '../../shared/contract/api';
import { AppFailure } from '../../shared/contract/errors';
import type { ArticleEvents, ArticleKind, ReviewEvent } from '../../shared/identity/article-events';
import { savesOnto, type RevisionEventKind } from '../../shared/identity/revision-event';
import { resolveMerge, type MergePick } from '../../shared/merge/merge-content';
import type { ReviewActionName } from '../../shared/review/records';
import type { Stage } from '../../shared/review/stages';
import type { ArticleLogs, ArticleState } from './article-logs';
import { articleOf, authorshipOf, summaryOf, type Authorship } from './article-view';
import type { Clock } from './clock';
import type { SignedLogWriter } from './identity/signed-log-writer';
import type { UnlockedKey } from './identity/unlocked-key';
import { readJsonFile } from './json-file';
import { KeyedQueue } from './keyed-queue';
import { RevisionContent, storedState } from './revisions/revision-content';
import type { CopyCache } from './revisions/copy-cache';
import { crossedCopy, type CrossedCopy } from './revisions/crossed-copy';
import type { RosterLog, RosterView } from './roster-log';
import { ARTICLE_FILE, type WorkspaceLayout } from './workspace-layout';
import type { Person } from '../../shared/review/people';

/** Someone signed in: their key, and who the roster says they are. */
export interface Actor {
  key: UnlockedKey;
  person: Person;
}

/** An article as read now: its verified state, its current copy and how the page sees it. */
export interface ArticleRead {
  state: ArticleState;
  content: ArticleContent;
  article: Article;
  /** Desks saved crossing copies: `content` is their merge. */
  crossed: CrossedCopy | null;
}

export function newArticleId(at: Date): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}-${randomBytes(5).toString('hex')}`;
}

export interface RevisionOptions {
  kind: RevisionEventKind;
  label?: string;
  action?: ReviewActionName;
  /** The stage to record (a review action's milestone gives the stage it was taken at). */
  stage?: Stage;
}

export class Articles {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly layout: WorkspaceLayout,
    readonly logs: ArticleLogs,
    private readonly roster: RosterLog,
    private readonly writer: SignedLogWriter,
    private readonly copies: CopyCache,
    private readonly clock: Clock,
  ) {}

  /** The ids of every article folder in articles/. */
  async ids(): Promise<string[]> {
    const entries = await readdir(this.layout.articles, { withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isDirectory() && isArticleId(entry.name)).map((entry) => entry.name);
  }

  content(id: string): RevisionContent {
    return new RevisionContent(this.layout.articleDir(id));
  }

  /** The article's verified state; not-found when it has no signed log. */
  async state(id: string, roster?: RosterView): Promise<ArticleState> {
    checkId(id);
    const view = roster ?? (await this.roster.view());
    const state = await this.logs.state(id, view);
    if (state.verdict.records.length === 0 && !view.verdict.snapshot.attestations.has(id)) throw new AppFailure('not-found', 'there is no such article in this workspace');
    return state;
  }

  /** The article with its current copy, rebuilt from its head revision. */
  async read(id: string, roster?: RosterView): Promise<ArticleRead> {
    let state = await this.state(id, roster);
    const crossed = await this.crossedOf(state);
    // The merged copy is what an approval now has to name: the review state is derived against it.
    // While copies collide there is no copy yet, and no approval covers one: none counts until a pick.
    if (crossed) state = await this.logs.state(id, state.roster, crossed.merge.collisions.length > 0 ? unsettledHash(crossed) : contentHash(crossed.content));
    const content = crossed?.content ?? (await this.copyOf(state));
    const article = articleOf(id, state.verdict, content, await this.authorship(state), crossed);
    return { state, content, article, crossed };
  }

  async list(): Promise<ArticleList> {
    const roster = await this.roster.view();
    const articles: ArticleList['articles'] = [];
    const damaged: DamagedEntry[] = [];
    for (const id of await this.ids()) {
      const listed = await this.summary(id, roster).catch((error: unknown) => {
        damaged.push({ id, file: `articles/${id}`, problem: error instanceof Error ? error.message : String(error) });
        return null;
      });
      if (listed && !listed.trashed) articles.push(listed.summary);
    }
    articles.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
    return { articles, damaged: damaged.sort((a, b) => a.id.localeCompare(b.id)) };
  }

  /** A new article by `actor`: its create event and its first revision (empty, or `content`). */
  async create(actor: Actor, language: Language, content?: ArticleContent): Promise<Article> {
    const id = newArticleId(this.clock.now());
    const copy = content ? parseContent(content) : emptyContent(language);
    await mkdir(join(this.layout.articleDir(id), 'log'), { recursive: true });
    return this.queue.run(id, async () => {
      const roster = await this.roster.view();
      const empty = await this.logs.state(id, roster);
      await this.logs.append(this.writer, actor.key, empty, 'create', { language: copy.language, contentHash: contentHash(copy) });
      await this.writeRevision(actor, await this.logs.state(id, roster), copy, { kind: 'autosave' });
      return (await this.read(id)).article;
    });
  }

  /**
   * Saves the copy as a revision made from `base`; a base whose copy is no longer the current
   * one (a different copy was saved since) is refused with `conflict`. `guard` runs in the
   * article's queue first and throws to refuse.
   */
  async save(actor: Actor, id: string, base: string, content: ArticleContent, guard?: (read: ArticleRead) => Promise<void> | void, merged?: readonly string[]): Promise<Saved> {
    const copy = parseContent(content);
    checkId(id);
    return this.queue.run(id, async () => {
      const read = await this.read(id);
      await guard?.(read);
      const { verdict } = read.state;
      if (merged) {
        const from = cleanMerge(read, merged);
        const written = await this.writeRevision(actor, read.state, copy, { kind: 'autosave' }, from);
        return savedOf((await this.read(id)).article, written);
      }
      const heads = verdict.revisionHeads.map((headId) => read.state.revisions.get(headId)!);
      if (!savesOnto(verdict.revisions, verdict.head, base, heads)) throw new AppFailure('conflict', 'the article was saved from somewhere else since it was opened; reopen it to see that version');
      const from = base === '' ? verdict.head : read.state.revisions.get(base)!;
      // The content hash leaves annotation anchors out; a copy that only gained or lost one is still saved.
      if (from && from.event.state === storedState(copy)) return savedOf(read.article, from.id);
      const written = await this.writeRevision(actor, read.state, copy, { kind: 'autosave' }, from ? [from.id] : []);
      return savedOf((await this.read(id)).article, written);
    });
  }

  /**
   * Records the crossed copies' merge with what collided settled by `picks` (every collision
   * needs one), as a revision made from all of them. `merged` names the heads the person saw
   * merged; if more arrived since, nothing is written and the page is told to look again.
   */
  async mergeCrossed(actor: Actor, id: string, merged: readonly string[], picks: Readonly<Record<number, MergePick>>, guard?: (read: ArticleRead) => Promise<void> | void): Promise<Saved> {
    checkId(id);
    return this.queue.run(id, async () => {
      const read = await this.read(id);
      await guard?.(read);
      const crossed = sameMerge(read, merged);
      const unpicked = crossed.merge.collisions.filter((collision) => picks[collision.id] === undefined);
      if (unpicked.length > 0) throw new AppFailure('invalid-input', `${unpicked.length} of the places where the copies collide have no pick`);
      const copy = parseContent(resolveMerge(crossed.merge, picks));
      const written = await this.writeRevision(actor, read.state, copy, { kind: 'merge' }, crossed.merged.map((head) => head.id));
      return savedOf((await this.read(id)).article, written);
    });
  }

  /**
   * Records the current copy as a revision of its own (an explicit save, the editing policy's
   * automatic one, a restore). An automatic one is left out when the latest listed revision
   * already holds this copy. Refused with `conflict` while crossed copies collide.
   */
  async record(actor: Actor, id: string, options: RevisionOptions, content?: ArticleContent, guard?: (read: ArticleRead) => Promise<void> | void): Promise<string> {
    checkId(id);
    return this.queue.run(id, async () => {
      if (guard) await guard(await this.read(id));
      const state = await this.state(id);
      const crossed = await this.crossedOf(state);
      const colliding = collidingWords(crossed);
      if (colliding) throw new AppFailure('conflict', colliding);
      return this.recordCopy(actor, state, crossed, options, content);
    });
  }

  /**
   * A review action's milestone: the copy it was taken on, as a revision. Left out while crossed
   * copies collide (a reopen may be taken then): there is no one copy to record, and the merge
   * that settles them is the next revision.
   */
  async milestone(actor: Actor, id: string, options: RevisionOptions): Promise<string | null> {
    checkId(id);
    return this.queue.run(id, async () => {
      const state = await this.state(id);
      const crossed = await this.crossedOf(state);
      return collidingWords(crossed) ? null : this.recordCopy(actor, state, crossed, options);
    });
  }

  private async recordCopy(actor: Actor, state: ArticleState, crossed: CrossedCopy | null, options: RevisionOptions, content?: ArticleContent): Promise<string> {
    const listed = state.verdict.revisions.filter((revision) => revision.event.kind !== 'autosave').at(-1);
    // An upgraded article has no copy until this records it: read one only when none is given.
    const copy = content ? parseContent(content) : (crossed?.content ?? (await this.read(state.id)).content);
    if (options.kind === 'auto' && !crossed && listed && listed.event.state === storedState(copy) && listed.id === state.verdict.head?.id) return listed.id;
    return this.writeRevision(actor, state, copy, options, crossed ? crossed.merged.map((head) => head.id) : state.verdict.head ? [state.verdict.head.id] : []);
  }

  /**
   * Appends an event built by `decide` from the article as it is now (in the article's queue);
   * `decide` may give a function of the event's time, for events that repeat it.
   */
  async act<K extends ArticleKind>(
    actor: Actor,
    id: string,
    kind: K,
    decide: (read: ArticleRead) => Promise<ArticleEvents[K] | ((at: string) => ArticleEvents[K])> | ArticleEvents[K] | ((at: string) => ArticleEvents[K]),
  ): Promise<ArticleRead> {
    checkId(id);
    return this.queue.run(id, async () => {
      const read = await this.read(id);
      const event = await decide(read);
      await this.logs.append(this.writer, actor.key, read.state, kind, event);
      return this.read(id);
    });
  }

  /** A review action, built by `decide`, naming the revision it saw. */
  review(actor: Actor, id: string, decide: (read: ArticleRead) => Promise<Omit<ReviewEvent, 'revision'>> | Omit<ReviewEvent, 'revision'>): Promise<ArticleRead> {
    return this.act(actor, id, 'review', async (read): Promise<ReviewEvent> => {
      const event = await decide(read);
      const head = read.state.verdict.head;
      return head ? { ...event, revision: head.id } : event;
    });
  }

  /** Writes `content` as a revision made from `from` (the current head unless given), stored as a delta against the last of them. */
  private async writeRevision(actor: Actor, state: ArticleState, content: ArticleContent, options: RevisionOptions, from: readonly string[] = state.verdict.head ? [state.verdict.head.id] : []): Promise<string> {
    const base = from.at(-1);
    const content$ = this.content(state.id);
    const fields = await content$.store(content, base ? { id: base, revisions: state.revisions } : null);
    const event = {
      from: [...from],
      kind: options.kind,
      ...(options.label ? { label: options.label } : {}),
      ...(options.action ? { action: options.action } : {}),
      stage: options.stage ?? state.verdict.review.stage,
      ...fields,
    };
    const appended = await this.logs.append(this.writer, actor.key, state, 'revision', event);
    content$.written(appended.hash, content, fields, state.revisions);
    await this.copies.put(state.id, { head: appended.hash, headline: content.headline, channel: content.channel });
    return appended.hash;
  }

  private async crossedOf(state: ArticleState): Promise<CrossedCopy | null> {
    const { verdict } = state;
    if (verdict.revisionHeads.length < 2) return null;
    const heads = verdict.revisionHeads.map((id) => state.revisions.get(id)!);
    return crossedCopy(this.content(state.id), state.revisions, verdict.revisions, heads);
  }

  private async copyOf(state: ArticleState): Promise<ArticleContent> {
    const head = state.verdict.head;
    if (!head && state.roster.verdict.snapshot.attestations.has(state.id)) {
      throw new AppFailure('damaged', `articles/${state.id}/${ARTICLE_FILE} could not be read when the workspace was upgraded, so the article has no copy; its review records are kept`);
    }
    // No trusted revision, and a line of the log damaged or changed: the copy is in what cannot be trusted. Say so; an empty article would invite writing over it.
    const damage = state.verdict.problems.find((problem) => problem.code === 'forged');
    if (!head && damage) {
      const where = `${damage.path ?? `articles/${state.id}/log`}${damage.line ? ` line ${damage.line}` : ''}`;
      throw new AppFailure('damaged', `${where} is damaged or was changed (${damage.detail}), so the article's copy cannot be trusted; its files were left untouched`);
    }
    if (!head) {
      const created = state.verdict.records.find((record) => record.kind === 'create' && record.status === 'signed');
      const language = (created?.event as { language?: Language } | undefined)?.language ?? 'zh-CN';
      return emptyContent(language);
    }
    const content = await this.content(state.id).load(state.revisions, head.id);
    await this.copies.put(state.id, { head: head.id, headline: content.headline, channel: content.channel });
    return content;
  }

  private async summary(id: string, roster: RosterView) {
    const state = await this.state(id, roster);
    const head = state.verdict.head;
    const cached = head ? await this.copies.get(id, head.id) : null;
    const copy = cached ?? (await this.copyOf(state));
    return { state, summary: summaryOf(id, state.verdict, copy, await this.authorship(state)), trashed: state.verdict.trashed };
  }

  /** Authorship from the signed create; for an upgraded format-1 article, also its article.json as it was. */
  private async authorship(state: ArticleState): Promise<Authorship> {
    const attested = state.roster.verdict.snapshot.attestations.has(state.id);
    let legacy: { createdBy: string; createdAt: string } | null = null;
    if (attested) {
      const file = await readJsonFile(join(this.layout.articleDir(state.id), ARTICLE_FILE), ArticleSchema);
      if (file.ok) legacy = { createdBy: file.value.createdBy, createdAt: file.value.createdAt };
    }
    return authorshipOf(state.verdict, state.roster.roster, legacy);
  }
}

/**
 * What a save answers: `head` is the revision it wrote (or, for an unchanged copy, the one it was
 * made from), which the next save names as its base — not the article's head, which is another
 * desk's revision when a crossing save arrived meanwhile and is ordered after it.
 */
function savedOf(article: Article, head: string): Saved {
  return { revision: article.revision, head, updatedAt: article.updatedAt, updatedBy: article.updatedBy };
}

/** The crossed copies the page saw merged, when they are still what is crossed now; a `conflict` otherwise. */
function sameMerge(read: ArticleRead, merged: readonly string[]): CrossedCopy {
  const crossed = read.crossed;
  const now = crossed?.merged.map((head) => head.id).sort().join(',');
  if (!crossed || now !== [...merged].sort().join(',')) throw new AppFailure('conflict', 'the crossed copies changed since they were shown (another desk merged them, or another copy arrived); look at them again');
  return crossed;
}

/** The heads a save of the merged copy is made from; refused while a collision waits for a pick. */
function cleanMerge(read: ArticleRead, merged: readonly string[]): string[] {
  const crossed = sameMerge(read, merged);
  const colliding = collidingWords(crossed);
  if (colliding) throw new AppFailure('conflict', colliding);
  return crossed.merged.map((head) => head.id);
}

/** What collides in crossed copies, in words; null when nothing does. */
function collidingWords(crossed: CrossedCopy | null): string | null {
  if (!crossed || crossed.merge.collisions.length === 0) return null;
  const names = [...new Set(crossed.merged.map((head) => head.byName ?? head.by))].join(', ');
  return `copies saved by ${names} at the same time collide in ${crossed.merge.collisions.length} place(s); pick which to keep before the article is saved again`;
}

function checkId(id: string): void {
  if (!isArticleId(id)) throw new AppFailure('invalid-input', 'not an article id');
}

/** Whatever the content came from (the page, a restored revision), it is stored as the editor makes it. */
function parseContent(content: ArticleContent): ArticleContent {
  const checked = ArticleContentSchema.safeParse(content);
  if (!checked.success) throw new AppFailure('invalid-input', `the article is not valid: ${checked.error.issues[0]?.message ?? 'unknown problem'}`);
  const { channel, headline, deck, byline, language, body } = checked.data;
  return { channel, headline, deck, byline, language, body };
}

/** Stands for a copy that is not settled: no approval names it, so none counts while copies collide. */
function unsettledHash(crossed: CrossedCopy): string {
  return sha256Hex(`crossed copies ${crossed.merged.map((head) => head.id).sort().join(' ')}`);
}

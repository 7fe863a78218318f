/**
 * The library index's view of a format-2 workspace: each article's change stamp, found without
 * reading the article, and the article read through the workspace's own services (the signed
 * log verified, the current copy rebuilt from its head revision, review records, annotations).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { nativeLineHash } from '../identity/native-hash';
import { annotationsOf } from '../article-notes';
import type { RosterView } from '../roster-log';
import { reviewOf, type Workspace } from '../workspace';
import { damagedArticle, indexedArticleOf } from '../../../shared/search/from-article';
import type { IndexedArticle, TrashNote } from '../../../shared/search/indexed-article';
import type { TrashState } from '../../../shared/identity/article-verdict';
import type { FolderEntry } from './refresh';

/** Stamps are found this many articles at a time. */
const STAMP_CONCURRENCY = 32;

export class ArticleSource {
  constructor(private readonly workspace: Workspace) {}

  /** The roster as it is now; its key is part of every stamp (who may sign what decides what counts). */
  roster(): Promise<RosterView> {
    return this.workspace.roster();
  }

  /** Every article folder with its stamp. */
  async entries(roster: RosterView): Promise<FolderEntry[]> {
    const ids = await this.workspace.articles.ids();
    const out: FolderEntry[] = [];
    for (let at = 0; at < ids.length; at += STAMP_CONCURRENCY) {
      const stamps = await Promise.all(ids.slice(at, at + STAMP_CONCURRENCY).map((id) => this.stamp(id, roster)));
      stamps.forEach((stamp, offset) => stamp !== null && out.push({ id: ids[at + offset]!, stamp }));
    }
    return out;
  }

  /**
   * What the folder says about the article without reading it: the name, size and time of each
   * of its log files and of its format-1 article.json, with the roster's key. Null when the
   * article has no folder.
   */
  async stamp(id: string, roster: RosterView): Promise<string | null> {
    const dir = this.workspace.layout.articleDir(id);
    const top = await readdir(dir).catch(() => null);
    if (top === null) return null;
    const logs = (await readdir(join(dir, 'log')).catch(() => [] as string[])).sort();
    const marks = await Promise.all([
      ...logs.map((name) => markOf(join(dir, 'log', name), name)),
      ...(top.includes('article.json') ? [markOf(join(dir, 'article.json'), 'article.json')] : []),
    ]);
    return nativeLineHash(`${roster.key}\n${marks.join('\n')}`);
  }

  /** The article as the index keeps it; one that cannot be read is listed as damaged, with why. */
  async read(id: string, roster: RosterView, stamp: string): Promise<IndexedArticle> {
    try {
      const { state, article } = await this.workspace.articles.read(id, roster);
      const review = reviewOf(state);
      const notes = await annotationsOf(this.workspace.layout.articleDir(id), state);
      return indexedArticleOf({
        article,
        stamp,
        review: review.state,
        reviewProblem: review.problem,
        records: review.records,
        threads: notes.threads,
        trash: trashNoteOf(state.verdict.trash),
      });
    } catch (error) {
      const trash = await this.workspace.articles
        .state(id, roster)
        .then((state) => trashNoteOf(state.verdict.trash))
        .catch(() => null);
      return damagedArticle({ id, stamp, problem: error instanceof Error ? error.message : String(error), trash, at: dateOfId(id) });
    }
  }
}

function trashNoteOf(trash: TrashState | null | undefined): TrashNote | null {
  return trash?.trashed ? { at: trash.at, by: trash.byName ?? trash.by, reason: trash.reason } : null;
}

async function markOf(path: string, name: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  return info ? `${name}:${info.size}:${info.mtimeMs}` : `${name}:gone`;
}

/** An article id starts with the day it was made (YYYYMMDD): a damaged article is listed under that day. */
function dateOfId(id: string): string {
  const day = /^(\d{4})(\d{2})(\d{2})-/.exec(id);
  return day ? `${day[1]}-${day[2]}-${day[3]}T00:00:00.000Z` : new Date(0).toISOString();
}

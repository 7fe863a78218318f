/**
 * What every soak turn shares: the seeded random choices, the article as a desk reads it, who
 * holds it, and how an answer is judged — done, refused by a rule (an expected outcome,
 * counted), or anything else, which fails the soak.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Article } from '../../../src/shared/article/article';
import type { ArticleReview } from '../../../src/shared/contract/api';
import type { AppError, Result } from '../../../src/shared/contract/errors';
import type { Stage } from '../../../src/shared/review/stages';
import type { SoakDesk, SoakNewsroom, SoakRole } from './soak-newsroom';
import type { SoakTally } from './soak-tally';

export class SoakRandom {
  private readonly rng;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }
  percent(): number {
    return this.int(0, 99);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}

export interface SoakRun {
  newsroom: SoakNewsroom;
  tally: SoakTally;
  /** Articles a turn is working on now: one turn at a time per article in this process (other desks' files still cross). */
  busy: Set<string>;
  /** Gives every edit a token of its own. */
  nextToken(desk: SoakDesk): string;
}

/** Whoever may act on the copy at `stage`: the author on a draft, the stage's reviewer, the third reviewer once signed off (to reopen). */
export const HOLDER: Record<Stage, SoakRole> = { draft: 'reporter', first: 'editor', second: 'second', third: 'third', signed: 'third' };

export interface Seen {
  article: Article;
  review: ArticleReview;
}

export async function look(run: SoakRun, desk: SoakDesk, id: string): Promise<Seen> {
  const article = await desk.must('reporter', 'getArticle', { id });
  const review = await desk.must('reporter', 'getReview', { id });
  if (article.crossed) run.tally.forks.add(id);
  return { article, review };
}

/** Refusals that mean something is broken, not that a rule said no. */
const BROKEN = new Set(['chain-damaged', 'locked', 'roster-lost', 'key-damaged']);

function expectedRefusal(error: AppError): string | null {
  if (error.refusal) return BROKEN.has(error.refusal.code) ? null : error.refusal.code;
  return error.code === 'conflict' ? 'conflict' : null;
}

export class SoakFailure extends Error {}

/** The value of an acknowledged call (counted as `kind`), null for a refusal the rules give (counted by its code); throws on anything else. */
export function judged<T>(run: SoakRun, desk: SoakDesk, kind: string, result: Result<T>): T | null {
  if (result.ok) {
    run.tally.action(kind);
    return result.value;
  }
  const code = expectedRefusal(result.error);
  if (code === null) throw new SoakFailure(`${desk.label}: ${kind} failed: ${result.error.code} ${result.error.refusal?.code ?? ''} ${result.error.message}`);
  run.tally.refusal(code);
  return null;
}

/** A free article, marked busy until `work` is done; nothing when every article is busy. */
export async function withArticle(run: SoakRun, random: SoakRandom, work: (id: string) => Promise<void>): Promise<void> {
  const free = run.newsroom.articles.filter((id) => !run.busy.has(id));
  if (free.length === 0) return;
  const id = random.pick(free);
  run.busy.add(id);
  try {
    await work(id);
  } finally {
    run.busy.delete(id);
  }
}

/** The hash of the review record `role` just wrote at `desk` (the last line of their file there). */
export function ownRecord(review: ArticleReview, desk: SoakDesk, personId: string, id: string): string {
  const path = `articles/${id}/log/${personId}.${desk.deskId}.jsonl`;
  const mine = review.records.filter((record) => record.path === path).sort((a, b) => a.line - b.line);
  const hash = mine.at(-1)?.hash;
  if (!hash) throw new SoakFailure(`${desk.label}: the review action it acknowledged is not among the article's records`);
  return hash;
}

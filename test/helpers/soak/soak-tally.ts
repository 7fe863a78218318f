/**
 * What the soak's desks did and what the rules refused, as the handlers answered; and what must
 * hold afterwards at every desk: each acknowledged save a revision, each deliberately crossed
 * pair of review actions or saves surfaced.
 */
export interface CrossedReviews {
  article: string;
  /** The two review records, by the hash of their log lines. */
  records: [string, string];
}

export interface CrossedSaves {
  article: string;
  /** The two revisions saved from one base at two desks. */
  heads: [string, string];
  /** Both changed the same paragraph (or caption): a collision a person has to pick. */
  colliding: boolean;
}

export class SoakTally {
  readonly actions = new Map<string, number>();
  readonly refusals = new Map<string, number>();
  /** Acknowledged saves and merges: the revision each handler call answered with. */
  readonly saves: Array<{ article: string; head: string; desk: string }> = [];
  /** Review actions the handlers acknowledged, by article. */
  readonly reviews = new Map<string, number>();
  readonly crossedReviews: CrossedReviews[] = [];
  readonly crossedSaves: CrossedSaves[] = [];
  /** Articles some desk read with several heads. */
  readonly forks = new Set<string>();
  automaticMerges = 0;
  manualMerges = 0;
  /** Crossed rounds left out because the two desks did not read the same article yet. */
  roundsNotInStep = 0;

  action(kind: string): void {
    this.actions.set(kind, (this.actions.get(kind) ?? 0) + 1);
  }

  /** The code of the latest refusal, for a failure's message. */
  lastRefusal: string | null = null;

  refusal(code: string): void {
    this.lastRefusal = code;
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
  }

  review(article: string): void {
    this.reviews.set(article, (this.reviews.get(article) ?? 0) + 1);
  }

  line(seed: number, seconds: number, recordsLost: number): string {
    const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
    const listed = (counts: Map<string, number>) => [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `${kind} ${n}`).join(', ');
    return [
      `soak: seed ${seed}`,
      `${seconds} s`,
      `actions ${total(this.actions)} (${listed(this.actions)})`,
      `refusals ${total(this.refusals)} (${listed(this.refusals)})`,
      `crossed rounds left out (desks not in step) ${this.roundsNotInStep}`,
      `crossed review actions ${this.crossedReviews.length}`,
      `crossed saves ${this.crossedSaves.length} (${this.crossedSaves.filter((pair) => pair.colliding).length} colliding)`,
      `forks ${this.forks.size}`,
      `automatic merges ${this.automaticMerges}`,
      `manual merges ${this.manualMerges}`,
      `records lost ${recordsLost}`,
    ].join('; ');
  }
}

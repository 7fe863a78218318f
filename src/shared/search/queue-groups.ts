import type { ArticleSummary } from '../article/article';
import { inQueue, QUEUES, stateOf, type QueueName } from '../library/queues';
import type { Person } from '../review/people';
import type { ReviewPolicy } from '../review/policy';

/** What decides which desk queues an article is in, for anyone: its summary's review part. */
export type QueueFacts = Pick<ArticleSummary, 'authorId' | 'review' | 'reviewProblem'>;

/**
 * Articles whose facts give the same key are in the same queues for every person and policy
 * (src/shared/library/queues.ts reads no more than this). The index counts articles per key, so
 * a person's queue counts cost one check per key, not one per article.
 */
export function queueKey(facts: QueueFacts): string {
  const state = stateOf(asSummary(facts));
  const { first, second, third } = state.approvers;
  return JSON.stringify([state.stage, state.author, [...first].sort(), [...second].sort(), [...third].sort(), state.lastReturn?.to ?? null, facts.reviewProblem !== null]);
}

export interface QueueGroup {
  key: string;
  count: number;
  /** The facts of any one article of the group: all of them are in the same queues. */
  facts: QueueFacts;
}

export type QueueCounts = Record<QueueName, number>;

export function countQueues(groups: Iterable<QueueGroup>, person: Person | null, policy: ReviewPolicy): QueueCounts {
  const counts = Object.fromEntries(QUEUES.map((queue) => [queue, 0])) as QueueCounts;
  for (const group of groups) {
    if (group.count === 0) continue;
    const summary = asSummary(group.facts);
    for (const queue of QUEUES) if (inQueue(summary, queue, person, policy)) counts[queue] += group.count;
  }
  return counts;
}

/** The keys of the groups in `queue` for `person`. */
export function keysInQueue(groups: Iterable<QueueGroup>, queue: QueueName, person: Person | null, policy: ReviewPolicy): string[] {
  const keys: string[] = [];
  for (const group of groups) if (inQueue(asSummary(group.facts), queue, person, policy)) keys.push(group.key);
  return keys;
}

function asSummary(facts: QueueFacts): ArticleSummary {
  return { id: '', headline: '', channel: [], createdBy: '', updatedAt: '', updatedBy: '', ...facts };
}

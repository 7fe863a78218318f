import type { ArticleSummary } from '../article/article';
import type { Person } from '../review/people';
import type { ReviewPolicy } from '../review/policy';
import { inQueue } from './queues';

/** Queues whose new arrivals the person at the desk is told about. */
export const NOTICE_QUEUES = ['returned', 'waiting'] as const;
export type NoticeQueue = (typeof NOTICE_QUEUES)[number];

export interface Arrival {
  id: string;
  headline: string;
  queue: NoticeQueue;
  /** Who sent it back, for an article returned to the person. */
  returnedBy: string | null;
}

/**
 * The articles that are in "Returned to me" or "Waiting for me" now and were not before (an
 * article both returned to a reviewer and waiting for them arrives once, as returned).
 */
export function arrivals(before: readonly ArticleSummary[], after: readonly ArticleSummary[], person: Person | null, policy: ReviewPolicy): Arrival[] {
  if (!person) return [];
  const out: Arrival[] = [];
  const told = new Set<string>();
  for (const queue of NOTICE_QUEUES) {
    const already = new Set(before.filter((summary) => inQueue(summary, queue, person, policy)).map((summary) => summary.id));
    for (const summary of after) {
      if (told.has(summary.id) || already.has(summary.id) || !inQueue(summary, queue, person, policy)) continue;
      told.add(summary.id);
      out.push({ id: summary.id, headline: summary.headline, queue, returnedBy: queue === 'returned' ? (summary.review?.lastReturn?.byName ?? null) : null });
    }
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../src/shared/article/article';
import { inQueue, QUEUES, stageOf, type QueueName } from '../../../src/shared/library/queues';
import { DEFAULT_REVIEW_POLICY } from '../../../src/shared/review/policy';
import type { ReviewState } from '../../../src/shared/review/review-state';
import { AUTHOR, Desk, EDITOR, SECOND, THIRD } from '../review/desk';

function summary(state: ReviewState | null, reviewProblem: string | null = null): ArticleSummary {
  return { id: '20250501-0123456789', headline: 'H', channel: [], authorId: AUTHOR.id, createdBy: 'Lin', updatedAt: '', updatedBy: 'Lin', review: state, reviewProblem };
}

const queuesOf = (s: ArticleSummary, person: Parameters<typeof inQueue>[2], policy = DEFAULT_REVIEW_POLICY) =>
  QUEUES.filter((queue: QueueName) => inQueue(s, queue, person, policy));

describe('inQueue', () => {
  it("puts a new or withdrawn draft among its author's drafts only", () => {
    expect(queuesOf(summary(new Desk().state), AUTHOR)).toEqual(['all', 'drafts']);
    expect(queuesOf(summary(new Desk().submit().must(AUTHOR, { action: 'withdraw' }).state), AUTHOR)).toEqual(['all', 'drafts']);
    expect(queuesOf(summary(new Desk().state), EDITOR)).toEqual(['all']);
  });

  it('reads a summary without a review state as a draft of its author', () => {
    expect(queuesOf(summary(null), AUTHOR)).toEqual(['all', 'drafts']);
    expect(stageOf(summary(null))).toBe('draft');
  });

  it('puts an article at a review in the waiting queue of whoever may review it there', () => {
    const atFirst = summary(new Desk().submit().state);
    expect(queuesOf(atFirst, EDITOR)).toEqual(['all', 'waiting', 'inReview']);
    expect(queuesOf(atFirst, SECOND)).toEqual(['all', 'inReview']);
    expect(queuesOf(atFirst, AUTHOR)).toEqual(['all', 'inReview']);
    expect(queuesOf(summary(new Desk().submit().approve(EDITOR).approve(SECOND).state), THIRD)).toEqual(['all', 'waiting', 'inReview']);
  });

  it("keeps an article whose review log is damaged out of anyone's waiting queue", () => {
    expect(queuesOf(summary(new Desk().submit().state, 'reviews.jsonl record 1: altered'), EDITOR)).toEqual(['all', 'inReview']);
  });

  it('puts an article returned to its author among the returned, not the drafts', () => {
    const returned = summary(new Desk().submit().must(EDITOR, { action: 'return', to: 'draft', reason: 'Shorter.' }).state);
    expect(queuesOf(returned, AUTHOR)).toEqual(['all', 'returned']);
    expect(queuesOf(returned, EDITOR)).toEqual(['all']);
  });

  it('counts an article sent back to a review among the returned and the waiting of whoever may act there', () => {
    const backToFirst = summary(new Desk().submit().approve(EDITOR).must(SECOND, { action: 'return', to: 'first', reason: 'Again.' }).state);
    expect(queuesOf(backToFirst, EDITOR)).toEqual(['all', 'waiting', 'returned', 'inReview']);
    expect(queuesOf(backToFirst, SECOND)).toEqual(['all', 'inReview']);
    expect(queuesOf(backToFirst, AUTHOR)).toEqual(['all', 'inReview']);
    const damaged = { ...backToFirst, reviewProblem: 'reviews.jsonl record 3: altered' };
    expect(queuesOf(damaged, EDITOR)).toEqual(['all', 'inReview']);
  });

  it('lists signed articles for everyone, and needs a person for the personal queues', () => {
    const signed = summary(new Desk().signOff().state);
    expect(queuesOf(signed, THIRD)).toEqual(['all', 'signed']);
    expect(queuesOf(summary(new Desk().submit().state), null)).toEqual(['all', 'inReview']);
    expect(queuesOf(summary(new Desk().state), null)).toEqual(['all']);
  });

  it('follows the policy on authors reviewing their own articles', () => {
    const authorEditor = { ...AUTHOR, roles: ['reporter' as const, 'editor' as const] };
    const atFirst = summary(new Desk().submit().state);
    expect(inQueue(atFirst, 'waiting', authorEditor, DEFAULT_REVIEW_POLICY)).toBe(false);
    expect(inQueue(atFirst, 'waiting', authorEditor, { authorMayReview: true })).toBe(true);
  });
});

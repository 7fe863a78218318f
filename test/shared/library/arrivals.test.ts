import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../src/shared/article/article';
import { arrivals } from '../../../src/shared/library/arrivals';
import { DEFAULT_REVIEW_POLICY } from '../../../src/shared/review/policy';
import type { ReviewState } from '../../../src/shared/review/review-state';
import { AUTHOR, Desk, EDITOR, SECOND } from '../review/desk';

function summary(id: string, state: ReviewState | null): ArticleSummary {
  return { id, headline: `Story ${id.slice(-1)}`, channel: [], authorId: AUTHOR.id, createdBy: 'Lin', updatedAt: '', updatedBy: 'Lin', review: state, reviewProblem: null };
}

const A = '20250501-000000000a';
const B = '20250501-000000000b';

describe('what arrived for the person at the desk', () => {
  it('names articles that came into "Waiting for me", once', () => {
    const before = [summary(A, new Desk().state), summary(B, new Desk().submit().state)];
    const after = [summary(A, new Desk().submit().state), summary(B, new Desk().submit().state)];
    expect(arrivals(before, after, EDITOR, DEFAULT_REVIEW_POLICY)).toEqual([{ id: A, headline: 'Story a', queue: 'waiting', returnedBy: null }]);
    // Nothing new for someone at another review, and nothing when nobody is signed in.
    expect(arrivals(before, after, SECOND, DEFAULT_REVIEW_POLICY)).toEqual([]);
    expect(arrivals(before, after, null, DEFAULT_REVIEW_POLICY)).toEqual([]);
    expect(arrivals(after, after, EDITOR, DEFAULT_REVIEW_POLICY)).toEqual([]);
  });

  it('names an article sent back to its author, with who sent it', () => {
    const submitted = new Desk().submit();
    const before = [summary(A, submitted.state)];
    const after = [summary(A, submitted.must(EDITOR, { action: 'return', to: 'draft', reason: 'Shorter.' }).state)];
    expect(arrivals(before, after, AUTHOR, DEFAULT_REVIEW_POLICY)).toEqual([{ id: A, headline: 'Story a', queue: 'returned', returnedBy: 'Wang Li' }]);
  });

  it('names an article sent back to a reviewer as returned, not also as waiting', () => {
    const atSecond = new Desk().submit().approve(EDITOR);
    const before = [summary(A, atSecond.state)];
    const after = [summary(A, atSecond.must(SECOND, { action: 'return', to: 'first', reason: 'Again.' }).state)];
    expect(arrivals(before, after, EDITOR, DEFAULT_REVIEW_POLICY)).toEqual([{ id: A, headline: 'Story a', queue: 'returned', returnedBy: 'Zhao Min' }]);
  });

  it('names a new article that arrives already waiting', () => {
    expect(arrivals([], [summary(B, new Desk().submit().state)], EDITOR, DEFAULT_REVIEW_POLICY).map((a) => a.id)).toEqual([B]);
  });
});

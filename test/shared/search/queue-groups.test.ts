import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../src/shared/article/article';
import { inQueue, QUEUES } from '../../../src/shared/library/queues';
import type { ReviewPolicy } from '../../../src/shared/review/policy';
import type { ReviewRequest } from '../../../src/shared/review/rules';
import { countQueues, queueKey, type QueueGroup } from '../../../src/shared/search/queue-groups';
import { ADMIN, ALL_ROUNDER, AUTHOR, Desk, EDITOR, EDITOR_2, H2, person, SECOND, THIRD } from '../review/desk';

const PEOPLE = [AUTHOR, EDITOR, EDITOR_2, SECOND, THIRD, ADMIN, ALL_ROUNDER, person('u-gone0001', 'Gone', ['editor'], false)];
const OTHER_AUTHOR = person('u-reporter2', 'Reporter Two', ['reporter', 'editor']);
// Submitting and approving come up more often, so articles get far along the chain.
const ACTIONS: ReviewRequest[] = [
  { action: 'submit' },
  { action: 'submit' },
  { action: 'approve', opinion: 'ok' },
  { action: 'approve', opinion: 'ok' },
  { action: 'approve', opinion: 'ok' },
  { action: 'withdraw' },
  { action: 'approve', opinion: 'ok' },
  { action: 'return', to: 'draft', reason: 'no' },
  { action: 'return', to: 'first', reason: 'no' },
  { action: 'reopen', reason: 'again' },
];

/** An article whose review went through random steps, each allowed by the real rules or skipped. */
const article = fc
  .record({
    author: fc.constantFrom(AUTHOR, OTHER_AUTHOR),
    steps: fc.array(fc.tuple(fc.constantFrom(...PEOPLE, OTHER_AUTHOR), fc.constantFrom(...ACTIONS)), { maxLength: 20 }),
    edited: fc.boolean(),
    problem: fc.boolean(),
    reviewed: fc.boolean(),
  })
  .map(({ author, steps, edited, problem, reviewed }): ArticleSummary => {
    const desk = new Desk(author.id);
    for (const [actor, action] of steps) desk.act(actor, action);
    if (edited) desk.edit(H2);
    return {
      id: 'a-00000000',
      headline: '',
      channel: [],
      authorId: author.id,
      createdBy: author.name,
      updatedAt: '',
      updatedBy: '',
      review: reviewed ? desk.state : null,
      reviewProblem: problem ? 'the review log was altered' : null,
    };
  });

/** Articles counted by queue key, as the index keeps them. */
function groupsOf(articles: ArticleSummary[]): Map<string, QueueGroup> {
  const groups = new Map<string, QueueGroup>();
  for (const summary of articles) {
    const key = queueKey(summary);
    const group = groups.get(key) ?? { key, count: 0, facts: summary };
    group.count++;
    groups.set(key, group);
  }
  return groups;
}

describe('queue groups', () => {
  it('count every person’s queues as checking each article would', () => {
    fc.assert(
      fc.property(fc.array(article, { maxLength: 40 }), fc.boolean(), (articles, authorMayReview) => {
        const policy: ReviewPolicy = { authorMayReview };
        const groups = groupsOf(articles);
        for (const viewer of [...PEOPLE, OTHER_AUTHOR, null]) {
          const expected = Object.fromEntries(QUEUES.map((queue) => [queue, articles.filter((a) => inQueue(a, queue, viewer, policy)).length]));
          expect(countQueues(groups.values(), viewer, policy)).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keep apart articles whose earlier reviewers differ (no one reviews two stages)', () => {
    const base = { id: 'a-00000000', headline: '', channel: [], authorId: AUTHOR.id, createdBy: '', updatedAt: '', updatedBy: '', reviewProblem: null };
    const approvedByAllRounder = { ...base, review: new Desk().submit().approve(ALL_ROUNDER).state };
    const approvedByEditor = { ...base, review: new Desk().submit().approve(EDITOR).state };
    const groups = groupsOf([approvedByAllRounder, approvedByEditor]);
    expect(countQueues(groups.values(), ALL_ROUNDER, { authorMayReview: false }).waiting).toBe(1);
  });

  it('put articles that differ in what the queues read into different groups', () => {
    const draft = new Desk().state;
    const submitted = new Desk().submit().state;
    const base = { id: 'a-00000000', headline: '', channel: [], authorId: AUTHOR.id, createdBy: '', updatedAt: '', updatedBy: '' };
    expect(queueKey({ ...base, review: draft, reviewProblem: null })).not.toBe(queueKey({ ...base, review: submitted, reviewProblem: null }));
    expect(queueKey({ ...base, review: submitted, reviewProblem: null })).not.toBe(queueKey({ ...base, review: submitted, reviewProblem: 'x' }));
    expect(queueKey({ ...base, review: null, reviewProblem: null })).toBe(queueKey({ ...base, review: draft, reviewProblem: null }));
  });
});

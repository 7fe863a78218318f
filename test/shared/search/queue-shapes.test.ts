import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../src/shared/article/article';
import { inQueue, QUEUES } from '../../../src/shared/library/queues';
import type { ReviewPolicy } from '../../../src/shared/review/policy';
import type { Person } from '../../../src/shared/review/people';
import { countQueues, personalShapes, queueSelection, queueShape, relationsOf, type QueueSelection, type RelatedCount } from '../../../src/shared/search/queue-shapes';
import { ALL_ROUNDER, AUTHOR, Desk, EDITOR, EDITOR_2, SECOND, THIRD } from '../review/desk';
import { OTHER_AUTHOR, reviewedDesk, VIEWERS } from './reviewed-desks';

/** An article whose review went through random steps, each allowed by the real rules or skipped. */
const article = fc
  .record({ reviewed: reviewedDesk, problem: fc.boolean(), recorded: fc.boolean() })
  .map(({ reviewed: { desk, author }, problem, recorded }): ArticleSummary => ({
    id: 'a-00000000',
    headline: '',
    channel: [],
    authorId: author.id,
    createdBy: author.name,
    updatedAt: '',
    updatedBy: '',
    review: recorded ? desk.state : null,
    reviewProblem: problem ? 'the review log was altered' : null,
  }));

/** The library as the index keeps it: articles per shape, and per shape and relation for each person named. */
function indexOf(articles: ArticleSummary[]) {
  const shapes = new Map<string, number>();
  const related = new Map<string, Map<string, RelatedCount>>();
  for (const summary of articles) {
    const shape = queueShape(summary);
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    for (const [personId, relation] of relationsOf(summary)) {
      const counts = related.get(personId) ?? new Map<string, RelatedCount>();
      const key = `${shape}|${relation}`;
      const found = counts.get(key) ?? { shape, relation, count: 0 };
      found.count++;
      counts.set(key, found);
      related.set(personId, counts);
    }
  }
  return {
    shapes: [...shapes].map(([shape, count]) => ({ shape, count })),
    relatedTo: (personId: string) => [...(related.get(personId)?.values() ?? [])],
  };
}

/** Whether the article is in the selection, as the index's SQL asks it. */
function selects(selection: QueueSelection, summary: ArticleSummary, viewer: Person | null): boolean {
  const shape = queueShape(summary);
  const relation = viewer ? relationsOf(summary).get(viewer.id) : undefined;
  if (selection.shapes.includes(shape)) return true;
  if (relation === undefined) return selection.unrelated.includes(shape);
  return selection.related.some((found) => found.shape === shape && found.relations.includes(relation));
}


describe('queue shapes', () => {
  it('count every person’s queues as checking each article would', () => {
    fc.assert(
      fc.property(fc.array(article, { maxLength: 40 }), fc.boolean(), (articles, authorMayReview) => {
        const policy: ReviewPolicy = { authorMayReview };
        const index = indexOf(articles);
        for (const viewer of VIEWERS) {
          const expected = Object.fromEntries(QUEUES.map((queue) => [queue, articles.filter((a) => inQueue(a, queue, viewer, policy)).length]));
          const related = viewer ? index.relatedTo(viewer.id) : [];
          expect(countQueues(index.shapes, related, viewer, policy)).toEqual(expected);
          if (!viewer) continue;
          // Relations in shapes where who the person is changes nothing can be left unread.
          const personal = personalShapes(index.shapes.map((found) => found.shape), viewer, policy);
          expect(countQueues(index.shapes, related.filter((found) => personal.includes(found.shape)), viewer, policy)).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('select for every person’s queue exactly the articles in it', () => {
    fc.assert(
      fc.property(fc.array(article, { maxLength: 40 }), fc.boolean(), (articles, authorMayReview) => {
        const policy: ReviewPolicy = { authorMayReview };
        const shapes = new Set(articles.map(queueShape));
        for (const viewer of VIEWERS) {
          for (const queue of QUEUES) {
            const selection = queueSelection(shapes, queue, viewer, policy);
            for (const summary of articles) expect(selects(selection, summary, viewer)).toBe(inQueue(summary, queue, viewer, policy));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keep apart articles whose earlier reviewers differ (no one reviews two stages)', () => {
    const base = { id: 'a-00000000', headline: '', channel: [], authorId: AUTHOR.id, createdBy: '', updatedAt: '', updatedBy: '', reviewProblem: null };
    const approvedByAllRounder = { ...base, review: new Desk().submit().approve(ALL_ROUNDER).state };
    const approvedByEditor = { ...base, review: new Desk().submit().approve(EDITOR).state };
    const index = indexOf([approvedByAllRounder, approvedByEditor]);
    expect(countQueues(index.shapes, index.relatedTo(ALL_ROUNDER.id), ALL_ROUNDER, { authorMayReview: false }).waiting).toBe(1);
  });

  it('give articles that differ in what the queues read different shapes, and a signed archive one shape', () => {
    const draft = new Desk().state;
    const submitted = new Desk().submit().state;
    const base = { id: 'a-00000000', headline: '', channel: [], authorId: AUTHOR.id, createdBy: '', updatedAt: '', updatedBy: '' };
    expect(queueShape({ ...base, review: draft, reviewProblem: null })).not.toBe(queueShape({ ...base, review: submitted, reviewProblem: null }));
    expect(queueShape({ ...base, review: submitted, reviewProblem: null })).not.toBe(queueShape({ ...base, review: submitted, reviewProblem: 'x' }));
    expect(queueShape({ ...base, review: null, reviewProblem: null })).toBe(queueShape({ ...base, review: draft, reviewProblem: null }));
    const signedBy = (editor: Person) => new Desk().submit().approve(editor).approve(SECOND).approve(THIRD).state;
    expect(queueShape({ ...base, review: signedBy(EDITOR), reviewProblem: null })).toBe(queueShape({ ...base, authorId: OTHER_AUTHOR.id, review: signedBy(EDITOR_2), reviewProblem: null }));
  });
});

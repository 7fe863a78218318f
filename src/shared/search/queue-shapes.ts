import type { ArticleSummary } from '../article/article';
import { inQueue, QUEUES, stateOf, type QueueName } from '../library/queues';
import type { Person } from '../review/people';
import type { ReviewPolicy } from '../review/policy';
import type { ReviewState } from '../review/review-state';

/** What decides which desk queues an article is in, for anyone: its summary's review part. */
export type QueueFacts = Pick<ArticleSummary, 'authorId' | 'review' | 'reviewProblem'>;

/*
 * The desk queues (src/shared/library/queues.ts) read of an article its stage, where it was last
 * returned to, whether its review log has a problem — its *shape*, the same for everyone — and,
 * of the person looking, only whether they are its author and which reviews they approved — their
 * *relation* to it. There are a few dozen shapes however large the library, so the index counts
 * articles per shape, and per shape and relation only for the people an article names: a person's
 * queue counts cost a look at their own articles, not at every article.
 */

/** A person's relation to an article, as bits. */
export const UNRELATED = 0;
const AUTHOR = 1;
const APPROVED = { first: 2, second: 4, third: 8 } as const;
const RELATIONS = Array.from({ length: 16 }, (_, relation) => relation);

type Shape = [stage: ReviewState['stage'], returnedTo: string | null, problem: boolean];

export function queueShape(facts: QueueFacts): string {
  const state = stateOf(asSummary(facts));
  const shape: Shape = [state.stage, state.lastReturn?.to ?? null, facts.reviewProblem !== null];
  return JSON.stringify(shape);
}

/** Everyone the article names (its author, its approvers), each with their relation to it. */
export function relationsOf(facts: QueueFacts): Map<string, number> {
  const state = stateOf(asSummary(facts));
  const relations = new Map<string, number>([[state.author, AUTHOR]]);
  for (const stage of ['first', 'second', 'third'] as const) {
    for (const person of state.approvers[stage]) relations.set(person, (relations.get(person) ?? UNRELATED) | APPROVED[stage]);
  }
  return relations;
}

export interface ShapeCount {
  shape: string;
  count: number;
}

/** Articles of one shape that name the person, with this relation to them. */
export interface RelatedCount extends ShapeCount {
  relation: number;
}

export type QueueCounts = Record<QueueName, number>;

/**
 * A person's queue counts: every article counted as if it did not name them, then the articles
 * that do (`related`, theirs only) moved to where their relation puts them.
 */
export function countQueues(shapes: Iterable<ShapeCount>, related: Iterable<RelatedCount>, person: Person | null, policy: ReviewPolicy): QueueCounts {
  const counts = Object.fromEntries(QUEUES.map((queue) => [queue, 0])) as QueueCounts;
  const tables = new Map<string, QueueTable>();
  const tableOf = (shape: string) => tables.get(shape) ?? tables.set(shape, queueTable(shape, person, policy)).get(shape)!;
  for (const { shape, count } of shapes) for (const queue of tableOf(shape)[UNRELATED]!) counts[queue] += count;
  if (person === null) return counts;
  for (const { shape, relation, count } of related) {
    const table = tableOf(shape);
    for (const queue of table[UNRELATED]!) counts[queue] -= count;
    for (const queue of table[relation]!) counts[queue] += count;
  }
  return counts;
}

/** Which articles are in a person's queue, said by shape and relation. */
export interface QueueSelection {
  /** Articles of these shapes are in the queue, whoever they name. */
  shapes: string[];
  /** Articles of these shapes are in the queue when they do not name the person. */
  unrelated: string[];
  /** Articles of a shape that name the person with one of its relations here. */
  related: Array<{ shape: string; relations: number[] }>;
}

export function queueSelection(shapes: Iterable<string>, queue: QueueName, person: Person | null, policy: ReviewPolicy): QueueSelection {
  const selection: QueueSelection = { shapes: [], unrelated: [], related: [] };
  for (const shape of shapes) {
    const inside = queueTable(shape, person, policy).map((queues) => queues.has(queue));
    if (inside.every((is) => is === inside[UNRELATED])) {
      if (inside[UNRELATED]) selection.shapes.push(shape);
      continue;
    }
    if (inside[UNRELATED]) selection.unrelated.push(shape);
    const relations = RELATIONS.filter((relation) => relation !== UNRELATED && inside[relation]);
    if (relations.length > 0) selection.related.push({ shape, relations });
  }
  return selection;
}

/** The shapes in which who the person is can change a queue: only these need their relations looked up. */
export function personalShapes(shapes: Iterable<string>, person: Person, policy: ReviewPolicy): string[] {
  return [...shapes].filter((shape) => {
    const [unrelated, ...others] = queueTable(shape, person, policy).map((queues) => [...queues].join());
    return others.some((queues) => queues !== unrelated);
  });
}

/** For each relation (by its number), the queues an article of this shape is in for the person; nobody in particular has only the first. */
type QueueTable = Array<Set<QueueName>>;

function queueTable(shape: string, person: Person | null, policy: ReviewPolicy): QueueTable {
  const parsed = JSON.parse(shape) as Shape;
  return (person === null ? [UNRELATED] : RELATIONS).map((relation) => {
    const summary = summaryOf(parsed, relation, person?.id ?? '');
    return new Set(QUEUES.filter((queue) => inQueue(summary, queue, person, policy)));
  });
}

/** An article of this shape that names `personId` with this relation and nobody else (no person id is empty). */
function summaryOf([stage, returnedTo, problem]: Shape, relation: number, personId: string): ArticleSummary {
  const named = (bit: number) => (relation & bit ? [personId] : []);
  const author = relation & AUTHOR ? personId : '';
  const review: ReviewState = {
    stage,
    author,
    currentHash: '',
    approvals: {},
    signedOff: false,
    holderRole: null,
    approvers: { first: named(APPROVED.first), second: named(APPROVED.second), third: named(APPROVED.third) },
    reviewedSinceSubmit: false,
    recordCount: 0,
    ...(returnedTo === null ? {} : { lastReturn: { by: '', byName: '', at: '', reason: '', from: 'first', to: returnedTo as NonNullable<ReviewState['lastReturn']>['to'] } }),
  };
  return { ...asSummary({ authorId: author, review, reviewProblem: problem ? 'problem' : null }) };
}

function asSummary(facts: QueueFacts): ArticleSummary {
  return { id: '', headline: '', channel: [], createdBy: '', updatedAt: '', updatedBy: '', ...facts };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationEvent } from '../../../src/shared/annotations/events';
import { buildThreads, openThreads, orderEvents } from '../../../src/shared/annotations/threads';

const ALICE = { by: 'u-alice001', byName: 'Alice' };
const BOB = { by: 'u-bob00001', byName: 'Bob' };
const at = (minute: number) => `2025-05-01T08:${String(minute).padStart(2, '0')}:00.000Z`;
const T = 'm-thread01';

const open = (minute: number, who = ALICE, thread = T, comment = `c-open${minute}00`): AnnotationEvent => ({
  kind: 'open',
  thread,
  comment,
  quote: 'quoted',
  text: `opened at ${minute}`,
  at: at(minute),
  stage: 'first',
  ...who,
});
const reply = (minute: number, who: typeof ALICE, comment: string): AnnotationEvent => ({ kind: 'reply', thread: T, comment, text: `reply ${minute}`, at: at(minute), stage: 'second', ...who });
const act = (kind: 'resolve' | 'reopen', minute: number, who = BOB): AnnotationEvent => ({ kind, thread: T, at: at(minute), stage: 'second', ...who });

describe('buildThreads', () => {
  it('folds an open and replies into one thread, whatever order the logs were read in', () => {
    const events = [reply(3, ALICE, 'c-alice002'), reply(2, BOB, 'c-bob00001'), open(1)];
    const [thread, ...rest] = buildThreads(events);
    expect(rest).toEqual([]);
    expect(thread).toMatchObject({ id: T, quote: 'quoted', openedBy: ALICE.by, openedByName: 'Alice', openedAt: at(1), stage: 'first', resolved: false });
    expect(thread!.comments.map((c) => [c.id, c.by, c.stage])).toEqual([
      ['c-open100', ALICE.by, 'first'],
      ['c-bob00001', BOB.by, 'second'],
      ['c-alice002', ALICE.by, 'second'],
    ]);
  });

  it('orders events at the same moment by person, so every machine builds the same threads', () => {
    const same = [reply(2, BOB, 'c-bob00001'), reply(2, ALICE, 'c-alice002')];
    expect(orderEvents(same).map((e) => e.by)).toEqual([ALICE.by, BOB.by]);
    const events = [open(1), ...same, act('resolve', 3), act('reopen', 4, ALICE)];
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), (shuffled) => {
        expect(buildThreads(shuffled)).toEqual(buildThreads(events));
      }),
    );
  });

  it("lets only a comment's author edit or delete it", () => {
    const events: AnnotationEvent[] = [
      open(1),
      reply(2, BOB, 'c-bob00001'),
      { kind: 'edit', thread: T, comment: 'c-bob00001', text: 'Alice rewrote it', at: at(3), stage: 'first', ...ALICE },
      { kind: 'delete', thread: T, comment: 'c-bob00001', at: at(4), stage: 'first', ...ALICE },
      { kind: 'edit', thread: T, comment: 'c-open100', text: 'clarified', at: at(5), stage: 'first', ...ALICE },
    ];
    const [thread] = buildThreads(events);
    expect(thread!.comments).toMatchObject([
      { id: 'c-open100', text: 'clarified', editedAt: at(5) },
      { id: 'c-bob00001', text: 'reply 2', editedAt: null },
    ]);
    const deleted = buildThreads([...events, { kind: 'delete', thread: T, comment: 'c-bob00001', at: at(6), stage: 'first', ...BOB }]);
    expect(deleted[0]!.comments.map((c) => c.id)).toEqual(['c-open100']);
  });

  it('drops a thread whose every comment was deleted', () => {
    const deleteOpen: AnnotationEvent = { kind: 'delete', thread: T, comment: 'c-open100', at: at(2), stage: 'first', ...ALICE };
    expect(buildThreads([open(1), deleteOpen])).toEqual([]);
  });

  it('ignores a second open of the same thread, a repeated comment id and events for unknown threads', () => {
    const threads = buildThreads([
      open(1),
      open(2, BOB),
      reply(3, BOB, 'c-open100'),
      { ...reply(4, BOB, 'c-bob00001'), thread: 'm-nothread' },
      { ...act('resolve', 5), thread: 'm-nothread' },
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ openedBy: ALICE.by, comments: [{ id: 'c-open100', text: 'opened at 1' }] });
  });

  it('resolves and reopens, keeping the first resolver of a resolved thread', () => {
    const resolved = buildThreads([open(1), act('resolve', 2), act('resolve', 3, ALICE)]);
    expect(resolved[0]).toMatchObject({ resolved: true, resolvedBy: BOB.by, resolvedByName: 'Bob', resolvedAt: at(2) });
    const reopened = buildThreads([open(1), act('resolve', 2), act('reopen', 3, ALICE)]);
    expect(reopened[0]).toMatchObject({ resolved: false, resolvedBy: null, resolvedByName: null, resolvedAt: null });
  });
});

describe('openThreads', () => {
  it('keeps the unresolved threads, oldest first', () => {
    const threads = buildThreads([open(5, BOB, 'm-later001', 'c-later001'), open(1), act('resolve', 2), open(3, ALICE, 'm-middle01', 'c-middle01')]);
    expect(threads.map((t) => t.id)).toEqual([T, 'm-middle01', 'm-later001']);
    expect(openThreads(threads).map((t) => t.id)).toEqual(['m-middle01', 'm-later001']);
  });
});

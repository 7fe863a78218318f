import { describe, expect, it } from 'vitest';
import { defaultComparison } from '../../../src/shared/history/comparison';
import { revisionGroups } from '../../../src/shared/history/groups';
import type { Revision } from '../../../src/shared/history/revision';
import { H1, H2, H3, AUTHOR, Desk, EDITOR, SECOND, THIRD } from '../review/desk';

const H0 = '0'.repeat(63) + '1';

function revision(n: number, at: string, extra: Partial<Revision> = {}): Revision {
  return { n, at, author: AUTHOR.id, authorName: AUTHOR.name, stage: 'draft', kind: 'auto', contentHash: H0, ...extra };
}

describe('revisionGroups', () => {
  const revisions = [
    revision(1, '2026-11-26T02:00:00.000Z'),
    // 23:30 in Shanghai: still the 26th there.
    revision(2, '2026-11-26T15:30:00.000Z', { kind: 'save', label: '初稿' }),
    // 2026-11-27 in Shanghai (UTC+8) though still the 26th in UTC.
    revision(3, '2026-11-26T17:00:00.000Z'),
    revision(4, '2026-11-27T01:00:00.000Z', { kind: 'milestone', action: 'submit' }),
    revision(5, '2026-11-27T02:00:00.000Z', { stage: 'first', author: EDITOR.id, authorName: EDITOR.name }),
    revision(6, '2026-11-27T03:00:00.000Z', { stage: 'first', kind: 'milestone', action: 'return', author: EDITOR.id, authorName: EDITOR.name }),
    revision(7, '2026-11-27T04:00:00.000Z'),
  ];

  it('groups by day and stage, newest first, in the given time zone', () => {
    const groups = revisionGroups(revisions, 'zh-CN', { timeZone: 'Asia/Shanghai' });
    expect(groups.map((g) => [g.day, g.stage, g.revisions.map((r) => r.n)])).toEqual([
      ['2026-11-27', 'draft', [7]],
      ['2026-11-27', 'first', [6, 5]],
      ['2026-11-27', 'draft', [4, 3]],
      ['2026-11-26', 'draft', [2, 1]],
    ]);
    expect(groups[0]!.dayLabel).toBe('2026年11月27日');
    expect(groups[1]!.counts).toEqual({ auto: 1, save: 0, milestone: 1, restore: 0, upgrade: 0 });
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('writes days in the interface language and honours the time zone', () => {
    const groups = revisionGroups(revisions, 'en', { timeZone: 'UTC' });
    expect(groups.map((g) => [g.dayLabel, g.revisions.map((r) => r.n)])).toEqual([
      ['November 27, 2026', [7]],
      ['November 27, 2026', [6, 5]],
      ['November 27, 2026', [4]],
      ['November 26, 2026', [3, 2, 1]],
    ]);
    expect(revisionGroups([], 'en')).toEqual([]);
  });
});

describe('defaultComparison', () => {
  it('shows a reviewer what changed since their latest approval', () => {
    const desk = new Desk(AUTHOR.id, H1).submit().approve(EDITOR).edit(H2).approve(SECOND).edit(H3);
    const at = desk.records.map((r) => r.at);
    const revisions = [
      revision(1, '2025-05-01T07:00:00.000Z', { contentHash: H1 }),
      revision(2, at[0]!, { contentHash: H1, kind: 'milestone', action: 'submit' }),
      revision(3, at[1]!, { contentHash: H1, kind: 'milestone', action: 'approve', stage: 'first', author: EDITOR.id, authorName: EDITOR.name }),
      revision(4, '2025-05-01T08:02:30.000Z', { contentHash: H2, stage: 'second', author: SECOND.id, authorName: SECOND.name }),
      revision(5, at[2]!, { contentHash: H2, kind: 'milestone', action: 'approve', stage: 'second', author: SECOND.id, authorName: SECOND.name }),
      revision(6, '2025-05-01T09:00:00.000Z', { contentHash: H3, stage: 'third', author: THIRD.id, authorName: THIRD.name }),
    ];
    expect(defaultComparison(revisions, desk.records, EDITOR.id)).toEqual({ from: 3, to: 6, reason: 'since-my-approval' });
    expect(defaultComparison(revisions, desk.records, SECOND.id)).toEqual({ from: 5, to: 6, reason: 'since-my-approval' });
    // Someone who has not approved: since the last milestone.
    expect(defaultComparison(revisions, desk.records, THIRD.id)).toEqual({ from: 5, to: 6, reason: 'since-last-milestone' });
    expect(defaultComparison(revisions, desk.records, AUTHOR.id)).toEqual({ from: 5, to: 6, reason: 'since-last-milestone' });
  });

  it('uses the latest approval when a reviewer approved twice', () => {
    const desk = new Desk(AUTHOR.id, H1).submit().approve(EDITOR).must(SECOND, { action: 'return', to: 'first', reason: 'Fix the lead.' }).edit(H2).approve(EDITOR);
    const approvals = desk.records.filter((r) => r.action === 'approve');
    const revisions = [
      revision(1, approvals[0]!.at, { contentHash: H1, kind: 'milestone', action: 'approve', author: EDITOR.id, authorName: EDITOR.name, stage: 'first' }),
      revision(2, '2025-05-01T09:00:00.000Z', { contentHash: H2 }),
      revision(3, approvals[1]!.at, { contentHash: H2, kind: 'milestone', action: 'approve', author: EDITOR.id, authorName: EDITOR.name, stage: 'first' }),
      revision(4, '2025-05-01T10:00:00.000Z', { contentHash: H3 }),
    ];
    expect(defaultComparison(revisions, desk.records, EDITOR.id)).toEqual({ from: 3, to: 4, reason: 'since-my-approval' });
  });

  it('falls back to a revision with the approved content when no milestone was recorded', () => {
    const desk = new Desk(AUTHOR.id, H1).submit().approve(EDITOR);
    const revisions = [revision(1, '2025-05-01T07:00:00.000Z', { contentHash: H1 }), revision(2, '2025-05-01T09:00:00.000Z', { contentHash: H2 })];
    expect(defaultComparison(revisions, desk.records, EDITOR.id)).toEqual({ from: 1, to: 2, reason: 'since-my-approval' });
  });

  it('compares the latest revision with itself when nothing changed since the approval', () => {
    const desk = new Desk(AUTHOR.id, H1).submit().approve(EDITOR);
    const revisions = [revision(1, desk.records[1]!.at, { contentHash: H1, kind: 'milestone', action: 'approve', author: EDITOR.id, authorName: EDITOR.name })];
    expect(defaultComparison(revisions, desk.records, EDITOR.id)).toEqual({ from: 1, to: 1, reason: 'since-my-approval' });
  });

  it('starts from the first revision before any milestone, and has nothing to compare without revisions', () => {
    const revisions = [revision(1, '2025-05-01T07:00:00.000Z'), revision(2, '2025-05-01T08:00:00.000Z', { kind: 'milestone', action: 'submit' })];
    expect(defaultComparison(revisions, [], AUTHOR.id)).toEqual({ from: 1, to: 2, reason: 'since-first' });
    expect(defaultComparison([], [], AUTHOR.id)).toBeNull();
  });
});

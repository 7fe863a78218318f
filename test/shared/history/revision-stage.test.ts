import { describe, expect, it } from 'vitest';
import { revisionStage } from '../../../src/shared/history/revision-stage';
import type { Revision } from '../../../src/shared/history/revision';
import { Desk, EDITOR, H1, SECOND } from '../review/desk';

const revision = (fields: Partial<Revision>): Revision => ({ n: 1, at: '2025-05-01T08:10:00.000Z', author: '', authorName: 'X', stage: 'draft', kind: 'auto', contentHash: H1, ...fields });

describe('revisionStage', () => {
  it('labels a review milestone with the stage at which the action was taken', () => {
    const desk = new Desk().submit().approve(EDITOR).approve(SECOND);
    const secondApproval = desk.records[2]!;
    // Stored as the stage after the action (the third review), as older milestones were.
    const milestone = revision({ kind: 'milestone', action: 'approve', stage: 'third', at: new Date(Date.parse(secondApproval.at) + 500).toISOString() });
    expect(revisionStage(milestone, desk.records)).toBe('second');
    const firstApproval = revision({ kind: 'milestone', action: 'approve', stage: 'second', at: new Date(Date.parse(desk.records[1]!.at) + 500).toISOString() });
    expect(revisionStage(firstApproval, desk.records)).toBe('first');
  });

  it('keeps the stored stage of ordinary revisions and of milestones without a record', () => {
    const desk = new Desk().submit();
    expect(revisionStage(revision({ kind: 'save', stage: 'first' }), desk.records)).toBe('first');
    expect(revisionStage(revision({ kind: 'milestone', action: 'reopen', stage: 'first' }), desk.records)).toBe('first');
  });
});

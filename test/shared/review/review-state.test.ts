import { describe, expect, it } from 'vitest';
import { deriveReviewState } from '../../../src/shared/review/chain';
import { ADMIN, ALL_ROUNDER, AUTHOR, Desk, EDITOR, EDITOR_2, H1, H2, H3, SECOND, THIRD } from './desk';

describe('deriveReviewState', () => {
  it('starts as a draft with its author', () => {
    expect(new Desk().state).toEqual({
      stage: 'draft',
      author: AUTHOR.id,
      currentHash: H1,
      approvals: {},
      signedOff: false,
      holderRole: 'author',
      approvers: { first: [], second: [], third: [] },
      reviewedSinceSubmit: false,
      recordCount: 0,
    });
  });

  it('follows the straight path through the three reviews to sign-off', () => {
    const desk = new Desk().submit();
    expect(desk.state).toMatchObject({ stage: 'first', holderRole: 'editor' });
    desk.approve(EDITOR, 'Facts checked.');
    expect(desk.state).toMatchObject({ stage: 'second', holderRole: 'second' });
    desk.approve(SECOND, 'Good.');
    expect(desk.state).toMatchObject({ stage: 'third', holderRole: 'third' });
    desk.approve(THIRD, 'Sign.');
    const state = desk.state;
    expect(state).toMatchObject({ stage: 'signed', holderRole: null, signedOff: true, recordCount: 4 });
    expect(state.approvals.first).toEqual({ actorId: EDITOR.id, actorName: 'Wang Li', at: desk.records[1]!.at, opinion: 'Facts checked.', contentHash: H1, stale: false });
    expect(state.approvers).toEqual({ first: [EDITOR.id], second: [SECOND.id], third: [THIRD.id] });
  });

  it('marks approvals stale when the copy changes, and valid again when it changes back', () => {
    const desk = new Desk().signOff().edit(H2);
    expect(desk.state).toMatchObject({ stage: 'signed', signedOff: false });
    expect(Object.values(desk.state.approvals).map((a) => a.stale)).toEqual([true, true, true]);
    desk.edit(H1);
    expect(desk.state.signedOff).toBe(true);
  });

  it('goes back to the draft on withdraw', () => {
    const desk = new Desk().submit().must(AUTHOR, { action: 'withdraw', note: 'One more quote.' });
    expect(desk.state).toMatchObject({ stage: 'draft', holderRole: 'author', reviewedSinceSubmit: false });
  });

  it('keeps approvals through a return and records why it happened', () => {
    const desk = new Desk().submit().approve(EDITOR).approve(SECOND);
    desk.must(THIRD, { action: 'return', to: 'draft', reason: '  Check the figures.  ' });
    const state = desk.state;
    expect(state).toMatchObject({ stage: 'draft', holderRole: 'author' });
    expect(state.lastReturn).toEqual({ by: THIRD.id, byName: 'Chen Jie', at: desk.records[3]!.at, reason: 'Check the figures.', from: 'third', to: 'draft' });
    expect(state.approvals.first?.stale).toBe(false);
    expect(state.approvals.second?.stale).toBe(false);
    desk.edit(H2);
    expect(desk.state.approvals.first?.stale).toBe(true);
  });

  it('forgets the last return once the article moves on', () => {
    const desk = new Desk().submit().must(EDITOR, { action: 'return', to: 'draft', reason: 'Too long.' });
    expect(desk.state.lastReturn).toBeDefined();
    expect(desk.submit().state.lastReturn).toBeUndefined();
  });

  it('skips a review whose approval still holds for the copy', () => {
    const desk = new Desk().submit().approve(EDITOR).approve(SECOND);
    desk.must(THIRD, { action: 'return', to: 'first', reason: 'Headline needs the first editor.' });
    expect(desk.state).toMatchObject({ stage: 'first', lastReturn: { from: 'third', to: 'first' } });
    desk.approve(EDITOR, 'Headline is right as it is.');
    expect(desk.state.stage).toBe('third');
  });

  it('does not skip a review whose approval went stale', () => {
    const desk = new Desk().submit().approve(EDITOR).approve(SECOND);
    desk.must(THIRD, { action: 'return', to: 'first', reason: 'Fix the headline.' });
    desk.edit(H2).approve(EDITOR);
    expect(desk.state.stage).toBe('second');
    desk.approve(SECOND);
    expect(desk.state.stage).toBe('third');
    desk.approve(THIRD);
    expect(desk.state).toMatchObject({ stage: 'signed', signedOff: true });
  });

  it('goes to the third review after the second even if the copy changed at the second', () => {
    const desk = new Desk().submit().approve(EDITOR).edit(H2).approve(SECOND);
    expect(desk.state.stage).toBe('third');
    expect(desk.state.approvals.first?.stale).toBe(true);
  });

  it('replaces an earlier approval of the same review', () => {
    const desk = new Desk().submit().approve(EDITOR).must(SECOND, { action: 'return', to: 'first', reason: 'Second look.' });
    desk.edit(H2).approve(EDITOR_2, '改好了。');
    expect(desk.state.approvals.first).toMatchObject({ actorId: EDITOR_2.id, contentHash: H2, stale: false });
    expect(desk.state.approvers.first).toEqual([EDITOR.id, EDITOR_2.id]);
  });

  it('after a reopen, starts the reviews again and forgets earlier approvals but not who gave them', () => {
    const desk = new Desk().signOff().must(ADMIN, { action: 'reopen', reason: 'Correction.' });
    const state = desk.state;
    expect(state).toMatchObject({ stage: 'first', approvals: {}, signedOff: false, holderRole: 'editor' });
    expect(state.approvers).toEqual({ first: [EDITOR.id], second: [SECOND.id], third: [THIRD.id] });
    desk.approve(EDITOR);
    expect(desk.state.stage).toBe('second');
    desk.approve(SECOND).approve(THIRD);
    expect(desk.state).toMatchObject({ stage: 'signed', signedOff: true });
  });

  it('is the same every time for the same log', () => {
    const desk = new Desk().submit().approve(ALL_ROUNDER).edit(H3);
    const args = { records: desk.records, authorId: AUTHOR.id, currentHash: H3 };
    expect(deriveReviewState(args)).toEqual(deriveReviewState(structuredClone(args)));
  });
});

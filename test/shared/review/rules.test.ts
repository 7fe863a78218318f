import { describe, expect, it } from 'vitest';
import { applyAction, checkAction, type ReviewRequest } from '../../../src/shared/review/chain';
import { emptyRoster, type Person, type Roster } from '../../../src/shared/review/people';
import { OPINION_MAX } from '../../../src/shared/review/records';
import { ADMIN, ALL_ROUNDER, AUTHOR, Desk, EDITOR, EDITOR_2, H2, H3, person, SECOND, THIRD } from './desk';

const APPROVE: ReviewRequest = { action: 'approve', opinion: 'Fine.' };
const AUTHOR_EDITOR = person(AUTHOR.id, AUTHOR.name, ['reporter', 'editor', 'second', 'third']);
const INACTIVE_EDITOR = person('u-gone0001', 'Gone Editor', ['editor'], false);

function rosterOf(...people: Person[]): Roster {
  return { ...emptyRoster(), people };
}

function refused(desk: Desk, actor: Person, action: ReviewRequest, code: string, params?: Record<string, string>) {
  const before = desk.records.length;
  const result = desk.act(actor, action);
  expect(result).toMatchObject({ ok: false, reason: { code, ...(params ? { params } : {}) } });
  expect(desk.records).toHaveLength(before);
}

describe('submit', () => {
  it('lets the author submit a draft to the first review', () => {
    expect(new Desk().check(AUTHOR, { action: 'submit' })).toEqual({ ok: true });
  });

  it('refuses anyone else', () => {
    refused(new Desk(), EDITOR, { action: 'submit' }, 'not-author', { name: 'Wang Li', action: 'submit' });
  });

  it('refuses outside the draft', () => {
    refused(new Desk().submit(), AUTHOR, { action: 'submit' }, 'wrong-stage', { action: 'submit', stage: 'first' });
    refused(new Desk().signOff(), AUTHOR, { action: 'submit' }, 'wrong-stage', { action: 'submit', stage: 'signed' });
  });

  it('lets an administrator submit for an author who has left or been deactivated', () => {
    const desk = new Desk();
    expect(desk.check(ADMIN, { action: 'submit' }, { roster: rosterOf(ADMIN, EDITOR) })).toEqual({ ok: true });
    expect(desk.check(ADMIN, { action: 'submit' }, { roster: rosterOf(ADMIN, { ...AUTHOR, active: false }) })).toEqual({ ok: true });
  });

  it('does not let an administrator submit while the author is still here', () => {
    const desk = new Desk();
    expect(desk.check(ADMIN, { action: 'submit' }, { roster: rosterOf(ADMIN, AUTHOR) })).toMatchObject({ ok: false, reason: { code: 'not-author' } });
    expect(desk.check(ADMIN, { action: 'submit' })).toMatchObject({ ok: false, reason: { code: 'not-author' } });
    expect(desk.check(EDITOR, { action: 'submit' }, { roster: rosterOf(ADMIN, EDITOR) })).toMatchObject({ ok: false, reason: { code: 'not-author' } });
  });
});

describe('withdraw', () => {
  it('lets the author take back an article nobody has reviewed yet', () => {
    expect(new Desk().submit().check(AUTHOR, { action: 'withdraw' })).toEqual({ ok: true });
  });

  it('refuses anyone but the author', () => {
    refused(new Desk().submit(), EDITOR, { action: 'withdraw' }, 'not-author', { name: 'Wang Li', action: 'withdraw' });
    refused(new Desk().submit(), ADMIN, { action: 'withdraw' }, 'not-author');
  });

  it('refuses outside the first review', () => {
    refused(new Desk(), AUTHOR, { action: 'withdraw' }, 'wrong-stage', { action: 'withdraw', stage: 'draft' });
    refused(new Desk().submit().approve(EDITOR), AUTHOR, { action: 'withdraw' }, 'wrong-stage', { action: 'withdraw', stage: 'second' });
  });

  it('refuses once a review has happened since the submit, even back at the first review', () => {
    const desk = new Desk().submit().approve(EDITOR).must(SECOND, { action: 'return', to: 'first', reason: 'Again.' });
    refused(desk, AUTHOR, { action: 'withdraw' }, 'review-started');
    const reopened = new Desk().signOff().must(THIRD, { action: 'reopen', reason: 'Correction.' });
    refused(reopened, AUTHOR, { action: 'withdraw' }, 'review-started');
  });

  it('allows it again after a return to the author and a new submit', () => {
    const desk = new Desk().submit().must(EDITOR, { action: 'return', to: 'draft', reason: 'Shorter.' }).submit();
    expect(desk.check(AUTHOR, { action: 'withdraw' })).toEqual({ ok: true });
  });
});

describe('approve', () => {
  it('lets the holder of each review role approve at that review', () => {
    const desk = new Desk().submit();
    expect(desk.check(EDITOR, APPROVE)).toEqual({ ok: true });
    desk.approve(EDITOR);
    expect(desk.check(SECOND, APPROVE)).toEqual({ ok: true });
    desk.approve(SECOND);
    expect(desk.check(THIRD, APPROVE)).toEqual({ ok: true });
  });

  it('refuses someone without the role of the review', () => {
    refused(new Desk().submit(), SECOND, APPROVE, 'not-your-stage', { name: 'Zhao Min', stage: 'first', role: 'editor' });
    refused(new Desk().submit().approve(EDITOR), THIRD, APPROVE, 'not-your-stage', { name: 'Chen Jie', stage: 'second', role: 'second' });
    refused(new Desk().submit().approve(EDITOR).approve(SECOND), ADMIN, APPROVE, 'not-your-stage', { name: 'Sun Hua', stage: 'third', role: 'third' });
  });

  it('refuses outside a review', () => {
    refused(new Desk(), EDITOR, APPROVE, 'wrong-stage', { action: 'approve', stage: 'draft' });
    refused(new Desk().signOff(), THIRD, APPROVE, 'wrong-stage', { action: 'approve', stage: 'signed' });
  });

  it('refuses an inactive person, whatever their roles', () => {
    refused(new Desk().submit(), INACTIVE_EDITOR, APPROVE, 'inactive-person', { name: 'Gone Editor' });
    refused(new Desk(), { ...AUTHOR, active: false }, { action: 'submit' }, 'inactive-person');
  });

  it('refuses the author, unless the policy allows authors to review', () => {
    refused(new Desk().submit(), AUTHOR_EDITOR, APPROVE, 'author-cannot-review', { name: 'Lin Xiaolan' });
    expect(new Desk().submit().check(AUTHOR_EDITOR, APPROVE, { policy: { authorMayReview: true } })).toEqual({ ok: true });
  });

  it('requires a written opinion', () => {
    refused(new Desk().submit(), EDITOR, { action: 'approve', opinion: '' }, 'opinion-required');
    refused(new Desk().submit(), EDITOR, { action: 'approve', opinion: ' \n\t ' }, 'opinion-required');
  });

  it('refuses an opinion that is too long', () => {
    refused(new Desk().submit(), EDITOR, { action: 'approve', opinion: 'x'.repeat(OPINION_MAX + 1) }, 'text-too-long', { max: String(OPINION_MAX) });
  });

  it('never lets one person approve two different reviews of the same article', () => {
    const desk = new Desk().submit().approve(ALL_ROUNDER);
    refused(desk, ALL_ROUNDER, APPROVE, 'already-reviewed-other-stage', { name: 'Liu Yang', stage: 'first', attempted: 'second' });
    desk.approve(SECOND);
    refused(desk, ALL_ROUNDER, APPROVE, 'already-reviewed-other-stage', { name: 'Liu Yang', stage: 'first', attempted: 'third' });
  });

  it('counts approvals from before a reopen too', () => {
    const desk = new Desk().submit().approve(ALL_ROUNDER).approve(SECOND).approve(THIRD);
    desk.must(THIRD, { action: 'reopen', reason: 'Correction.' }).approve(EDITOR);
    refused(desk, ALL_ROUNDER, APPROVE, 'already-reviewed-other-stage', { name: 'Liu Yang', stage: 'first', attempted: 'second' });
  });

  it('lets a person approve the same review again', () => {
    const desk = new Desk().submit().approve(EDITOR).must(SECOND, { action: 'return', to: 'first', reason: 'Again.' });
    expect(desk.edit(H2).check(EDITOR, APPROVE)).toEqual({ ok: true });
  });

  it('refuses the sign-off while earlier approvals are stale, naming them', () => {
    const both = new Desk().submit().approve(EDITOR).approve(SECOND).edit(H2);
    refused(both, THIRD, APPROVE, 'stale-approvals', { stages: 'first,second' });
    const firstOnly = new Desk().submit().approve(EDITOR).edit(H2).approve(SECOND);
    refused(firstOnly, THIRD, APPROVE, 'stale-approvals', { stages: 'first' });
  });

  it('refuses the sign-off while an earlier approval is missing', () => {
    const desk = new Desk().submit().approve(EDITOR).approve(SECOND);
    const { second: _second, ...onlyFirst } = desk.state.approvals;
    const state = { ...desk.state, approvals: onlyFirst };
    expect(checkAction({ state, actor: THIRD, action: APPROVE })).toEqual({ ok: false, reason: { code: 'missing-approvals', params: { stages: 'second' } } });
    expect(checkAction({ state: { ...state, approvals: {} }, actor: THIRD, action: APPROVE })).toMatchObject({
      reason: { code: 'missing-approvals', params: { stages: 'first,second' } },
    });
  });

  it('lets the third review sign once the stale approvals are renewed', () => {
    const desk = new Desk().submit().approve(EDITOR).approve(SECOND).edit(H2);
    desk.must(THIRD, { action: 'return', to: 'first', reason: 'Renew for the edit.' }).approve(EDITOR).approve(SECOND);
    expect(desk.check(THIRD, APPROVE)).toEqual({ ok: true });
  });
});

describe('return', () => {
  it('lets a reviewer send the article back to its author or to any earlier review', () => {
    const atThird = () => new Desk().submit().approve(EDITOR).approve(SECOND);
    for (const to of ['draft', 'first', 'second'] as const) {
      expect(atThird().check(THIRD, { action: 'return', to, reason: 'Why.' })).toEqual({ ok: true });
    }
    expect(new Desk().submit().approve(EDITOR).check(SECOND, { action: 'return', to: 'first', reason: 'Why.' })).toEqual({ ok: true });
    expect(new Desk().submit().check(EDITOR, { action: 'return', to: 'draft', reason: 'Why.' })).toEqual({ ok: true });
  });

  it('refuses a return to the same or a later stage', () => {
    refused(new Desk().submit(), EDITOR, { action: 'return', to: 'first', reason: 'Why.' }, 'invalid-return-target', { from: 'first', to: 'first' });
    refused(new Desk().submit(), EDITOR, { action: 'return', to: 'second', reason: 'Why.' }, 'invalid-return-target', { from: 'first', to: 'second' });
    refused(new Desk().submit().approve(EDITOR), SECOND, { action: 'return', to: 'second', reason: 'Why.' }, 'invalid-return-target');
  });

  it('requires a reason', () => {
    refused(new Desk().submit(), EDITOR, { action: 'return', to: 'draft', reason: '  ' }, 'reason-required', { action: 'return' });
  });

  it('refuses someone without the role, the author and an inactive person', () => {
    refused(new Desk().submit(), THIRD, { action: 'return', to: 'draft', reason: 'Why.' }, 'not-your-stage');
    refused(new Desk().submit(), AUTHOR_EDITOR, { action: 'return', to: 'draft', reason: 'Why.' }, 'author-cannot-review');
    refused(new Desk().submit(), INACTIVE_EDITOR, { action: 'return', to: 'draft', reason: 'Why.' }, 'inactive-person');
    refused(new Desk(), EDITOR, { action: 'return', to: 'draft', reason: 'Why.' }, 'wrong-stage', { action: 'return', stage: 'draft' });
  });

  it('lets someone who approved another review send the article back: a return signs nothing', () => {
    const desk = new Desk().submit().approve(ALL_ROUNDER);
    expect(desk.check(ALL_ROUNDER, { action: 'return', to: 'first', reason: 'I missed something.' })).toEqual({ ok: true });
  });
});

describe('reopen', () => {
  it('lets a third reviewer or an administrator reopen a signed article', () => {
    expect(new Desk().signOff().check(THIRD, { action: 'reopen', reason: 'Correction.' })).toEqual({ ok: true });
    expect(new Desk().signOff().check(ADMIN, { action: 'reopen', reason: 'Correction.' })).toEqual({ ok: true });
  });

  it('refuses anyone else', () => {
    refused(new Desk().signOff(), EDITOR, { action: 'reopen', reason: 'Correction.' }, 'cannot-reopen', { name: 'Wang Li' });
    refused(new Desk().signOff(), AUTHOR, { action: 'reopen', reason: 'Correction.' }, 'cannot-reopen');
    refused(new Desk().signOff(), { ...THIRD, active: false }, { action: 'reopen', reason: 'Correction.' }, 'inactive-person');
  });

  it('refuses before sign-off and without a reason', () => {
    refused(new Desk().submit().approve(EDITOR).approve(SECOND), THIRD, { action: 'reopen', reason: 'Why.' }, 'wrong-stage', { action: 'reopen', stage: 'third' });
    refused(new Desk().signOff(), THIRD, { action: 'reopen', reason: '' }, 'reason-required', { action: 'reopen' });
  });

  it('requires every review to approve again afterwards', () => {
    const desk = new Desk().signOff().must(THIRD, { action: 'reopen', reason: 'Correction.' });
    desk.approve(EDITOR_2);
    expect(desk.state.stage).toBe('second');
    desk.approve(SECOND);
    expect(desk.state.stage).toBe('third');
  });
});

describe('checkAction against a stale view', () => {
  it('refuses when the log has grown since the state was derived', () => {
    const desk = new Desk().submit();
    const state = desk.state;
    desk.approve(EDITOR);
    expect(checkAction({ state, records: desk.records, actor: SECOND, action: APPROVE })).toEqual({ ok: false, reason: { code: 'out-of-date', params: {} } });
  });
});

describe('applyAction', () => {
  it('gives the unsealed record for an allowed action', () => {
    const desk = new Desk().submit().approve(EDITOR).edit(H3);
    const result = applyAction({ state: desk.state, records: desk.records, actor: SECOND, action: { action: 'return', to: 'first', reason: '  See note.  ' }, at: new Date('2025-05-02T09:30:00.000Z') });
    expect(result).toEqual({
      ok: true,
      record: { action: 'return', actorId: SECOND.id, actorName: 'Zhao Min', at: '2025-05-02T09:30:00.000Z', stage: 'second', to: 'first', opinion: 'See note.', contentHash: H3 },
    });
  });

  it('leaves `to` out of anything but a return, and keeps an empty note', () => {
    const result = applyAction({ state: new Desk().state, actor: AUTHOR, action: { action: 'submit' }, at: new Date(0) });
    expect(result.ok && result.record).toEqual({ action: 'submit', actorId: AUTHOR.id, actorName: AUTHOR.name, at: '1970-01-01T00:00:00.000Z', stage: 'draft', opinion: '', contentHash: new Desk().currentHash });
    expect(result.ok && 'to' in result.record).toBe(false);
  });

  it('passes a refusal through', () => {
    expect(applyAction({ state: new Desk().state, actor: EDITOR, action: { action: 'submit' }, at: new Date(0) })).toMatchObject({ ok: false, reason: { code: 'not-author' } });
  });
});

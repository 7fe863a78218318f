import { describe, expect, it } from 'vitest';
import { isDraftOf, isEditedAfterSignOff, isReturnedTo, isWaitingFor, reviewFooter } from '../../../src/shared/review/chain';
import { person } from './desk';
import { ADMIN, ALL_ROUNDER, AUTHOR, Desk, EDITOR, EDITOR_2, H2, SECOND, THIRD } from './desk';

describe('reviewFooter', () => {
  it('credits the three reviews of a signed-off article', () => {
    const state = new Desk().submit().approve(EDITOR).approve(SECOND).approve(person('u-lihua001', '李华', ['third'])).state;
    expect(reviewFooter(state, 'en')).toBe('Edited by Wang Li / Second review Zhao Min / Third review 李华');
    expect(reviewFooter(state, 'zh-CN')).toBe('责任编辑：Wang Li\u3000二审：Zhao Min\u3000三审：李华');
  });

  it('credits whoever approved last at each review', () => {
    const desk = new Desk().submit().approve(EDITOR).must(SECOND, { action: 'return', to: 'first', reason: 'Again.' });
    desk.edit(H2).approve(EDITOR_2).approve(SECOND).approve(THIRD);
    expect(reviewFooter(desk.state, 'zh-CN')).toBe('责任编辑：何平\u3000二审：Zhao Min\u3000三审：Chen Jie');
  });

  it('gives nothing before sign-off, after a reopen, or once the signed copy is edited', () => {
    expect(reviewFooter(new Desk().submit().approve(EDITOR).approve(SECOND).state, 'en')).toBeNull();
    expect(reviewFooter(new Desk().signOff().must(THIRD, { action: 'reopen', reason: 'Fix.' }).state, 'en')).toBeNull();
    const edited = new Desk().signOff().edit(H2).state;
    expect(reviewFooter(edited, 'zh-CN')).toBeNull();
    expect(isEditedAfterSignOff(edited)).toBe(true);
    expect(isEditedAfterSignOff(new Desk().signOff().state)).toBe(false);
  });
});

describe('isWaitingFor', () => {
  it('is true for a holder of the current review who may approve it', () => {
    const desk = new Desk().submit();
    expect(isWaitingFor(desk.state, EDITOR)).toBe(true);
    expect(isWaitingFor(desk.state, ALL_ROUNDER)).toBe(true);
    expect(isWaitingFor(desk.state, SECOND)).toBe(false);
    expect(isWaitingFor(desk.state, ADMIN)).toBe(false);
    expect(isWaitingFor(desk.state, { ...EDITOR, active: false })).toBe(false);
  });

  it('is false for the author unless the policy lets authors review', () => {
    const authorEditor = { ...AUTHOR, roles: ['reporter' as const, 'editor' as const] };
    const state = new Desk().submit().state;
    expect(isWaitingFor(state, authorEditor)).toBe(false);
    expect(isWaitingFor(state, authorEditor, { authorMayReview: true })).toBe(true);
  });

  it('is false for someone who approved another review of the article', () => {
    const state = new Desk().submit().approve(ALL_ROUNDER).state;
    expect(isWaitingFor(state, ALL_ROUNDER)).toBe(false);
    expect(isWaitingFor(state, SECOND)).toBe(true);
  });

  it('still counts a third reviewer when earlier approvals went stale: they must send it back', () => {
    const state = new Desk().submit().approve(EDITOR).approve(SECOND).edit(H2).state;
    expect(isWaitingFor(state, THIRD)).toBe(true);
  });

  it('is false for everyone in the draft and after sign-off', () => {
    for (const state of [new Desk().state, new Desk().signOff().state]) {
      for (const someone of [AUTHOR, EDITOR, SECOND, THIRD, ADMIN]) expect(isWaitingFor(state, someone)).toBe(false);
    }
  });
});

describe('isReturnedTo and isDraftOf', () => {
  it('shows the author an article sent back to them', () => {
    const state = new Desk().submit().approve(EDITOR).must(SECOND, { action: 'return', to: 'draft', reason: 'Shorter.' }).state;
    expect(isReturnedTo(state, AUTHOR)).toBe(true);
    expect(isReturnedTo(state, EDITOR)).toBe(false);
    expect(isDraftOf(state, AUTHOR)).toBe(true);
  });

  it('shows a reviewer an article sent back to the review they may act at, which is also waiting for them', () => {
    const state = new Desk().submit().approve(EDITOR).must(SECOND, { action: 'return', to: 'first', reason: 'Again.' }).state;
    expect(isReturnedTo(state, EDITOR)).toBe(true);
    expect(isWaitingFor(state, EDITOR)).toBe(true);
    expect(isReturnedTo(state, SECOND)).toBe(false);
    expect(isReturnedTo(state, AUTHOR)).toBe(false);
    // Once the editor approves again it is no longer a returned article.
    const desk = new Desk().submit().approve(EDITOR).must(SECOND, { action: 'return', to: 'first', reason: 'Again.' }).approve(EDITOR);
    expect(isReturnedTo(desk.state, EDITOR)).toBe(false);
    expect(isReturnedTo(desk.state, SECOND)).toBe(false);
  });

  it('does not count a withdrawal or a new draft', () => {
    const withdrawn = new Desk().submit().must(AUTHOR, { action: 'withdraw' }).state;
    expect(isReturnedTo(withdrawn, AUTHOR)).toBe(false);
    expect(isDraftOf(withdrawn, AUTHOR)).toBe(true);
    expect(isDraftOf(new Desk().state, EDITOR)).toBe(false);
    expect(isDraftOf(new Desk().submit().state, AUTHOR)).toBe(false);
  });
});

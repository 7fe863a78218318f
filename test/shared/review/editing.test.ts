import { describe, expect, it } from 'vitest';
import { checkEdit } from '../../../src/shared/review/editing';
import { ADMIN, AUTHOR, Desk, EDITOR, H2, SECOND, THIRD } from './desk';

describe('checkEdit', () => {
  it('lets the author edit a draft, new or returned, and nobody else', () => {
    const returned = new Desk().submit().must(EDITOR, { action: 'return', to: 'draft', reason: 'Shorter.' }).state;
    for (const state of [new Desk().state, returned]) {
      expect(checkEdit(state, AUTHOR, 'Lin Xiaolan')).toEqual({ ok: true });
      expect(checkEdit(state, EDITOR, 'Lin Xiaolan')).toEqual({ ok: false, reason: { code: 'read-only', params: { stage: 'draft', holder: 'Lin Xiaolan', name: 'Wang Li' } } });
    }
  });

  it('lets anyone edit a draft that has no author', () => {
    expect(checkEdit(new Desk('').state, ADMIN, '')).toEqual({ ok: true });
  });

  it('lets only the reviewer who may act at the current review edit', () => {
    const atSecond = new Desk().submit().approve(EDITOR).state;
    expect(checkEdit(atSecond, SECOND, 'Lin Xiaolan')).toEqual({ ok: true });
    for (const person of [AUTHOR, EDITOR, THIRD, ADMIN]) {
      expect(checkEdit(atSecond, person, 'Lin Xiaolan')).toMatchObject({ ok: false, reason: { code: 'read-only', params: { stage: 'second', role: 'second' } } });
    }
  });

  it('keeps a reviewer of another stage out, and the author unless the policy lets them review', () => {
    const allRounder = { ...EDITOR, roles: ['editor' as const, 'third' as const] };
    const atThird = new Desk().submit().approve(allRounder).approve(SECOND).state;
    expect(checkEdit(atThird, allRounder, '')).toMatchObject({ ok: false, reason: { code: 'read-only' } });
    const authorEditor = { ...AUTHOR, roles: ['reporter' as const, 'editor' as const] };
    const atFirst = new Desk().submit().state;
    expect(checkEdit(atFirst, authorEditor, '').ok).toBe(false);
    expect(checkEdit(atFirst, authorEditor, '', { authorMayReview: true })).toEqual({ ok: true });
  });

  it('lets nobody edit a signed article, and no inactive person edit anything', () => {
    expect(checkEdit(new Desk().signOff().state, THIRD, '')).toEqual({ ok: false, reason: { code: 'read-only', params: { stage: 'signed', name: 'Chen Jie' } } });
    expect(checkEdit(new Desk().signOff().edit(H2).state, THIRD, '').ok).toBe(false);
    expect(checkEdit(new Desk().state, { ...AUTHOR, active: false }, '')).toEqual({ ok: false, reason: { code: 'inactive-person', params: { name: 'Lin Xiaolan' } } });
  });
});

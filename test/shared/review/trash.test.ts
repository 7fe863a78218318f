import { describe, expect, it } from 'vitest';
import { checkTrash, trashNeedsReason } from '../../../src/shared/review/trash';
import { ADMIN, AUTHOR, Desk, EDITOR, person, SECOND, THIRD } from './desk';

const OTHER_REPORTER = person('u-zhoumy01', 'Zhou Mingyuan', ['reporter']);
const codeOf = (checked: ReturnType<typeof checkTrash>) => (checked.ok ? 'ok' : checked.reason.code);

describe('checkTrash', () => {
  it('lets the author of a draft or an administrator trash it, and nobody else', () => {
    const draft = new Desk().state;
    expect(codeOf(checkTrash(draft, AUTHOR, ''))).toBe('ok');
    expect(codeOf(checkTrash(draft, ADMIN, ''))).toBe('ok');
    expect(checkTrash(draft, OTHER_REPORTER, '')).toEqual({ ok: false, reason: { code: 'cannot-trash', params: { name: 'Zhou Mingyuan', stage: 'draft' } } });
    expect(codeOf(checkTrash(draft, EDITOR, ''))).toBe('cannot-trash');
    expect(trashNeedsReason(draft)).toBe(false);
  });

  it('counts a returned article as its author’s draft again', () => {
    const desk = new Desk().submit().must(EDITOR, { action: 'return', to: 'draft', reason: 'Shorter.' });
    expect(codeOf(checkTrash(desk.state, AUTHOR, ''))).toBe('ok');
  });

  it.each([
    ['in review', () => new Desk().submit().state],
    ['at the third review', () => new Desk().submit().approve(EDITOR).approve(SECOND).state],
    ['signed off', () => new Desk().signOff().state],
  ])('keeps an article %s from everyone but an administrator, who must give a reason', (_where, state) => {
    const s = state();
    expect(trashNeedsReason(s)).toBe(true);
    for (const someone of [AUTHOR, EDITOR, THIRD]) expect(codeOf(checkTrash(s, someone, 'Duplicate.'))).toBe('cannot-trash');
    expect(checkTrash(s, ADMIN, '  ')).toEqual({ ok: false, reason: { code: 'reason-required', params: { action: 'trash' } } });
    expect(codeOf(checkTrash(s, ADMIN, 'x'.repeat(1_001)))).toBe('text-too-long');
    expect(codeOf(checkTrash(s, ADMIN, 'A duplicate of the 9 May story.'))).toBe('ok');
  });

  it('refuses a deactivated person, even an administrator', () => {
    expect(codeOf(checkTrash(new Desk().state, { ...ADMIN, active: false }, 'x'))).toBe('inactive-person');
  });
});

import { describe, expect, it } from 'vitest';
import {
  addPerson,
  emptyRoster,
  findPerson,
  hasRole,
  nameKey,
  PersonSchema,
  RosterSchema,
  setActive,
  setRoles,
  type Roster,
  type RosterChange,
} from '../../../src/shared/review/people';

const AT = new Date('2025-05-01T08:00:00.000Z');

function roster(): Roster {
  let current = emptyRoster();
  for (const [id, name, roles] of [
    ['u-sunadmin', 'Sun Hua', ['admin', 'third']],
    ['u-wangli01', 'Wang Li', ['editor']],
    ['u-linxiaolan', '林晓岚', ['reporter']],
  ] as const) {
    current = ok(addPerson(current, { id, name, roles: [...roles], at: AT }));
  }
  return current;
}

function ok(change: RosterChange): Roster {
  if (!change.ok) throw new Error(`refused: ${change.reason.code}`);
  expect(RosterSchema.safeParse(change.roster).success).toBe(true);
  return change.roster;
}

describe('PersonSchema', () => {
  const valid = { id: 'u-abc123', name: '  Wang Li ', roles: ['editor'], active: true, createdAt: AT.toISOString() };

  it('accepts a person and trims the name', () => {
    expect(PersonSchema.parse(valid).name).toBe('Wang Li');
  });

  it.each([
    ['an id without the prefix', { id: 'abc123' }],
    ['an id that is too short', { id: 'u-abc12' }],
    ['an id that is too long', { id: `u-${'a'.repeat(33)}` }],
    ['an id with capitals', { id: 'u-ABC123' }],
    ['an empty name', { name: '' }],
    ['a name of spaces', { name: '   ' }],
    ['a name over 80 characters', { name: 'x'.repeat(81) }],
    ['an unknown role', { roles: ['boss'] }],
    ['a role listed twice', { roles: ['editor', 'editor'] }],
    ['a date that is not ISO', { createdAt: 'yesterday' }],
  ])('refuses %s', (_what, change) => {
    expect(PersonSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe('RosterSchema', () => {
  it('refuses the same id twice and the same name twice, ignoring case and width', () => {
    const people = roster().people;
    expect(RosterSchema.safeParse({ format: 1, people }).success).toBe(true);
    expect(RosterSchema.safeParse({ format: 1, people: [...people, { ...people[1]!, name: 'Other' }] }).success).toBe(false);
    expect(RosterSchema.safeParse({ format: 1, people: [...people, { ...people[1]!, id: 'u-other1', name: 'WANG LI' }] }).success).toBe(false);
    expect(RosterSchema.safeParse({ format: 1, people: [...people, { ...people[1]!, id: 'u-other1', name: 'Ｗａｎｇ Ｌｉ' }] }).success).toBe(false);
    expect(RosterSchema.safeParse({ format: 2, people }).success).toBe(false);
  });

  it('compares names by a key that ignores case, width and surrounding spaces', () => {
    expect(nameKey(' Wang LI ')).toBe(nameKey('ｗａｎｇ li'));
    expect(nameKey('王丽')).not.toBe(nameKey('王莉'));
  });
});

describe('addPerson', () => {
  it('adds an active person with each role once, in the usual order', () => {
    const before = roster();
    const after = ok(addPerson(before, { id: 'u-zhaomin01', name: ' Zhao Min ', roles: ['third', 'second', 'third'], at: AT }));
    expect(findPerson(after, 'u-zhaomin01')).toEqual({ id: 'u-zhaomin01', name: 'Zhao Min', roles: ['second', 'third'], active: true, createdAt: AT.toISOString() });
    expect(before.people).toHaveLength(3);
  });

  it('refuses a name already in the list, whatever its case', () => {
    expect(addPerson(roster(), { id: 'u-other01', name: 'wang li', roles: [], at: AT })).toEqual({
      ok: false,
      reason: { code: 'duplicate-name', params: { name: 'wang li' } },
    });
  });

  it('refuses an id already in the list', () => {
    expect(addPerson(roster(), { id: 'u-wangli01', name: 'Another', roles: [], at: AT })).toEqual({
      ok: false,
      reason: { code: 'duplicate-id', params: { id: 'u-wangli01' } },
    });
  });

  it('refuses a malformed id or name, naming the field', () => {
    expect(addPerson(roster(), { id: 'bad', name: 'Another', roles: [], at: AT })).toMatchObject({ ok: false, reason: { code: 'invalid-person', params: { field: 'id' } } });
    expect(addPerson(roster(), { id: 'u-other01', name: ' ', roles: [], at: AT })).toMatchObject({ ok: false, reason: { code: 'invalid-person', params: { field: 'name' } } });
  });
});

describe('setRoles and setActive', () => {
  it('changes roles without touching the original roster', () => {
    const before = roster();
    const after = ok(setRoles(before, 'u-wangli01', ['second', 'editor']));
    expect(findPerson(after, 'u-wangli01')?.roles).toEqual(['editor', 'second']);
    expect(findPerson(before, 'u-wangli01')?.roles).toEqual(['editor']);
  });

  it('refuses an unknown person or role', () => {
    expect(setRoles(roster(), 'u-nobody1', ['editor'])).toMatchObject({ ok: false, reason: { code: 'unknown-person', params: { id: 'u-nobody1' } } });
    expect(setRoles(roster(), 'u-wangli01', ['boss' as 'editor'])).toMatchObject({ ok: false, reason: { code: 'invalid-person', params: { field: 'roles' } } });
  });

  it('refuses to remove the last active administrator, by role or by deactivation', () => {
    const refusal = { ok: false, reason: { code: 'last-admin', params: { name: 'Sun Hua' } } };
    expect(setRoles(roster(), 'u-sunadmin', ['third'])).toEqual(refusal);
    expect(setActive(roster(), 'u-sunadmin', false)).toEqual(refusal);
    const withInactiveAdmin = ok(setActive(ok(setRoles(roster(), 'u-wangli01', ['admin'])), 'u-wangli01', false));
    expect(setRoles(withInactiveAdmin, 'u-sunadmin', ['third'])).toEqual(refusal);
  });

  it('lets an administrator go once another active one exists', () => {
    const two = ok(setRoles(roster(), 'u-wangli01', ['editor', 'admin']));
    const after = ok(setRoles(two, 'u-sunadmin', ['third']));
    expect(hasRole(findPerson(after, 'u-sunadmin')!, 'admin')).toBe(false);
    expect(findPerson(ok(setActive(two, 'u-sunadmin', false)), 'u-sunadmin')?.active).toBe(false);
  });

  it('deactivates and reactivates anyone else', () => {
    const off = ok(setActive(roster(), 'u-linxiaolan', false));
    expect(findPerson(off, 'u-linxiaolan')?.active).toBe(false);
    expect(findPerson(ok(setActive(off, 'u-linxiaolan', true)), 'u-linxiaolan')?.active).toBe(true);
  });
});

describe('hasRole', () => {
  it('reads the role list', () => {
    expect(hasRole({ roles: ['editor', 'third'] }, 'third')).toBe(true);
    expect(hasRole({ roles: ['editor', 'third'] }, 'second')).toBe(false);
  });
});

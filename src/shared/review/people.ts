import { z } from '../zod';
import { refusal, type Refusal } from './refusal';

/** editor = 责任编辑 (first review), second = 二审, third = 三审 (sign-off). */
export const ROLES = ['reporter', 'editor', 'second', 'third', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PERSON_ID_PATTERN = /^u-[a-z0-9]{6,32}$/;
export const PersonIdSchema = z.string().regex(PERSON_ID_PATTERN, 'not a person id');
export const PERSON_NAME_MAX = 80;

const uniqueRoles = (roles: readonly Role[]) => new Set(roles).size === roles.length;

export const PersonSchema = z.object({
  id: PersonIdSchema,
  name: z.string().trim().min(1).max(PERSON_NAME_MAX),
  roles: z.array(RoleSchema).refine(uniqueRoles, 'a role is listed twice'),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Person = z.infer<typeof PersonSchema>;

export const ROSTER_FORMAT = 1;

/** Names are compared ignoring case and full-width/half-width differences. */
export function nameKey(name: string): string {
  return name.trim().normalize('NFKC').toLowerCase();
}

export const RosterSchema = z
  .object({ format: z.literal(ROSTER_FORMAT), people: z.array(PersonSchema) })
  .superRefine((roster, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    roster.people.forEach((person, index) => {
      if (ids.has(person.id)) ctx.addIssue({ code: 'custom', path: ['people', index, 'id'], message: `the id ${person.id} is used twice` });
      if (names.has(nameKey(person.name))) ctx.addIssue({ code: 'custom', path: ['people', index, 'name'], message: `the name ${person.name} is used twice` });
      ids.add(person.id);
      names.add(nameKey(person.name));
    });
  });
export type Roster = z.infer<typeof RosterSchema>;

export type RosterChange = { ok: true; roster: Roster } | { ok: false; reason: Refusal };

export function emptyRoster(): Roster {
  return { format: ROSTER_FORMAT, people: [] };
}

export function hasRole(person: Pick<Person, 'roles'>, role: Role): boolean {
  return person.roles.includes(role);
}

export function findPerson(roster: Roster, id: string): Person | undefined {
  return roster.people.find((person) => person.id === id);
}

/** Each role once, in the order of ROLES. */
export function normalizeRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

export function addPerson(roster: Roster, args: { id: string; name: string; roles: readonly Role[]; at: Date }): RosterChange {
  const parsed = PersonSchema.safeParse({
    id: args.id,
    name: args.name,
    roles: normalizeRoles(args.roles),
    active: true,
    createdAt: args.at.toISOString(),
  });
  if (!parsed.success) return refusal('invalid-person', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  const person = parsed.data;
  if (findPerson(roster, person.id)) return refusal('duplicate-id', { id: person.id });
  if (roster.people.some((other) => nameKey(other.name) === nameKey(person.name))) return refusal('duplicate-name', { name: person.name });
  return { ok: true, roster: { ...roster, people: [...roster.people, person] } };
}

export function setRoles(roster: Roster, id: string, roles: readonly Role[]): RosterChange {
  const parsed = z.array(RoleSchema).safeParse(roles);
  if (!parsed.success) return refusal('invalid-person', { field: 'roles' });
  return changePerson(roster, id, { roles: normalizeRoles(parsed.data) });
}

/** Deactivating keeps the person (and their name in every record) but lets them do nothing. */
export function setActive(roster: Roster, id: string, active: boolean): RosterChange {
  return changePerson(roster, id, { active });
}

function changePerson(roster: Roster, id: string, change: Partial<Pick<Person, 'roles' | 'active'>>): RosterChange {
  const person = findPerson(roster, id);
  if (!person) return refusal('unknown-person', { id });
  const changed = { ...person, ...change };
  if (isActiveAdmin(person) && !isActiveAdmin(changed) && !roster.people.some((other) => other.id !== id && isActiveAdmin(other))) {
    return refusal('last-admin', { name: person.name });
  }
  return { ok: true, roster: { ...roster, people: roster.people.map((other) => (other.id === id ? changed : other)) } };
}

function isActiveAdmin(person: Person): boolean {
  return person.active && hasRole(person, 'admin');
}

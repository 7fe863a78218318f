import { randomBytes } from 'node:crypto';
import type { Session } from '../../shared/contract/api';
import { AppFailure } from '../../shared/contract/errors';
import { addPerson, findPerson, hasRole, setActive, setRoles, type Role, type Roster, type RosterChange } from '../../shared/review/people';
import { currentPerson, refused, type Caller, type HandlerContext } from './context';

export function newPersonId(): string {
  return `u-${randomBytes(6).toString('hex')}`;
}

/** Who is working in the caller's window, with the newsroom list and the rules. */
export async function session(ctx: HandlerContext, caller: Caller): Promise<Session> {
  const workspace = ctx.workspace();
  const { roster, problem } = await workspace.roster.load();
  const id = caller.session.personId;
  return { currentUser: (id && findPerson(roster, id)) || null, roster, rosterProblem: problem, policy: workspace.policy() };
}

export async function asAdmin(ctx: HandlerContext, caller: Caller) {
  const person = await currentPerson(ctx, caller);
  if (!hasRole(person, 'admin')) throw refused({ code: 'admin-only', params: {} });
  return person;
}

async function changeRoster(ctx: HandlerContext, change: (roster: Roster) => RosterChange) {
  const store = ctx.workspace().roster;
  const { roster, problem } = await store.load();
  if (problem) throw new AppFailure('damaged', `${problem}. The file was left untouched; restore it before changing the newsroom list.`);
  const result = change(roster);
  if (!result.ok) throw refused(result.reason);
  await store.save(result.roster);
}

export const peopleHandlers = (ctx: HandlerContext) => ({
  getSession: (_input: object, caller: Caller) => session(ctx, caller),
  /** Someone sits down in the caller's window; a new window on this machine starts with them too. */
  setCurrentUser: async ({ id }: { id: string }, caller: Caller) => {
    const { roster } = await ctx.workspace().roster.load();
    const person = findPerson(roster, id);
    if (!person) throw refused({ code: 'unknown-person', params: { id } });
    if (!person.active) throw refused({ code: 'inactive-person', params: { name: person.name } });
    caller.session.personId = id;
    ctx.settings.update({ currentUserId: id });
    return session(ctx, caller);
  },
  /** A workspace without anyone in it gets its first person, who runs it. */
  createFirstPerson: async ({ name }: { name: string }, caller: Caller) => {
    const id = newPersonId();
    await changeRoster(ctx, (roster) => {
      if (roster.people.length > 0) return { ok: false, reason: { code: 'admin-only', params: {} } };
      return addPerson(roster, { id, name, roles: ['reporter', 'admin'], at: ctx.clock.now() });
    });
    caller.session.personId = id;
    ctx.settings.update({ currentUserId: id });
    return session(ctx, caller);
  },
  addPerson: async ({ name, roles }: { name: string; roles: Role[] }, caller: Caller) => {
    await asAdmin(ctx, caller);
    await changeRoster(ctx, (roster) => addPerson(roster, { id: newPersonId(), name, roles, at: ctx.clock.now() }));
    return session(ctx, caller);
  },
  updatePerson: async ({ id, roles, active }: { id: string; roles?: Role[]; active?: boolean }, caller: Caller) => {
    await asAdmin(ctx, caller);
    await changeRoster(ctx, (roster) => {
      let result: RosterChange = { ok: true, roster };
      if (roles !== undefined && result.ok) result = setRoles(result.roster, id, roles);
      if (active !== undefined && result.ok) result = setActive(result.roster, id, active);
      return result;
    });
    return session(ctx, caller);
  },
  updatePolicy: async (patch: { authorMayReview?: boolean; blockApprovalWithOpenAnnotations?: boolean }, caller: Caller) => {
    await asAdmin(ctx, caller);
    await ctx.workspace().updatePolicy(patch);
    return session(ctx, caller);
  },
});

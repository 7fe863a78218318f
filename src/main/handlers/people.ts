/** The administrator's changes to the newsroom list and the workspace rules: each a signed roster event. */
import type { WorkspacePolicy } from '../../shared/review/workspace-policy';
import { hasRole, type Role } from '../../shared/review/people';
import type { Actor } from '../services/articles';
import { People } from '../services/people';
import { refusedWith } from '../services/refused';
import { currentActor, type Caller, type HandlerContext } from './context';
import { session } from './session';

export async function asAdmin(ctx: HandlerContext, caller: Caller): Promise<Actor> {
  const actor = await currentActor(ctx, caller);
  if (!hasRole(actor.person, 'admin')) throw refusedWith('admin-only');
  return actor;
}

export const peopleHandlers = (ctx: HandlerContext) => {
  const people = () => new People(ctx.workspace());
  return {
    /** Adds a person with their roles; the answer carries their enrolment code, shown once. */
    addPerson: async ({ name, roles }: { name: string; roles: Role[] }, caller: Caller) => {
      const enrolment = await people().add(await asAdmin(ctx, caller), name, roles);
      return { session: await session(ctx, caller), enrolment };
    },
    issueEnrolment: async ({ personId }: { personId: string }, caller: Caller) => {
      const enrolment = await people().enrol(await asAdmin(ctx, caller), personId);
      return { session: await session(ctx, caller), enrolment };
    },
    revokeKey: async ({ personId, reason }: { personId: string; reason: string }, caller: Caller) => {
      await people().revoke(await asAdmin(ctx, caller), personId, reason);
      return session(ctx, caller);
    },
    updatePerson: async ({ id, roles, active }: { id: string; roles?: Role[]; active?: boolean }, caller: Caller) => {
      const actor = await asAdmin(ctx, caller);
      if (roles !== undefined) await people().setRoles(actor, id, roles);
      if (active !== undefined) await people().setActive(actor, id, active);
      return session(ctx, caller);
    },
    updatePolicy: async (patch: Partial<WorkspacePolicy>, caller: Caller) => {
      await people().setPolicy(await asAdmin(ctx, caller), patch);
      return session(ctx, caller);
    },
    updateWorkspaceSettings: async ({ lockAfterMinutes }: { lockAfterMinutes?: number }, caller: Caller) => {
      const actor = await asAdmin(ctx, caller);
      if (lockAfterMinutes !== undefined) await people().setSettings(actor, { lockAfterMinutes });
      return session(ctx, caller);
    },
  };
};

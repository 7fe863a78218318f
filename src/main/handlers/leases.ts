/** Check-out: the page's lease calls over this desk's leases (src/main/services/leases). */
import type { LeaseHolder } from '../../shared/contract/lease-api';
import type { Claim } from '../../shared/leases/claims';
import { findPerson, type Roster } from '../../shared/review/people';
import { leasesOf } from '../services/leases/workspace-leases';
import { currentActor, type Caller, type HandlerContext } from './context';
import { assertMayEdit, editCheck } from './edit-guard';

export function leaseHandlers(ctx: HandlerContext) {
  const leases = () => leasesOf(ctx.workspace());

  /** A claim as the caller's page shows it: names from the roster, and whether it is the caller's own or taken from them. */
  const shown = async (claim: Claim, caller: Caller): Promise<LeaseHolder> => {
    const { roster } = await ctx.workspace().roster();
    const deskId = leases().deskId;
    const you = caller.session.personId;
    const from = claim.takenFrom;
    return {
      article: claim.article,
      personId: claim.by,
      name: nameOf(roster, claim.by),
      deskId: claim.desk,
      deskName: claim.deskName,
      since: claim.since,
      heartbeat: claim.heartbeat,
      takenFrom: from ? { personId: from.by, name: nameOf(roster, from.by), deskId: from.desk } : null,
      mine: claim.by === you && claim.desk === deskId,
      fromYou: from !== null && from.by === you && from.desk === deskId,
    };
  };

  return {
    listLeases: async (_input: object, caller: Caller) => {
      const state = await leases().state();
      return { holders: await Promise.all([...state.holders.values()].map((claim) => shown(claim, caller))), problems: state.ignored };
    },
    holdLease: async ({ id }: { id: string }, caller: Caller) => {
      const actor = await currentActor(ctx, caller).catch(async (error: unknown) => {
        // A locked window holds nothing: what it held goes.
        await leases().release(caller.session, id);
        throw error;
      });
      const mayEdit = editCheck(await ctx.workspace().articles.read(id), actor.person).ok;
      const holder = await leases().hold(caller.session, actor.key, id, mayEdit);
      return { holder: holder ? await shown(holder, caller) : null };
    },
    takeOverLease: async ({ id }: { id: string }, caller: Caller) => {
      const actor = await currentActor(ctx, caller);
      assertMayEdit(await ctx.workspace().articles.read(id), actor.person);
      return { holder: await shown(await leases().takeOver(caller.session, actor.key, id), caller) };
    },
    releaseLease: async ({ id }: { id: string }, caller: Caller) => {
      await leases().release(caller.session, id);
      return {};
    },
  };
}

function nameOf(roster: Roster, personId: string): string {
  return findPerson(roster, personId)?.name ?? personId;
}

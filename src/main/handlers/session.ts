/** What the page knows of the desk: the workspace's state, who is signed in here, the newsroom list with its keys. */
import type { PersonKeys, Session } from '../../shared/contract/api';
import { fingerprint } from '../../shared/identity/keys';
import { LOCK_AFTER_MINUTES } from '../../shared/identity/workspace-settings';
import { emptyRoster, findPerson } from '../../shared/review/people';
import { DEFAULT_WORKSPACE_POLICY } from '../../shared/review/workspace-policy';
import { upgradeCandidates } from '../services/legacy/upgrade';
import type { RosterView } from '../services/roster-log';
import type { Caller, HandlerContext } from './context';

export async function session(ctx: HandlerContext, caller: Caller): Promise<Session> {
  const workspace = ctx.workspace();
  const status = await workspace.status();
  const workspaceId = workspace.manifest?.workspaceId ?? null;
  const remember = {
    available: ctx.remembered?.available() ?? false,
    people: ctx.remembered && workspaceId ? await ctx.remembered.people(workspaceId) : [],
  };
  const base: Session = {
    status,
    currentUser: null,
    fingerprint: null,
    lastPersonId: caller.session.lastPersonId,
    roster: emptyRoster(),
    keys: [],
    rosterProblem: null,
    policy: DEFAULT_WORKSPACE_POLICY,
    lockAfterMinutes: LOCK_AFTER_MINUTES.default,
    remember,
    upgrade: status === 'needs-upgrade' ? await upgradeCandidates(workspace) : null,
  };
  if (status !== 'ready' && status !== 'new') return base;
  const view = await workspace.roster();
  const key = caller.session.key;
  const current = key ? (findPerson(view.roster, key.personId) ?? null) : null;
  return {
    ...base,
    currentUser: current,
    fingerprint: current && key ? fingerprint(key.keyid) : null,
    roster: view.roster,
    keys: personKeys(view, ctx.clock.now()),
    rosterProblem: rosterProblem(view),
    policy: view.policy,
    lockAfterMinutes: view.settings.lockAfterMinutes,
  };
}

function personKeys(view: RosterView, now: Date): PersonKeys[] {
  const keys = [...view.verdict.keys.values()];
  const enrolments = [...view.verdict.snapshot.enrolments.values()];
  return view.roster.people.map((person) => {
    const own = keys.filter((key) => key.personId === person.id);
    const pending = enrolments.filter((enrolment) => enrolment.personId === person.id && enrolment.claimedBy === null && Date.parse(enrolment.expiresAt) > now.getTime());
    const newest = pending.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
    const superseded = newest ? own.some((key) => Date.parse(key.from) > Date.parse(newest.at)) : false;
    return {
      id: person.id,
      fingerprint: own.find((key) => key.until === null)?.fingerprint ?? null,
      keys: own.map((key) => ({ fingerprint: key.fingerprint, from: key.from, until: key.until })),
      enrolmentExpiresAt: newest && !superseded ? newest.expiresAt : null,
    };
  });
}

/** Why nothing can be done on the roster now, in a sentence; null when it can be trusted. */
function rosterProblem(view: RosterView): string | null {
  const lost = view.verdict.lost;
  if (lost.length > 0) return `records of the newsroom list that this desk had seen are gone (${lost.map((entry) => `${entry.path}: had ${entry.seen}, now ${entry.now}`).join('; ')})`;
  const [problem] = view.verdict.problems;
  return problem ?? null;
}

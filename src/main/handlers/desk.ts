/** Signing in and out at a window: the first person of a new workspace, the upgrade, sign-in, lock, passphrases. */
import { upgradeWorkspace } from '../services/legacy/upgrade';
import type { UnlockedKey } from '../services/identity/unlocked-key';
import { setUpWorkspace } from '../services/open-workspace';
import { currentKey, People } from '../services/people';
import { refusedWith } from '../services/refused';
import { currentActor, type Caller, type HandlerContext } from './context';
import { session } from './session';

export const deskHandlers = (ctx: HandlerContext) => {
  const people = () => new People(ctx.workspace());
  const workspaceId = () => ctx.workspace().manifest?.workspaceId ?? null;

  /** The window is `key`'s now (whoever was here is locked out), and this machine offers them first next time. */
  const signedIn = async (caller: Caller, key: UnlockedKey, remember = false) => {
    const id = workspaceId();
    if (remember) {
      if (!ctx.remembered?.available() || !id) {
        key.lock();
        throw refusedWith('remember-unavailable');
      }
      await ctx.remembered.remember(id, key);
    }
    caller.session.signIn(key, ctx.clock.now().getTime());
    ctx.settings.update({ currentUserId: key.personId });
    return session(ctx, caller);
  };

  /** A key this computer remembers for `personId` (desktop only), if it is still their key. */
  const remembered = async (personId: string): Promise<UnlockedKey> => {
    const view = await people().usableRoster();
    const bound = currentKey(view, personId);
    const id = workspaceId();
    const key = bound && id && ctx.remembered ? await ctx.remembered.recall(id, personId, bound.keyid) : null;
    if (!key) throw refusedWith('wrong-passphrase', { name: view.roster.people.find((person) => person.id === personId)?.name ?? personId });
    return key;
  };

  return {
    getSession: (_input: object, caller: Caller) => session(ctx, caller),
    signIn: async ({ personId, passphrase, remember }: { personId: string; passphrase?: string; remember?: boolean }, caller: Caller) => {
      const key = passphrase === undefined ? await remembered(personId) : await people().signIn(personId, passphrase);
      return signedIn(caller, key, remember === true);
    },
    firstSignIn: async ({ personId, code, passphrase }: { personId: string; code: string; passphrase: string }, caller: Caller) =>
      signedIn(caller, await people().claim(personId, code, passphrase)),
    setUpWorkspace: async ({ name, passphrase }: { name: string; passphrase: string }, caller: Caller) =>
      signedIn(caller, await setUpWorkspace(ctx.workspace(), { name, passphrase, sampleDir: ctx.sampleDir ?? null })),
    upgradeWorkspace: async ({ personId, passphrase }: { personId: string; passphrase: string }, caller: Caller) =>
      signedIn(caller, await upgradeWorkspace(ctx.workspace(), personId, passphrase)),
    lock: async (_input: object, caller: Caller) => {
      caller.session.lock();
      return session(ctx, caller);
    },
    changePassphrase: async ({ current, next }: { current: string; next: string }, caller: Caller) => {
      await people().changePassphrase(await currentActor(ctx, caller), current, next);
      return session(ctx, caller);
    },
    forgetRemembered: async ({ personId }: { personId: string }, caller: Caller) => {
      const id = workspaceId();
      if (ctx.remembered && id) await ctx.remembered.forget(id, personId);
      return session(ctx, caller);
    },
  };
};

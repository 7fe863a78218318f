/**
 * A second desk with its own copy of the workspace folder and its own data folder; with
 * syncFolder (sync-folder.ts) two desks act without seeing each other (crossing) and then
 * receive each other's files.
 */
import { cp } from 'node:fs/promises';
import { dispatch } from '../../src/main/handlers';
import type { Clock } from '../../src/main/services/clock';
import { DataFolder } from '../../src/main/services/data-folder';
import { API, type ApiInput, type ApiName, type ApiOutput } from '../../src/shared/contract/api';
import type { AppError } from '../../src/shared/contract/errors';
import { openApp, unlocked, type TempApp } from './handlers';
import { dataFolderOf } from './temp-dir';

export interface OtherDesk {
  root: string;
  app: Awaited<ReturnType<typeof openApp>>;
  call<N extends ApiName>(personId: string, name: N, input: ApiInput<N>): Promise<ApiOutput<N>>;
  fail<N extends ApiName>(personId: string, name: N, input: ApiInput<N>): Promise<AppError>;
}

/** A desk over a copy of `from`'s workspace folder as it is now; `from`'s people sign in with their keys. Its clock is `from`'s unless given. */
export async function otherDesk(from: TempApp, fromRoot: string, root: string, clock: Clock = from.clock): Promise<OtherDesk> {
  await cp(fromRoot, root, { recursive: true });
  const app = await openApp(root, clock, { data: new DataFolder(dataFolderOf(root)) });
  const windows = new Map<string, { session: ReturnType<typeof app.sessions.open> }>();
  const windowOf = (personId: string) => {
    let window = windows.get(personId);
    if (!window) {
      window = { session: app.sessions.open() };
      window.session.signIn(unlocked(from.keys.get(personId)!), clock.now().getTime());
      windows.set(personId, window);
    }
    return window;
  };
  return {
    root,
    app,
    call: async (personId, name, input) => {
      const result = await dispatch(app.handlers, name, input, windowOf(personId));
      if (!result.ok) throw new Error(`${name} failed at the other desk: ${result.error.code} ${result.error.message}`);
      return API[name].output.parse(result.value) as ApiOutput<typeof name>;
    },
    fail: async (personId, name, input) => {
      const result = await dispatch(app.handlers, name, input, windowOf(personId));
      if (result.ok) throw new Error(`${name} should have been refused at the other desk`);
      return result.error;
    },
  };
}

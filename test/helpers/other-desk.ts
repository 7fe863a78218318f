/**
 * A second desk with its own copy of the workspace folder and its own data folder, and a sync
 * done by hand: what a sync service does between two computers, at the moment a test chooses,
 * so two desks can act without seeing each other (crossing) and then receive each other's files.
 */
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { dispatch } from '../../src/main/handlers';
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

/** A desk over a copy of `from`'s workspace folder as it is now; `from`'s people sign in with their keys. */
export async function otherDesk(from: TempApp, fromRoot: string, root: string): Promise<OtherDesk> {
  await cp(fromRoot, root, { recursive: true });
  const app = await openApp(root, from.clock, { data: new DataFolder(dataFolderOf(root)) });
  const windows = new Map<string, { session: ReturnType<typeof app.sessions.open> }>();
  const windowOf = (personId: string) => {
    let window = windows.get(personId);
    if (!window) {
      window = { session: app.sessions.open() };
      window.session.signIn(unlocked(from.keys.get(personId)!), from.clock.now().getTime());
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

/** Brings every file `from` has that `to` lacks, or has less of (one writer per file: the longer is the newer). */
export async function syncFolder(from: string, to: string): Promise<number> {
  let copied = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const target = join(to, relative(from, path));
      if (entry.isDirectory()) {
        await mkdir(target, { recursive: true });
        await walk(path);
        continue;
      }
      if (entry.name.includes('.tmp-')) continue;
      const [mine, theirs] = await Promise.all([stat(path), stat(target).catch(() => null)]);
      if (theirs && theirs.size >= mine.size) continue;
      await cp(path, target);
      copied++;
    }
  };
  await walk(from);
  return copied;
}

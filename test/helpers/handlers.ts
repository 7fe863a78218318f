import { createHandlers, type Caller, type HandlerContext, type HandlerTable } from '../../src/main/handlers';
import type { Clock } from '../../src/main/services/clock';
import { openWorkspace, personNamed } from '../../src/main/services/open-workspace';
import { MemorySettingsStore } from '../../src/main/services/settings-store';
import { WindowSessions } from '../../src/main/services/window-sessions';
import type { Workspace } from '../../src/main/services/workspace';
import { steppingClock } from './workspace';

/** The name of the first person of every temp app: a reporter who runs the workspace. */
export const FIRST_PERSON = '林晓岚';

export interface TempApp {
  workspace: Workspace;
  settings: MemorySettingsStore;
  handlers: HandlerTable;
  clock: Clock;
  /** The first person's id, who is the current user to begin with. */
  firstPersonId: string;
  /** The window sessions; each new window starts with the person last chosen. */
  sessions: WindowSessions;
  /** One window, the first person's to begin with; a test can open more with `window()`. */
  caller: Caller;
  window(): Caller;
}

/**
 * The real handler table over a real, new workspace in `root` (no sample article), with the
 * workspace's first person at the desk.
 */
export async function tempApp(root: string, extra: Partial<HandlerContext> = {}): Promise<TempApp> {
  const clock = steppingClock();
  const workspace = await openWorkspace({ root, clock, sampleDir: null, author: FIRST_PERSON });
  const first = await personNamed(workspace, FIRST_PERSON);
  if (!first) throw new Error('a new workspace should have its first person');
  const settings = new MemorySettingsStore({ language: null, currentUserId: first.id });
  const handlers = createHandlers({ workspace: () => workspace, settings, clock, ...extra });
  const sessions = new WindowSessions(() => settings.get().currentUserId);
  const window = (): Caller => ({ session: sessions.open() });
  return { workspace, settings, handlers, clock, firstPersonId: first.id, sessions, caller: window(), window };
}

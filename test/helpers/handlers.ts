import { createHandlers, type HandlerContext, type HandlerTable } from '../../src/main/handlers';
import { MemorySettingsStore } from '../../src/main/services/settings-store';
import type { Workspace } from '../../src/main/services/workspace';
import { openTempWorkspace } from './workspace';

export interface TempApp {
  workspace: Workspace;
  settings: MemorySettingsStore;
  handlers: HandlerTable;
}

/** The real handler table over a real workspace in `root`. */
export async function tempApp(root: string, extra: Partial<HandlerContext> = {}): Promise<TempApp> {
  const workspace = await openTempWorkspace(root);
  const settings = new MemorySettingsStore({ language: null, userName: '林晓岚' });
  const handlers = createHandlers({ workspace: () => workspace, settings, ...extra });
  return { workspace, settings, handlers };
}

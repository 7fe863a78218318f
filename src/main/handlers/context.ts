import type { WorkspaceInfo } from '../../shared/contract/api';
import { findPerson, type Person } from '../../shared/review/people';
import type { Actor } from '../services/articles';
import type { DataFolder } from '../services/data-folder';
import type { ElectronPdfOptions } from '../services/export/pdf-options';
import type { LiveWorkspace } from '../services/live/live-workspace';
import type { RememberedKeys } from '../services/identity/remembered-keys';
import { People } from '../services/people';
import { refused, refusedWith } from '../services/refused';
import type { SettingsStore } from '../services/settings-store';
import type { WindowSession } from '../services/window-sessions';
import type { Workspace } from '../services/workspace';

export { refused };

/** Who is calling: the window the call came from, and so the person signed in to it. */
export interface Caller {
  session: WindowSession;
}

export interface HandlerContext {
  workspace(): Workspace;
  settings: SettingsStore;
  clock: { now(): Date };
  /** This machine's data folder (desk id, what it has seen, caches). */
  data: DataFolder;
  /** The bundled sample article, written into a new workspace by its first person. */
  sampleDir?: string | null;
  /** Shows a folder picker and switches to the chosen workspace; absent in the preview. */
  chooseWorkspace?: () => Promise<WorkspaceInfo | null>;
  /** Prints self-contained HTML to PDF (Electron's printToPDF); absent in the preview. */
  printPdf?: (html: string, options: ElectronPdfOptions) => Promise<Uint8Array>;
  /** What other desks change in the open workspace; absent where nothing watches it. */
  live?: () => LiveWorkspace | null;
  /** Desktop only: keys remembered on this computer (safeStorage). */
  remembered?: RememberedKeys;
}

/**
 * The person signed in to the caller's window, with their key: refused while the window is
 * locked, while roster records this desk had seen are missing, or once their key is no longer
 * valid (revoked, or the person deactivated) — then the window is locked.
 */
export async function currentActor(ctx: HandlerContext, caller: Caller): Promise<Actor> {
  const key = caller.session.key;
  if (!key) throw refusedWith('locked');
  const view = await new People(ctx.workspace()).usableRoster();
  const person = findPerson(view.roster, key.personId);
  const bound = view.verdict.keys.get(key.keyid);
  if (!person || !bound || bound.personId !== person.id || bound.until !== null) {
    caller.session.lock();
    throw refusedWith('locked');
  }
  if (!person.active) {
    caller.session.lock();
    throw refusedWith('inactive-person', { name: person.name });
  }
  return { key, person };
}

export async function currentPerson(ctx: HandlerContext, caller: Caller): Promise<Person> {
  return (await currentActor(ctx, caller)).person;
}

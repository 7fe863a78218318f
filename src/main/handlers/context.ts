import type { WorkspaceInfo } from '../../shared/contract/api';
import { AppFailure } from '../../shared/contract/errors';
import { findPerson, type Person } from '../../shared/review/people';
import type { Refusal } from '../../shared/review/refusal';
import { refusalMessage } from '../../shared/review/refusal-messages';
import type { SettingsStore } from '../services/settings-store';
import type { ElectronPdfOptions } from '../services/export/pdf-options';
import type { WindowSession } from '../services/window-sessions';
import type { Workspace } from '../services/workspace';

/** Who is calling: the window the call came from, and so the person working in it. */
export interface Caller {
  session: WindowSession;
}

export interface HandlerContext {
  workspace(): Workspace;
  settings: SettingsStore;
  clock: { now(): Date };
  /** Shows a folder picker and switches to the chosen workspace; absent in the preview. */
  chooseWorkspace?: () => Promise<WorkspaceInfo | null>;
  /** Prints self-contained HTML to PDF (Electron's printToPDF); absent in the preview. */
  printPdf?: (html: string, options: ElectronPdfOptions) => Promise<Uint8Array>;
}

/** A review rule said no: the page words the refusal in the interface language. */
export function refused(reason: Refusal): AppFailure {
  return new AppFailure('forbidden', refusalMessage(reason, 'en'), reason);
}

/** The person working in the caller's window, from the workspace roster; never taken from the page. */
export async function currentPerson(ctx: HandlerContext, caller: Caller): Promise<Person> {
  const id = caller.session.personId;
  const { roster, problem } = await ctx.workspace().roster.load();
  // An unreadable roster knows nobody: say why, rather than ask the user to pick who they are.
  if (problem) throw new AppFailure('damaged', `${problem}. The file was left untouched; restore it before working in this workspace.`);
  const person = id ? findPerson(roster, id) : undefined;
  if (!person) throw refused({ code: 'no-current-user', params: {} });
  if (!person.active) throw refused({ code: 'inactive-person', params: { name: person.name } });
  return person;
}

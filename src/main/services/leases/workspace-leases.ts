/** One DeskLeases per open workspace, shared by the handlers and the app's quit. */
import type { Workspace } from '../workspace';
import { DeskLeases } from './desk-leases';
import { deskName } from './desk-name';

const open = new WeakMap<Workspace, DeskLeases>();

export function leasesOf(workspace: Workspace): DeskLeases {
  let leases = open.get(workspace);
  if (!leases) {
    const { data, ed, clock } = workspace.options;
    let name: Promise<string> | null = null;
    leases = new DeskLeases({
      root: workspace.layout.root,
      deskId: workspace.writer.deskId,
      deskName: () => (name ??= deskName(data.root)),
      ed,
      clock,
      roster: async () => {
        const view = await workspace.roster();
        return { keys: view.verdict.keys, roster: view.roster };
      },
    });
    open.set(workspace, leases);
  }
  return leases;
}

/** Ends this desk's claims in `workspace`, if it made any (the app quits, or opens another workspace). */
export async function releaseLeases(workspace: Workspace): Promise<void> {
  await open.get(workspace)?.releaseAll();
}

import type { Clock } from '../../src/main/services/clock';
import { DataFolder } from '../../src/main/services/data-folder';
import { openWorkspace } from '../../src/main/services/open-workspace';
import type { Workspace } from '../../src/main/services/workspace';
import { ed25519 } from '../../src/shared/identity/ed25519';
import { dataFolderOf } from './temp-dir';

/** A clock that moves one second forward on every reading, so timestamps are distinct and ordered. */
export function steppingClock(start = '2025-05-01T08:00:00.000Z'): Clock & { readonly readings: number } {
  let readings = 0;
  const base = Date.parse(start);
  return {
    now: () => new Date(base + 1000 * readings++),
    get readings() {
      return readings;
    },
  };
}

/** The workspace in `root` as the app opens it, with its data folder beside it (see dataFolderOf). */
export async function openTempWorkspace(root: string, clock: Clock = steppingClock()): Promise<Workspace> {
  return openWorkspace({ root, clock, data: new DataFolder(dataFolderOf(root)), ed: await ed25519() });
}

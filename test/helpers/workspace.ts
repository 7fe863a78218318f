import type { Clock } from '../../src/main/services/clock';
import { Workspace } from '../../src/main/services/workspace';

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

export function openTempWorkspace(root: string, clock: Clock = steppingClock()): Promise<Workspace> {
  return Workspace.open(root, clock);
}

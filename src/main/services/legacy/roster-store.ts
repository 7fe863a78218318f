import { emptyRoster, RosterSchema, type Roster } from '../../../shared/review/people';
import { writeJsonAtomic } from '../atomic-write';
import { readJsonFile } from '../json-file';

export interface RosterState {
  roster: Roster;
  /** Set when people.json exists but cannot be used; it is then never overwritten. */
  problem: string | null;
}

/** The workspace's people and roles (people.json), shared by every desk using the folder. */
export class RosterStore {
  constructor(private readonly path: string) {}

  async load(): Promise<RosterState> {
    const read = await readJsonFile(this.path, RosterSchema);
    if (read.ok) return { roster: read.value, problem: null };
    return { roster: emptyRoster(), problem: read.missing ? null : `people.json ${read.problem}` };
  }

  async save(roster: Roster): Promise<void> {
    await writeJsonAtomic(this.path, RosterSchema.parse(roster));
  }
}

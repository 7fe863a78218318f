import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RosterStore } from '../../../../src/main/services/legacy/roster-store';
import { addPerson, emptyRoster } from '../../../../src/shared/review/people';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('roster-store-');

describe('RosterStore', () => {
  it('reads a missing people.json as an empty roster without a problem', async () => {
    expect(await new RosterStore(join(await tempDir(), 'people.json')).load()).toEqual({ roster: emptyRoster(), problem: null });
  });

  it.each([
    ['garbage', 'not json at all'],
    ['a roster with a name used twice', JSON.stringify({ format: 1, people: [1, 2].map((i) => ({ id: `u-person0${i}`, name: 'Li', roles: [], active: true, createdAt: '2025-05-01T08:00:00.000Z' })) })],
  ])('reports %s in people.json, reading it as an empty roster', async (_case, text) => {
    const path = join(await tempDir(), 'people.json');
    await writeFile(path, text);
    expect(await new RosterStore(path).load()).toEqual({ roster: emptyRoster(), problem: expect.stringMatching(/^people\.json /) });
  });

  it('saves and reads back a roster', async () => {
    const store = new RosterStore(join(await tempDir(), 'people.json'));
    const added = addPerson(emptyRoster(), { id: 'u-abcdef01', name: '林晓岚', roles: ['admin', 'reporter'], at: new Date('2025-05-01T08:00:00Z') });
    if (!added.ok) throw new Error(added.reason.code);
    await store.save(added.roster);
    expect(await store.load()).toEqual({ roster: added.roster, problem: null });
  });
});

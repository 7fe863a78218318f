import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/handlers';
import { RosterStore } from '../../../src/main/services/roster-store';
import { addPerson, emptyRoster } from '../../../src/shared/review/people';
import { tempApp } from '../../helpers/handlers';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('roster-store-');

describe('RosterStore', () => {
  it('reads a missing people.json as an empty roster without a problem', async () => {
    expect(await new RosterStore(join(await tempDir(), 'people.json')).load()).toEqual({ roster: emptyRoster(), problem: null });
  });

  it('saves and reads back a roster', async () => {
    const store = new RosterStore(join(await tempDir(), 'people.json'));
    const added = addPerson(emptyRoster(), { id: 'u-abcdef01', name: '林晓岚', roles: ['admin', 'reporter'], at: new Date('2025-05-01T08:00:00Z') });
    if (!added.ok) throw new Error(added.reason.code);
    await store.save(added.roster);
    expect(await store.load()).toEqual({ roster: added.roster, problem: null });
  });

  it.each([
    ['garbage', 'not json at all'],
    ['a roster with a name used twice', JSON.stringify({ format: 1, people: [1, 2].map((i) => ({ id: `u-person0${i}`, name: 'Li', roles: [], active: true, createdAt: '2025-05-01T08:00:00.000Z' })) })],
  ])('reports %s in people.json, and the handlers never overwrite it', async (_case, text) => {
    const root = await tempDir();
    const app = await tempApp(root);
    const path = app.workspace.layout.people;
    await writeFile(path, text);
    const { roster, problem } = await app.workspace.roster.load();
    expect(roster).toEqual(emptyRoster());
    expect(problem).toMatch(/^people\.json /);

    expect(await dispatch(app.handlers, 'getSession', {}, app.caller)).toMatchObject({ ok: true, value: { rosterProblem: problem, currentUser: null } });
    for (const [name, input] of [
      ['addPerson', { name: '周明远', roles: ['editor'] }],
      ['updatePerson', { id: app.firstPersonId, active: false }],
      ['createFirstPerson', { name: '周明远' }],
    ] as const) {
      expect(await dispatch(app.handlers, name, input, app.caller), name).toMatchObject({ ok: false, error: { code: 'damaged' } });
    }
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});

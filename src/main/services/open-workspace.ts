import { access } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { addPerson, emptyRoster, nameKey, type Person } from '../../shared/review/people';
import type { Clock } from './clock';
import { seedSampleArticle } from './sample-seed';
import { Workspace } from './workspace';
import { workspaceLayout } from './workspace-layout';

/**
 * Opens a workspace folder. A new one gets its first person (`author`, who runs it) and the
 * sample article written by them.
 */
export async function openWorkspace(args: {
  root: string;
  clock: Clock;
  sampleDir: string | null;
  author: string;
}): Promise<Workspace> {
  const isNew = await access(workspaceLayout(args.root).manifest).then(
    () => false,
    () => true,
  );
  const workspace = await Workspace.open(args.root, args.clock);
  if (!isNew) return workspace;
  const first = await ensureFirstPerson(workspace, args.author, args.clock.now());
  if (args.sampleDir) {
    const listed = await workspace.list();
    if (listed.articles.length === 0 && listed.damaged.length === 0) {
      await seedSampleArticle(workspace, args.sampleDir, first, args.clock.now());
    }
  }
  return workspace;
}

async function ensureFirstPerson(workspace: Workspace, name: string, at: Date): Promise<Person> {
  const { roster, problem } = await workspace.roster.load();
  const existing = roster.people.find((p) => nameKey(p.name) === nameKey(name));
  if (existing || problem) return existing ?? { id: '', name, roles: [], active: true, createdAt: at.toISOString() };
  const added = addPerson(roster.people.length ? roster : emptyRoster(), { id: `u-${randomBytes(6).toString('hex')}`, name, roles: ['reporter', 'admin'], at });
  if (!added.ok) throw new Error(`cannot add ${name} to the newsroom list: ${added.reason.code}`);
  await workspace.roster.save(added.roster);
  return added.roster.people.find((p) => nameKey(p.name) === nameKey(name))!;
}

/** The person of this name in the workspace roster, if any. */
export async function personNamed(workspace: Workspace, name: string): Promise<Person | null> {
  const { roster } = await workspace.roster.load();
  return roster.people.find((p) => nameKey(p.name) === nameKey(name)) ?? null;
}

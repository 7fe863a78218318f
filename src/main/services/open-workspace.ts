import type { Ed25519 } from '../../shared/identity/ed25519';
import { findPerson } from '../../shared/review/people';
import type { Actor } from './articles';
import type { Clock } from './clock';
import type { DataFolder } from './data-folder';
import type { UnlockedKey } from './identity/unlocked-key';
import { People } from './people';
import { seedSampleArticle } from './sample-seed';
import { Workspace } from './workspace';

/** Opens a workspace folder (a new one waits for its first person, a format-1 one for its upgrade). */
export function openWorkspace(args: { root: string; clock: Clock; data: DataFolder; ed: Ed25519 }): Promise<Workspace> {
  return Workspace.open(args.root, { clock: args.clock, data: args.data, ed: args.ed });
}

/**
 * A new workspace's first person, its first administrator, with their passphrase; the bundled
 * sample article is written by them when `sampleDir` is given and the workspace has no article.
 */
export async function setUpWorkspace(workspace: Workspace, args: { name: string; passphrase: string; sampleDir: string | null }): Promise<UnlockedKey> {
  const key = await new People(workspace).setUp(args.name, args.passphrase);
  if (args.sampleDir) {
    const person = findPerson((await workspace.roster()).roster, key.personId)!;
    const actor: Actor = { key, person };
    const listed = await workspace.articles.list();
    if (listed.articles.length === 0 && listed.damaged.length === 0) await seedSampleArticle(workspace, args.sampleDir, actor);
  }
  return key;
}

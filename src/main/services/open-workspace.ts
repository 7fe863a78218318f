import { access } from 'node:fs/promises';
import type { Clock } from './clock';
import { seedSampleArticle } from './sample-seed';
import { Workspace } from './workspace';
import { workspaceLayout } from './workspace-layout';

/** Opens a workspace folder, creating it with the sample article when it is new. */
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
  if (isNew && args.sampleDir) {
    const listed = await workspace.list();
    if (listed.articles.length === 0 && listed.damaged.length === 0) {
      await seedSampleArticle(workspace, args.sampleDir, args.author, args.clock.now());
    }
  }
  return workspace;
}

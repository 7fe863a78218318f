import { mkdir } from 'node:fs/promises';
import type { Article } from '../../src/shared/article/article';
import { openWorkspace } from '../../src/main/services/open-workspace';
import { RosterStore } from '../../src/main/services/roster-store';
import type { ArticleReview, Workspace } from '../../src/main/services/workspace';
import { workspaceLayout } from '../../src/main/services/workspace-layout';
import { addPerson, emptyRoster, type Person, type Role } from '../../src/shared/review/people';
import { sealRecord } from '../../src/shared/review/records';
import { applyAction, type ReviewRequest } from '../../src/shared/review/rules';
import { SAMPLE_DIR } from './paths';

export type ChainDesk = 'author' | 'editor' | 'second' | 'third';

/** Fixed ids, so the people in exports are the same on every run. */
const STAFF: Record<ChainDesk, { id: string; name: string; roles: Role[] }> = {
  author: { id: 'u-author0001', name: '林晓岚', roles: ['reporter', 'admin'] },
  editor: { id: 'u-editor0001', name: '王丽', roles: ['editor'] },
  second: { id: 'u-second0001', name: '赵敏', roles: ['second'] },
  third: { id: 'u-third00001', name: '陈杰', roles: ['third'] },
};

/** Every clock reading of the workspace is this moment; review actions give their own times. */
export const FIXED_NOW = '2025-05-01T08:00:00.000Z';

export interface SampleWorkspace {
  root: string;
  workspace: Workspace;
  /** The bundled sample article, as seeded. */
  article: Article;
  people: Record<ChainDesk, Person>;
  /** One review action by `desk`, through the real rules, appended to the real log. */
  act(desk: ChainDesk, request: ReviewRequest, at: string, id?: string): Promise<ArticleReview>;
  /** Submit, then the three approvals. */
  signOff(id?: string): Promise<ArticleReview>;
}

/**
 * A new workspace in `root` as the app makes it (openWorkspace with the bundled sample), whose
 * roster (written first, with fixed ids) has the author and one reviewer per review. Names can
 * be replaced, e.g. by a script payload.
 */
export async function sampleWorkspace(root: string, names: Partial<Record<ChainDesk, string>> = {}): Promise<SampleWorkspace> {
  await mkdir(root, { recursive: true });
  let roster = emptyRoster();
  for (const [desk, person] of Object.entries(STAFF) as [ChainDesk, (typeof STAFF)[ChainDesk]][]) {
    const added = addPerson(roster, { ...person, name: names[desk] ?? person.name, at: new Date(FIXED_NOW) });
    if (!added.ok) throw new Error(`cannot add ${person.name}: ${added.reason.code}`);
    roster = added.roster;
  }
  await new RosterStore(workspaceLayout(root).people).save(roster);
  const workspace = await openWorkspace({ root, clock: { now: () => new Date(FIXED_NOW) }, sampleDir: SAMPLE_DIR, author: names.author ?? STAFF.author.name });
  const { articles } = await workspace.list();
  if (articles.length !== 1) throw new Error('the new workspace should hold the sample article');
  const article = await workspace.get(articles[0]!.id);
  const people = Object.fromEntries((Object.keys(STAFF) as ChainDesk[]).map((desk) => [desk, roster.people.find((p) => p.id === STAFF[desk].id)!])) as Record<ChainDesk, Person>;

  const act = (desk: ChainDesk, request: ReviewRequest, at: string, id = article.id) =>
    workspace.appendReview(id, (_article, review) => {
      const result = applyAction({ state: review.state, records: review.records, actor: people[desk], action: request, roster, at: new Date(at) });
      if (!result.ok) throw new Error(`${desk} may not ${request.action}: ${result.reason.code}`);
      return sealRecord(result.record, review.records.at(-1));
    });
  const signOff = async (id = article.id) => {
    await act('author', { action: 'submit' }, '2025-05-01T09:00:00.000Z', id);
    await act('editor', { action: 'approve', opinion: '事实核实无误，同意。' }, '2025-05-01T10:00:00.000Z', id);
    await act('second', { action: 'approve', opinion: '同意送三审。' }, '2025-05-01T11:00:00.000Z', id);
    return act('third', { action: 'approve', opinion: '同意签发。' }, '2025-05-01T12:00:00.000Z', id);
  };
  return { root, workspace, article, people, act, signOff };
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, ArticleContent } from '../../src/shared/article/article';
import type { Actor } from '../../src/main/services/articles';
import { DataFolder } from '../../src/main/services/data-folder';
import { UnlockedKey } from '../../src/main/services/identity/unlocked-key';
import { openWorkspace } from '../../src/main/services/open-workspace';
import { seedSampleArticle } from '../../src/main/services/sample-seed';
import { reviewOf, type ArticleReview, type Workspace } from '../../src/main/services/workspace';
import { ed25519, type Ed25519 } from '../../src/shared/identity/ed25519';
import { enrolmentKeyPair, generateEnrolmentCode } from '../../src/shared/identity/enrolment-code';
import { keyidOf, publicKeyRecord } from '../../src/shared/identity/keys';
import { findPerson, type Person, type Role } from '../../src/shared/review/people';
import { applyAction, type ReviewRequest } from '../../src/shared/review/rules';
import { SAMPLE_DIR } from './paths';
import { dataFolderOf } from './temp-dir';

export type ChainDesk = 'author' | 'editor' | 'second' | 'third';

/** Fixed ids, so the people in exports are the same on every run. */
const STAFF: Record<ChainDesk, { id: string; name: string; roles: Role[] }> = {
  author: { id: 'u-author0001', name: '林晓岚', roles: ['reporter', 'admin'] },
  editor: { id: 'u-editor0001', name: '王丽', roles: ['editor'] },
  second: { id: 'u-second0001', name: '赵敏', roles: ['second'] },
  third: { id: 'u-third00001', name: '陈杰', roles: ['third'] },
};

/** Every clock reading of the workspace is this moment, unless an action gives its own time. */
export const FIXED_NOW = '2025-05-01T08:00:00.000Z';

export interface SampleWorkspace {
  root: string;
  workspace: Workspace;
  /** The bundled sample article, as seeded. */
  article: Article;
  people: Record<ChainDesk, Person>;
  /** Each person signed in, with their key. */
  actors: Record<ChainDesk, Actor>;
  /** One review action by `desk` at `at`, through the real rules, signed and appended to the real log. */
  act(desk: ChainDesk, request: ReviewRequest, at: string, id?: string): Promise<ArticleReview>;
  /** Submit, then the three approvals. */
  signOff(id?: string): Promise<ArticleReview>;
  /** The author saves `content` over the current copy (at FIXED_NOW, or `at`). */
  save(id: string, content: ArticleContent, at?: string): Promise<void>;
  /** A new article by the author with `content`. */
  add(content: ArticleContent): Promise<Article>;
}

function signedIn(ed: Ed25519, id: string): UnlockedKey {
  const pair = ed.keyPairFromSeed(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  return new UnlockedKey(id, keyidOf(pair.publicKey), pair.publicKey, pair.secretKey);
}

/**
 * A new workspace in `root` (its data folder beside it, see dataFolderOf) whose signed roster
 * has the author (its first administrator) and one reviewer per review, with fixed ids, each
 * enrolled and signed in with a key made here (no passphrase: nobody signs in again), and the
 * bundled sample article by the author. Names can be replaced, e.g. by a script payload.
 */
export async function sampleWorkspace(root: string, names: Partial<Record<ChainDesk, string>> = {}): Promise<SampleWorkspace> {
  await mkdir(root, { recursive: true });
  let now = FIXED_NOW;
  const clock = { now: () => new Date(now) };
  const ed = await ed25519();
  const workspace = await openWorkspace({ root, clock, data: new DataFolder(dataFolderOf(root)), ed });
  const roster = workspace.rosterLog();
  const keys = Object.fromEntries((Object.keys(STAFF) as ChainDesk[]).map((desk) => [desk, signedIn(ed, STAFF[desk].id)])) as Record<ChainDesk, UnlockedKey>;
  const nameOf = (desk: ChainDesk) => names[desk] ?? STAFF[desk].name;
  const admin = keys.author;
  await roster.append(workspace.writer, admin, { kind: 'genesis', workspaceId: workspace.manifest!.workspaceId, person: { id: STAFF.author.id, name: nameOf('author') }, key: publicKeyRecord(admin.publicKey) });
  for (const desk of ['editor', 'second', 'third'] as const) {
    const { id, roles } = STAFF[desk];
    await roster.append(workspace.writer, admin, { kind: 'add-person', person: { id, name: nameOf(desk), roles } });
    const enrolment = enrolmentKeyPair(ed, generateEnrolmentCode(), id);
    const expiresAt = new Date(Date.parse(FIXED_NOW) + 86_400_000).toISOString();
    await roster.append(workspace.writer, admin, { kind: 'enrol', personId: id, enrolmentKey: publicKeyRecord(enrolment.publicKey), expiresAt });
    const claim = { kind: 'claim' as const, personId: id, enrolmentKeyid: keyidOf(enrolment.publicKey), key: publicKeyRecord(keys[desk].publicKey) };
    await roster.append(workspace.writer, keys[desk], claim, [{ keyid: keyidOf(enrolment.publicKey), secretKey: enrolment.secretKey }]);
  }
  const { roster: people$ } = await workspace.roster();
  const people = Object.fromEntries((Object.keys(STAFF) as ChainDesk[]).map((desk) => [desk, findPerson(people$, STAFF[desk].id)!])) as Record<ChainDesk, Person>;
  const actors = Object.fromEntries((Object.keys(STAFF) as ChainDesk[]).map((desk) => [desk, { key: keys[desk], person: people[desk] }])) as Record<ChainDesk, Actor>;
  const article = await seedSampleArticle(workspace, SAMPLE_DIR, actors.author);

  const act = async (desk: ChainDesk, request: ReviewRequest, at: string, id = article.id) => {
    now = at;
    try {
      const read = await workspace.articles.review(actors[desk], id, ({ state }) => {
        const review = reviewOf(state).state;
        const result = applyAction({ state: review, actor: people[desk], action: request, policy: state.roster.policy, roster: state.roster.roster, at: new Date(at) });
        if (!result.ok) throw new Error(`${desk} may not ${request.action}: ${result.reason.code}`);
        const { record } = result;
        return { action: record.action, actorName: record.actorName, stage: record.stage, ...(record.to ? { to: record.to } : {}), opinion: record.opinion, contentHash: record.contentHash };
      });
      return reviewOf(read.state);
    } finally {
      now = FIXED_NOW;
    }
  };
  const signOff = async (id = article.id) => {
    await act('author', { action: 'submit' }, '2025-05-01T09:00:00.000Z', id);
    await act('editor', { action: 'approve', opinion: '事实核实无误，同意。' }, '2025-05-01T10:00:00.000Z', id);
    await act('second', { action: 'approve', opinion: '同意送三审。' }, '2025-05-01T11:00:00.000Z', id);
    return act('third', { action: 'approve', opinion: '同意签发。' }, '2025-05-01T12:00:00.000Z', id);
  };
  const save = async (id: string, content: ArticleContent, at = FIXED_NOW) => {
    now = at;
    try {
      const current = await workspace.get(id);
      await workspace.articles.save(actors.author, id, current.head, content);
    } finally {
      now = FIXED_NOW;
    }
  };
  const add = (content: ArticleContent) => workspace.articles.create(actors.author, content.language, content);
  return { root, workspace, article, people, actors, act, signOff, save, add };
}


/** The path of `desk`'s signed log file of an article (the sample article by default). */
export function reviewerLog(sample: SampleWorkspace, desk: ChainDesk, id = sample.article.id): string {
  return join(sample.workspace.layout.articleDir(id), 'log', `${sample.people[desk].id}.${sample.workspace.writer.deskId}.jsonl`);
}

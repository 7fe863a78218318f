/**
 * A format-2 workspace of the generated news corpus (corpus.ts), as desks would have written
 * it: a signed roster of the corpus's people (each enrolled with a key of their own), and per
 * article its author's create and revision (the copy stored as a content blob), the review
 * records signed by whoever took them, and the trash events. Lines are signed with the real
 * writer helpers; nothing is verified while writing, so 100,000 articles take minutes, not hours.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RevisionContent } from '../../src/main/services/revisions/revision-content';
import { writeManifest } from '../../src/main/services/workspace-manifest';
import { workspaceLayout } from '../../src/main/services/workspace-layout';
import { contentHash } from '../../src/shared/article/canonical';
import type { ArticleEvents, ArticleKind } from '../../src/shared/identity/article-events';
import type { Ed25519 } from '../../src/shared/identity/ed25519';
import { enrolmentKeyPair, generateEnrolmentCode } from '../../src/shared/identity/enrolment-code';
import { lineHash, type Signer } from '../../src/shared/identity/envelope';
import { keyidOf, publicKeyRecord } from '../../src/shared/identity/keys';
import { articleLogDir, ROSTER_DIR } from '../../src/shared/identity/layout';
import { logFileName } from '../../src/shared/identity/log-files';
import type { RosterEvent } from '../../src/shared/identity/roster-events';
import { articleLine, rosterLine, writerPosition } from '../../src/shared/identity/write';
import type { Writer } from '../generate-identity';
import { corpusPeople, corpusSource } from './corpus';


export const BENCH_WORKSPACE_ID = 'ws-bench-library';
const ROSTER_START = Date.parse('2020-01-01T00:00:00.000Z');

/** Lines per file, keyed by the file's path in the workspace. */
class Files {
  readonly lines = new Map<string, string[]>();
  push(path: string, line: string): void {
    const list = this.lines.get(path) ?? [];
    list.push(line);
    this.lines.set(path, list);
  }
  async write(root: string): Promise<void> {
    for (const [path, lines] of this.lines) {
      await mkdir(join(root, ...path.split('/').slice(0, -1)), { recursive: true });
      await writeFile(join(root, ...path.split('/')), `${lines.join('\n')}\n`);
    }
  }
}

/** Corpus person `n` (corpusPeople order) as the generated workspace enrolled them: the same key every time. */
export function benchWriter(ed: Ed25519, n: number): Writer {
  const person = corpusPeople()[n]!;
  return writer(ed, person.id, person.name, n + 1);
}

function writer(ed: Ed25519, id: string, name: string, n: number): Writer {
  const seed = new Uint8Array(32);
  new DataView(seed.buffer).setUint32(0, n + 1);
  const keys = ed.keyPairFromSeed(seed);
  return { id, name, desk: `d-${n.toString(16).padStart(10, '0')}`, keys, signer: { keyid: keyidOf(keys.publicKey), secretKey: keys.secretKey } };
}

/** The roster: an administrator's genesis, then every corpus person added, enrolled and claiming their key. */
function roster(ed: Ed25519, files: Files): { writers: Map<string, Writer>; head: string } {
  let clock = ROSTER_START;
  let head: string | null = null;
  const append = (by: Writer, event: RosterEvent, signers: Signer[] = [by.signer]) => {
    const path = `${ROSTER_DIR}/${logFileName(by.id, by.desk)}`;
    clock += 1000;
    const line = rosterLine(ed, { position: writerPosition(files.lines.get(path) ?? []), by: by.id, desk: by.desk, at: new Date(clock).toISOString(), parents: head ? [head] : [], event, signers });
    files.push(path, line);
    head = lineHash(line);
  };
  const admin = writer(ed, 'u-benchadmin', 'Bench Admin', 0);
  append(admin, { kind: 'genesis', workspaceId: BENCH_WORKSPACE_ID, person: { id: admin.id, name: admin.name }, key: publicKeyRecord(admin.keys.publicKey) });
  const writers = new Map<string, Writer>();
  corpusPeople().forEach((person, n) => {
    const member = writer(ed, person.id, person.name, n + 1);
    writers.set(person.id, member);
    append(admin, { kind: 'add-person', person: { id: person.id, name: person.name, roles: person.roles } });
    const enrolment = enrolmentKeyPair(ed, generateEnrolmentCode(), person.id);
    append(admin, { kind: 'enrol', personId: person.id, enrolmentKey: publicKeyRecord(enrolment.publicKey), expiresAt: new Date(clock + 86_400_000).toISOString() });
    append(member, { kind: 'claim', personId: person.id, enrolmentKeyid: keyidOf(enrolment.publicKey), key: publicKeyRecord(member.keys.publicKey) }, [{ keyid: keyidOf(enrolment.publicKey), secretKey: enrolment.secretKey }, member.signer]);
  });
  return { writers, head: head! };
}

/** Writes article `index` of the corpus into the workspace at `root`. */
async function writeArticle(ed: Ed25519, root: string, index: number, writers: Map<string, Writer>, rosterHead: string): Promise<void> {
  const { article, records, trash } = corpusSource(index);
  const dir = workspaceLayout(root).articleDir(article.id);
  const files = new Files();
  let head: string | null = null;
  let latest = 0;
  const append = <K extends ArticleKind>(by: Writer, kind: K, at: string, event: ArticleEvents[K]) => {
    const path = `${articleLogDir(article.id)}/${logFileName(by.id, by.desk)}`;
    const time = new Date(Math.max(Date.parse(at), latest + 1)).toISOString();
    latest = Date.parse(time);
    const line = articleLine(ed, { kind, articleId: article.id, position: writerPosition(files.lines.get(path) ?? []), by: by.id, desk: by.desk, at: time, parents: head ? [head] : [], roster: [rosterHead], event, signer: by.signer });
    files.push(path, line);
    head = lineHash(line);
    return head;
  };
  const author = writers.get(article.authorId)!;
  const { channel, headline, deck, byline, language, body } = article;
  const copy = { channel, headline, deck, byline, language, body };
  const hash = contentHash(copy);
  await mkdir(join(dir, 'log'), { recursive: true });
  append(author, 'create', article.createdAt, { language, contentHash: hash });
  const fields = await new RevisionContent(dir).store(copy, null);
  const revision = append(author, 'revision', article.updatedAt, { from: [], kind: 'autosave', stage: 'draft', ...fields });
  for (const record of records) {
    const by = writers.get(record.actorId)!;
    append(by, 'review', record.at, { action: record.action, actorName: by.name, stage: record.stage, ...(record.to ? { to: record.to } : {}), opinion: record.opinion, contentHash: hash, revision });
  }
  // The trash follows the draft's only revision (trashed articles have no review records).
  if (trash) append(author, 'trash', trash.at, { action: 'trash', stage: 'draft' });
  await files.write(root);
}

/** A format-2 workspace of `count` corpus articles in `root` (which must not exist yet). */
export async function writeFormat2Workspace(ed: Ed25519, root: string, count: number, log: (line: string) => void): Promise<void> {
  const layout = workspaceLayout(root);
  await mkdir(layout.articles, { recursive: true });
  await mkdir(layout.assets, { recursive: true });
  const rosterFiles = new Files();
  const { writers, head } = roster(ed, rosterFiles);
  await rosterFiles.write(root);
  await writeManifest(layout.manifest, { format: 2, workspaceId: BENCH_WORKSPACE_ID, name: 'Library bench', createdAt: new Date(ROSTER_START).toISOString() });
  const CONCURRENT = 16;
  for (let at = 0; at < count; at += CONCURRENT) {
    await Promise.all(Array.from({ length: Math.min(CONCURRENT, count - at) }, (_, k) => writeArticle(ed, root, at + k, writers, head)));
    if ((at + CONCURRENT) % 10_000 < CONCURRENT) log(`  wrote ${Math.min(at + CONCURRENT, count)} of ${count} articles`);
  }
}

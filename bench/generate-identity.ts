/**
 * A roster of four and one article log of a given number of signed records, made with the real
 * writer helpers and keys: the author's create and revisions, annotation events and review
 * actions (submit and return, round after round, then the three approvals), each naming the
 * record before it as its parent, as one desk after another would.
 */
import { sha256Hex as sha256OfText } from '../src/shared/article/canonical';
import type { ArticleEvents, ArticleKind } from '../src/shared/identity/article-events';
import type { Ed25519, KeyPair } from '../src/shared/identity/ed25519';
import { enrolmentKeyPair, generateEnrolmentCode } from '../src/shared/identity/enrolment-code';
import { lineHash, type Signer } from '../src/shared/identity/envelope';
import { keyidOf, publicKeyRecord } from '../src/shared/identity/keys';
import { articleLogDir, ROSTER_DIR } from '../src/shared/identity/layout';
import { logFileName, type LogFile } from '../src/shared/identity/log-files';
import type { RosterEvent } from '../src/shared/identity/roster-events';
import { articleLine, rosterLine, writerPosition } from '../src/shared/identity/write';
import type { Role } from '../src/shared/review/people';

export const BENCH_ARTICLE = '20260301-benc000001';
export const BENCH_HASH = sha256OfText('bench copy');
const START = Date.parse('2026-03-01T08:00:00.000Z');

/** A person who signs: their id, name, desk and key. */
export interface Writer {
  id: string;
  name: string;
  desk: string;
  keys: KeyPair;
  signer: Signer;
}

export interface IdentityFixture {
  rosterFiles: LogFile[];
  articleFiles: LogFile[];
  rosterHeads: string[];
  /** Each writer's signer, by person id. */
  keys: Record<string, Signer>;
}

export class LogBuilder {
  private readonly files = new Map<string, string[]>();
  private clock = START;
  private rosterHead: string | null = null;
  private articleHead: string | null = null;
  readonly people: Record<string, Writer> = {};

  constructor(private readonly ed: Ed25519) {}

  person(id: string, name: string, desk: string): Writer {
    const keys = this.ed.keyPairFromSeed(globalThis.crypto.getRandomValues(new Uint8Array(32)));
    const writer = { id, name, desk, keys, signer: { keyid: keyidOf(keys.publicKey), secretKey: keys.secretKey } };
    this.people[id] = writer;
    return writer;
  }

  roster(by: Writer, event: RosterEvent, signers: Signer[] = [by.signer]): void {
    const path = `${ROSTER_DIR}/${logFileName(by.id, by.desk)}`;
    const line = rosterLine(this.ed, { position: writerPosition(this.files.get(path) ?? []), by: by.id, desk: by.desk, at: this.tick(), parents: this.rosterHead ? [this.rosterHead] : [], event, signers });
    this.push(path, line);
    this.rosterHead = lineHash(line);
  }

  /** A person added and enrolled by `admin`, claiming their key with the code. */
  enrol(admin: Writer, person: Writer, roles: Role[]): void {
    this.roster(admin, { kind: 'add-person', person: { id: person.id, name: person.name, roles } });
    const enrolment = enrolmentKeyPair(this.ed, generateEnrolmentCode(), person.id);
    const keyid = keyidOf(enrolment.publicKey);
    this.roster(admin, { kind: 'enrol', personId: person.id, enrolmentKey: publicKeyRecord(enrolment.publicKey), expiresAt: new Date(this.clock + 86_400_000).toISOString() });
    this.roster(person, { kind: 'claim', personId: person.id, enrolmentKeyid: keyid, key: publicKeyRecord(person.keys.publicKey) }, [{ keyid, secretKey: enrolment.secretKey }, person.signer]);
  }

  article<K extends ArticleKind>(by: Writer, kind: K, event: ArticleEvents[K]): string {
    const path = `${articleLogDir(BENCH_ARTICLE)}/${logFileName(by.id, by.desk)}`;
    const at = this.tick();
    const resolved = 'at' in (event as object) ? ({ ...event, at } as ArticleEvents[K]) : event;
    const line = articleLine(this.ed, {
      kind,
      articleId: BENCH_ARTICLE,
      position: writerPosition(this.files.get(path) ?? []),
      by: by.id,
      desk: by.desk,
      at,
      parents: this.articleHead ? [this.articleHead] : [],
      roster: [this.rosterHead!],
      event: resolved,
      signer: by.signer,
    });
    this.push(path, line);
    this.articleHead = lineHash(line);
    return this.articleHead;
  }

  fixture(): IdentityFixture {
    const list = (dir: string) => [...this.files.entries()].filter(([path]) => path.startsWith(`${dir}/`)).map(([path, lines]) => ({ path, lines }));
    const keys = Object.fromEntries(Object.values(this.people).map((person) => [person.id, person.signer]));
    return { rosterFiles: list(ROSTER_DIR), articleFiles: list(articleLogDir(BENCH_ARTICLE)), rosterHeads: [this.rosterHead!], keys };
  }

  private tick(): string {
    this.clock += 1_000;
    return new Date(this.clock).toISOString();
  }

  private push(path: string, line: string): void {
    const lines = this.files.get(path) ?? [];
    lines.push(line);
    this.files.set(path, lines);
  }
}

/** The newsroom and an article log of `records` records that ends signed off. */
export function buildIdentityFixture(ed: Ed25519, records: number): IdentityFixture {
  const log = new LogBuilder(ed);
  const admin = log.person('u-sunhua01', 'Sun Hua', 'd-00000000a1');
  log.roster(admin, { kind: 'genesis', workspaceId: 'ws-bench', person: { id: admin.id, name: admin.name }, key: publicKeyRecord(admin.keys.publicKey) });
  const author = log.person('u-linxiaolan', 'Lin Xiaolan', 'd-00000000b1');
  const editor = log.person('u-wangli01', 'Wang Li', 'd-00000000c1');
  const second = log.person('u-zhaomin01', 'Zhao Min', 'd-00000000d1');
  const third = log.person('u-chenjie01', 'Chen Jie', 'd-00000000e1');
  log.enrol(admin, author, ['reporter']);
  log.enrol(admin, editor, ['editor']);
  log.enrol(admin, second, ['second']);
  log.enrol(admin, third, ['third']);

  const review = (by: Writer, action: ArticleEvents['review']['action'], stage: ArticleEvents['review']['stage'], extra: Partial<ArticleEvents['review']> = {}) =>
    log.article(by, 'review', { action, actorName: by.name, stage, opinion: action === 'submit' ? '' : '审读意见：数据需再核实，请补充来源。', contentHash: BENCH_HASH, ...extra });
  log.article(author, 'create', {});
  let written = 1;
  let n = 0;
  // Revisions of one copy: a snapshot first, then a delta on the one before (the blobs are not needed to verify).
  let lastRevision: string | null = null;
  const revision = (kind: 'save' | 'auto', label?: string) => {
    const stored = lastRevision === null ? { base: null, blob: BENCH_HASH } : { base: lastRevision, delta: [1] };
    lastRevision = log.article(author, 'revision', { from: lastRevision ? [lastRevision] : [], kind, ...(label ? { label } : {}), stage: 'draft', contentHash: BENCH_HASH, state: BENCH_HASH, ...stored });
  };
  // Rounds of revision, annotation, submit and return, leaving 5 records for the final round.
  while (written + 4 + 5 <= records) {
    revision('save', `第${++n}稿`);
    log.article(editor, 'annotation', { kind: 'resolve', thread: `m-thread${String(n).padStart(4, '0')}`, at: '', by: editor.id, byName: editor.name, stage: 'first' });
    review(author, 'submit', 'draft');
    review(editor, 'return', 'first', { to: 'draft' });
    written += 4;
  }
  while (written + 5 < records) {
    revision('auto');
    written++;
  }
  review(author, 'submit', 'draft');
  review(editor, 'approve', 'first');
  review(second, 'approve', 'second');
  review(third, 'approve', 'third');
  log.article(third, 'annotation', { kind: 'resolve', thread: 'm-final001', at: '', by: third.id, byName: third.name, stage: 'signed' });
  return log.fixture();
}

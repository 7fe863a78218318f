/**
 * A small newsroom whose signed logs live in memory: real keys, real signatures, the real
 * writer helpers and verifiers. Storage tests use the disk stores instead.
 */
import { sha256Hex as sha256OfText } from '../../src/shared/article/canonical';
import type { ArticleEvents, ArticleKind } from '../../src/shared/identity/article-events';
import { ed25519, type Ed25519, type KeyPair } from '../../src/shared/identity/ed25519';
import { enrolmentKeyPair, generateEnrolmentCode } from '../../src/shared/identity/enrolment-code';
import { toBase64, ZERO_HASH } from '../../src/shared/identity/bytes';
import { envelopeLine, lineHash, openEnvelope, payloadBytes, signEnvelope, type Signer } from '../../src/shared/identity/envelope';
import { keyidOf, publicKeyRecord } from '../../src/shared/identity/keys';
import { articleLogDir, ROSTER_DIR } from '../../src/shared/identity/layout';
import { logFileName, type LogFile } from '../../src/shared/identity/log-files';
import type { RosterEvent } from '../../src/shared/identity/roster-events';
import type { Depth } from '../../src/shared/identity/signatures';
import { verifyArticle, type ArticleVerdict } from '../../src/shared/identity/verify-article';
import { verifyRoster, type RosterVerdict } from '../../src/shared/identity/verify-roster';
import type { SeenLogs } from '../../src/shared/identity/watermarks';
import { articleLine, eventTime, rosterLine, writerPosition } from '../../src/shared/identity/write';
import type { Role } from '../../src/shared/review/people';
import type { ReviewRequest } from '../../src/shared/review/rules';

export const H1 = sha256OfText('copy one');
export const H2 = sha256OfText('copy two');
export const ARTICLE = '20260301-aaaa000001';

export interface Member {
  id: string;
  name: string;
  desk: string;
  keys: KeyPair;
  keyid: string;
}

export function signerOf(member: Member): Signer {
  return { keyid: member.keyid, secretKey: member.keys.secretKey };
}

export function randomSeed(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

export class MemoryLogs {
  readonly files = new Map<string, string[]>();

  list(dir: string): LogFile[] {
    return [...this.files.entries()].filter(([path]) => path.startsWith(`${dir}/`)).map(([path, lines]) => ({ path, lines: [...lines] }));
  }

  lines(path: string): string[] {
    return this.files.get(path) ?? [];
  }

  append(path: string, line: string): void {
    this.files.set(path, [...this.lines(path), line]);
  }

  clone(): MemoryLogs {
    const copy = new MemoryLogs();
    for (const [path, lines] of this.files) copy.files.set(path, [...lines]);
    return copy;
  }
}

interface WriteOptions {
  /** Parents to name instead of the log's current heads (to make concurrent events). */
  parents?: readonly string[];
  roster?: readonly string[];
  at?: number;
}

export class Newsroom {
  logs = new MemoryLogs();
  readonly members = new Map<string, Member>();
  private clock = Date.parse('2026-03-01T08:00:00.000Z');
  admin!: Member;

  private constructor(readonly ed: Ed25519) {}

  /** A workspace whose first person (its first admin) is Sun Hua. */
  static async start(): Promise<Newsroom> {
    const room = new Newsroom(await ed25519());
    room.admin = room.member('u-sunhua01', 'Sun Hua', 'd-00000000a1');
    const key = publicKeyRecord(room.admin.keys.publicKey);
    room.rosterEvent(room.admin, { kind: 'genesis', workspaceId: 'ws-test', person: { id: room.admin.id, name: room.admin.name }, key });
    return room;
  }

  /** A person with a fresh key pair (not yet on the roster). */
  member(id: string, name: string, desk = `d-${id.replace(/[^0-9a-f]/g, '').padEnd(10, '0').slice(0, 10)}`): Member {
    const keys = this.ed.keyPairFromSeed(randomSeed());
    const member = { id, name, desk, keys, keyid: keyidOf(keys.publicKey) };
    this.members.set(id, member);
    return member;
  }

  now(): string {
    return new Date(this.clock).toISOString();
  }

  tick(ms = 60_000): void {
    this.clock += ms;
  }

  roster(depth: Depth = 'full', pinnedGenesis: string | null = null): RosterVerdict {
    return verifyRoster({ ed: this.ed, files: this.logs.list(ROSTER_DIR), depth, pinnedGenesis });
  }

  rosterEvent(by: Member, event: RosterEvent, options: WriteOptions & { extraSigners?: Signer[]; signers?: Signer[] } = {}): string {
    this.tick();
    const path = `${ROSTER_DIR}/${logFileName(by.id, by.desk)}`;
    const position = writerPosition(this.logs.lines(path));
    const parents = options.parents ?? (event.kind === 'genesis' ? [] : this.roster('heads').heads);
    const at = options.at !== undefined ? new Date(options.at).toISOString() : eventTime(new Date(this.clock), position.lastAt);
    const signers = options.signers ?? [...(options.extraSigners ?? []), signerOf(by)];
    const line = rosterLine(this.ed, { position, by: by.id, desk: by.desk, at, parents, event, signers });
    this.logs.append(path, line);
    return lineHash(line);
  }

  /** Adds a person and gives them their key through an enrolment code, as the app will. */
  enrol(id: string, name: string, roles: Role[], admin: Member = this.admin): Member {
    const member = this.members.get(id) ?? this.member(id, name);
    this.rosterEvent(admin, { kind: 'add-person', person: { id, name, roles } });
    this.enrolKey(member, admin);
    return member;
  }

  /** A new enrolment (revoking the person's key) claimed with a new key pair. */
  enrolKey(member: Member, admin: Member = this.admin): void {
    const code = generateEnrolmentCode();
    const enrolment = enrolmentKeyPair(this.ed, code, member.id);
    const expiresAt = new Date(this.clock + 7 * 86_400_000).toISOString();
    this.rosterEvent(admin, { kind: 'enrol', personId: member.id, enrolmentKey: publicKeyRecord(enrolment.publicKey), expiresAt });
    this.rosterEvent(
      member,
      { kind: 'claim', personId: member.id, enrolmentKeyid: keyidOf(enrolment.publicKey), key: publicKeyRecord(member.keys.publicKey) },
      { extraSigners: [{ keyid: keyidOf(enrolment.publicKey), secretKey: enrolment.secretKey }] },
    );
  }

  /** Replaces `member`'s key pair with a new one (for a re-enrolment). */
  newKeys(member: Member): void {
    member.keys = this.ed.keyPairFromSeed(randomSeed());
    member.keyid = keyidOf(member.keys.publicKey);
  }

  verify(args: { articleId?: string; depth?: Depth; currentHash?: string; seen?: SeenLogs; roster?: RosterVerdict; legacyFiles?: ReadonlyMap<string, string | null> } = {}): ArticleVerdict {
    const articleId = args.articleId ?? ARTICLE;
    return verifyArticle({
      ed: this.ed,
      articleId,
      files: this.logs.list(articleLogDir(articleId)),
      roster: args.roster ?? this.roster(args.depth ?? 'full'),
      currentHash: args.currentHash ?? H1,
      depth: args.depth ?? 'full',
      ...(args.seen ? { seen: args.seen } : {}),
      ...(args.legacyFiles ? { legacyFiles: args.legacyFiles } : {}),
    });
  }

  articleEvent<K extends ArticleKind>(by: Member, kind: K, event: ArticleEvents[K], options: WriteOptions & { articleId?: string; signer?: Signer } = {}): string {
    this.tick();
    const articleId = options.articleId ?? ARTICLE;
    const path = `${articleLogDir(articleId)}/${logFileName(by.id, by.desk)}`;
    const position = writerPosition(this.logs.lines(path));
    const roster = this.roster('heads');
    const parents = options.parents ?? this.verify({ articleId, roster, depth: 'heads' }).heads;
    const at = options.at !== undefined ? new Date(options.at).toISOString() : eventTime(new Date(this.clock), position.lastAt);
    const line = articleLine(this.ed, { kind, articleId, position, by: by.id, desk: by.desk, at, parents, roster: options.roster ?? roster.heads, event, signer: options.signer ?? signerOf(by) });
    this.logs.append(path, line);
    return lineHash(line);
  }

  create(author: Member, options: WriteOptions & { articleId?: string } = {}): string {
    return this.articleEvent(author, 'create', {}, options);
  }

  /** A review action at the stage the article is at now (as the app records it). */
  act(by: Member, request: ReviewRequest, options: WriteOptions & { articleId?: string; contentHash?: string; stage?: ArticleEvents['review']['stage']; signer?: Signer } = {}): string {
    const stage = options.stage ?? this.verify({ ...(options.articleId ? { articleId: options.articleId } : {}), depth: 'heads' }).review.stage;
    const opinion = request.action === 'approve' ? request.opinion : request.action === 'return' || request.action === 'reopen' ? request.reason : (request.note ?? '');
    const event: ArticleEvents['review'] = {
      action: request.action,
      actorName: by.name,
      stage,
      ...(request.action === 'return' ? { to: request.to } : {}),
      opinion,
      contentHash: options.contentHash ?? H1,
    };
    return this.articleEvent(by, 'review', event, options);
  }

  approve(by: Member, options: Parameters<Newsroom['act']>[2] = {}): string {
    return this.act(by, { action: 'approve', opinion: 'Fine.' }, options);
  }

  /** Author, first, second and third reviewers on the roster, each with their key. */
  staff(): { author: Member; editor: Member; second: Member; third: Member } {
    return {
      author: this.enrol('u-linxiaolan', 'Lin Xiaolan', ['reporter']),
      editor: this.enrol('u-wangli01', 'Wang Li', ['editor']),
      second: this.enrol('u-zhaomin01', 'Zhao Min', ['second']),
      third: this.enrol('u-chenjie01', 'Chen Jie', ['third']),
    };
  }

  /** Created, submitted and approved at all three reviews. */
  signOff(people: ReturnType<Newsroom['staff']>): void {
    this.create(people.author);
    this.act(people.author, { action: 'submit' });
    this.approve(people.editor);
    this.approve(people.second);
    this.approve(people.third);
  }
}

/** The line with its payload changed by `mutate` and re-encoded, the signatures left as they were (a hand edit). */
export function tamperPayload(line: string, mutate: (payload: Record<string, unknown>) => void): string {
  const opened = openEnvelope(line);
  if (!opened.ok) throw new Error(opened.detail);
  const payload = structuredClone(opened.value.payload) as Record<string, unknown>;
  mutate(payload);
  return envelopeLine({ ...opened.value.envelope, payload: toBase64(payloadBytes(payload)) });
}

/** The payload of a stored line. */
export function payloadOf(line: string): Record<string, unknown> {
  const opened = openEnvelope(line);
  if (!opened.ok) throw new Error(opened.detail);
  return opened.value.payload as Record<string, unknown>;
}

/**
 * A file rewritten from its first line by someone with the folder but not the keys: each
 * payload changed by `mutate`, every `prev` recomputed so the chain links up again, and the
 * signatures either left as they were or, with `forger`, made by a key of the forger's own.
 */
export function rewriteChain(lines: readonly string[], mutate: (payload: Record<string, unknown>) => void, forger?: { ed: Ed25519; signer: Signer }): string[] {
  const out: string[] = [];
  let prev = ZERO_HASH;
  for (const line of lines) {
    const opened = openEnvelope(line);
    if (!opened.ok) throw new Error(opened.detail);
    const payload = structuredClone(opened.value.payload) as Record<string, unknown>;
    mutate(payload);
    payload.prev = prev;
    const bytes = payloadBytes(payload);
    const { payloadType } = opened.value.envelope;
    const rewritten = forger ? envelopeLine(signEnvelope(forger.ed, payloadType, bytes, [forger.signer])) : envelopeLine({ ...opened.value.envelope, payload: toBase64(bytes) });
    out.push(rewritten);
    prev = lineHash(rewritten);
  }
  return out;
}

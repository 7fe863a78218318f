/**
 * The article verifier: one article's signed log (every writer's file), checked against the
 * roster — each line's chain and signature, the key valid for that person at that moment, the
 * roles they held as of the roster they had seen, and every rule of the review chain re-run on
 * the ordered records. Used by the app, the command line and the tests alike.
 */
import type { AnnotationEvent } from '../annotations/events';
import type { Ignore } from '../checks/finding';
import { findPerson, type Person } from '../review/people';
import { reviewStateOf } from '../review/review-state';
import { REVIEW_STAGES, type ReviewStage } from '../review/stages';
import { ARTICLE_KIND_PRIORITY, type ArticleKind, type ArticlePayload } from './article-events';
import { articlePayloadReader, isKind, reviewRecordOf } from './article-log';
import { ZERO_HASH } from './bytes';
import { orderDag, predecessors } from './dag';
import { fingerprint } from './keys';
import { articleLogDir } from './layout';
import { legacyStart } from './legacy-replay';
import { checkLogFile, type LogEntry } from './log-files';
import { keyValidAt, type RosterSnapshot } from './roster';
import { replayArticle, type ReplayItem, type ReplayNode, type ReplayOutcome } from './review-replay';
import { revisionHeads, type SignedRevision } from './revision-event';
import { checkSignatures } from './signatures';
import { headsOf, ignoredLines } from './verdict-parts';
import type { RosterVerdict } from './verify-roster';
import { advanceSeen, lostRecords } from './watermarks';
import { BLOCKING_PROBLEMS, type ArticleProblem, type ArticleRecord, type ArticleVerdict, type TrashState, type VerifyArticleInput } from './article-verdict';

export { BLOCKING_PROBLEMS, type ArticleProblem, type ArticleProblemCode, type ArticleRecord, type ArticleVerdict, type RecordStatus, type TrashState, type VerifyArticleInput } from './article-verdict';

interface Node extends ReplayNode {
  entry: LogEntry<ArticlePayload>;
  snapshot: RosterSnapshot;
  /** Set when the line's own checks fail (key, roster, consistency): it takes no part in the replay. */
  refusal: { status: 'forged' | 'rule-breaking'; code: string; detail: string } | null;
}

export function verifyArticle(input: VerifyArticleInput): ArticleVerdict {
  const { roster } = input;
  const reader = articlePayloadReader(input.articleId);
  const checked = [...input.files]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((file) =>
      checkSignatures(
        input.ed,
        checkLogFile(file, reader, input.hashLine, input.memo ? { memo: input.memo, scope: `article:${input.articleId}` } : undefined),
        input.depth,
        (keyid) => roster.keys.get(keyid)?.publicKey ?? null,
      ),
    );
  const problems: ArticleProblem[] = [];
  const records: ArticleRecord[] = [];

  const waiting: ArticleRecord[] = [];
  const nodes: Node[] = [];
  for (const entry of checked.flatMap((file) => file.entries)) {
    const snapshot = roster.snapshotAt(entry.payload.roster);
    if (!snapshot) {
      waiting.push({ ...baseRecord(entry, roster), status: 'pending', code: 'waiting-for-roster', detail: 'the roster events this record follows are not here yet' });
      continue;
    }
    const node: Node = { hash: entry.hash, after: predecessors(entry.payload.parents, entry.payload.prev), priority: ARTICLE_KIND_PRIORITY[entry.kind as ArticleKind], at: entry.payload.at, entry, snapshot, refusal: null, item: null };
    node.refusal = ownRefusal(entry, snapshot, roster);
    if (!node.refusal && (entry.kind === 'create' || entry.kind === 'review')) node.item = replayItem(entry, snapshot);
    nodes.push(node);
  }
  const order = orderDag(nodes);

  const legacy = legacyStart(input, problems, records);
  const replay = replayArticle(order.ordered, legacy.state);
  const final = replay.state;

  const annotations: AnnotationEvent[] = [];
  const ignores: Ignore[] = [];
  const revisions: SignedRevision[] = [];
  let trash: TrashState | null = null;
  let createdHash: string | null = null;
  const byHash = new Map<string, ArticleRecord>();
  for (const node of order.ordered) {
    const record = nodeRecord(node, replay.outcomes.get(node.hash), roster);
    records.push(record);
    if (node.entry.hash) byHash.set(node.entry.hash, record);
    if (record.status !== 'signed') continue;
    const payload = node.entry.payload;
    if (isKind(payload, node.entry.kind, 'annotation')) annotations.push(payload.event);
    else if (isKind(payload, node.entry.kind, 'ignore')) ignores.push(payload.event);
    else if (isKind(payload, node.entry.kind, 'revision')) {
      revisions.push({ id: node.entry.hash, by: payload.by, byName: record.byName, at: payload.at, fingerprint: record.fingerprint, event: payload.event });
    } else if (isKind(payload, node.entry.kind, 'trash')) {
      const event = payload.event;
      trash = { trashed: event.action === 'trash', by: payload.by, byName: record.byName, at: payload.at, reason: event.reason ?? null, stage: event.stage ?? null };
    } else if (isKind(payload, node.entry.kind, 'create') && createdHash === null) createdHash = payload.event.contentHash ?? null;
  }
  for (const { node, missing } of order.pending) {
    records.push({ ...baseRecord(node.entry, roster), status: 'pending', code: 'waiting-for-parent', detail: `follows ${missing.slice(0, 16)}…, which is not here yet` });
  }
  records.push(...waiting);
  for (const node of order.duplicates) records.push({ ...baseRecord(node.entry, roster), status: 'forged', code: 'duplicate', detail: 'the same line is in another file' });
  for (const file of checked) {
    if (!file.fault) continue;
    const detail = file.fault.detail;
    for (const line of ignoredLines(file, detail)) {
      records.push({ path: line.path, line: line.line, hash: null, kind: null, by: null, byName: null, at: null, status: 'forged', keyid: null, fingerprint: null, code: line.code, detail: line.detail });
    }
  }

  for (const record of records) {
    if (record.status === 'forged' || record.status === 'rule-breaking' || record.status === 'crossed' || record.status === 'pending') {
      const code = record.status === 'forged' ? 'forged' : record.status;
      if (record.code === 'untrusted') continue;
      problems.push({ code, path: record.path, line: record.line, detail: `${record.code ?? ''}: ${record.detail ?? ''}` });
    }
  }
  const authored = final.author !== null || records.every((record) => record.status === 'pending');
  if (!authored) problems.push({ code: 'no-author', detail: 'no create event counts: the author is unknown' });

  const prefix = `${articleLogDir(input.articleId)}/`;
  const lost = lostRecords(input.files, input.seen ?? {}, prefix);
  for (const entry of lost) {
    problems.push({
      code: 'lost-records',
      path: entry.path,
      detail: entry.changed
        ? `this desk had seen ${entry.seen} records in ${entry.path}; record ${entry.seen} is now a different one`
        : `this desk had seen ${entry.seen} records in ${entry.path}; it now has ${entry.now}`,
    });
  }
  const trusted = new Map(checked.map((file) => [file.path, file.entries.length]));

  const dag = revisionHeads(revisions);
  if (dag.heads.length > 1) {
    problems.push({ code: 'several-heads', detail: `${dag.heads.length} copies were saved from the same version (${dag.heads.map((head) => head.id.slice(0, 12)).join(', ')}); the latest is shown` });
  }
  const currentHash = input.currentHash ?? dag.head?.event.contentHash ?? createdHash ?? ZERO_HASH;
  const review = reviewStateOf(final.fold, { authorId: final.author ?? '', currentHash });
  const blocked = problems.some((problem) => (BLOCKING_PROBLEMS as readonly string[]).includes(problem.code));
  const approvals: Partial<Record<ReviewStage, ArticleRecord>> = {};
  for (const stage of REVIEW_STAGES) {
    const hash = final.approvalRecords[stage];
    const record = hash ? (byHash.get(hash) ?? legacy.byHash.get(hash)) : undefined;
    if (record) approvals[stage] = record;
  }
  const applied = order.ordered.filter((node) => byHash.get(node.hash)?.status === 'signed');
  return {
    articleId: input.articleId,
    depth: input.depth,
    records,
    authorId: final.author,
    review,
    signedOff: review.signedOff && !blocked,
    blocked,
    problems,
    approvals,
    chainHead: applied.at(-1)?.hash ?? legacy.lastHash,
    heads: headsOf(order.ordered),
    latestAt: order.ordered.reduce<string | null>((latest, node) => (latest === null || Date.parse(node.at) > Date.parse(latest) ? node.at : latest), null),
    annotations,
    ignores,
    revisions,
    head: dag.head,
    revisionHeads: dag.heads.map((head) => head.id),
    trashed: trash?.trashed ?? false,
    trash,
    lost,
    seen: advanceSeen(input.seen ?? {}, input.files, lost, trusted),
  };
}

/** What makes a line not count on its own, whatever else is in the log. */
function ownRefusal(entry: LogEntry<ArticlePayload>, snapshot: RosterSnapshot, roster: RosterVerdict): Node['refusal'] {
  const { payload } = entry;
  const signatures = entry.opened.envelope.signatures;
  if (signatures.length !== 1 || !keyValidAt(roster.keys, signatures[0]!.keyid, payload.by, payload.at)) {
    return { status: 'forged', code: 'key-not-valid', detail: `not signed by a key of ${payload.by} valid at ${payload.at}` };
  }
  const person = findPerson(snapshot.roster, payload.by);
  if (!person) return { status: 'rule-breaking', code: 'not-on-roster', detail: `${payload.by} is not on the roster the writer had seen` };
  if (!person.active) return { status: 'rule-breaking', code: 'inactive-person', detail: `${person.name} was not active` };
  const mismatch = fieldsMismatch(payload, entry.kind, person);
  return mismatch ? { status: 'rule-breaking', code: 'mismatch', detail: mismatch } : null;
}

/** Events that repeat who and when must say the same as the signed header. */
function fieldsMismatch(payload: ArticlePayload, kind: string, person: Person): string | null {
  const same = (by: string, name: string, at: string) => by === payload.by && name === person.name && at === payload.at;
  if (isKind(payload, kind, 'annotation') || isKind(payload, kind, 'ignore')) {
    const event = payload.event;
    return same(event.by, event.byName, event.at) ? null : 'the event names another person, name or time than its signed header';
  }
  return null;
}

function replayItem(entry: LogEntry<ArticlePayload>, snapshot: RosterSnapshot): ReplayItem {
  const { payload } = entry;
  const record = isKind(payload, entry.kind, 'review') ? reviewRecordOf(payload, entry.hash, payload.seq, payload.prev) : null;
  return { hash: entry.hash, kind: entry.kind === 'create' ? 'create' : 'review', by: payload.by, record, snapshot };
}

function baseRecord(entry: LogEntry<ArticlePayload>, roster: RosterVerdict): Omit<ArticleRecord, 'status'> {
  const keyid = entry.opened.envelope.signatures[0]?.keyid ?? null;
  return {
    path: entry.path,
    line: entry.line,
    hash: entry.hash,
    kind: entry.kind as ArticleKind,
    by: entry.payload.by,
    byName: findPerson(roster.snapshot.roster, entry.payload.by)?.name ?? null,
    at: entry.payload.at,
    keyid,
    fingerprint: keyid ? fingerprint(keyid) : null,
    event: entry.payload.event,
  };
}

function nodeRecord(node: Node, outcome: ReplayOutcome | undefined, roster: RosterVerdict): ArticleRecord {
  const base = baseRecord(node.entry, roster);
  if (node.refusal) return { ...base, status: node.refusal.status, code: node.refusal.code, detail: node.refusal.detail };
  if (!outcome || outcome.status === 'applied') return { ...base, status: 'signed' };
  if (outcome.status === 'rule-breaking') return { ...base, status: 'rule-breaking', code: outcome.code, detail: outcome.detail };
  return { ...base, status: 'crossed', code: outcome.code, detail: outcome.detail, crossedWith: outcome.crossedWith, actAgain: [node.entry.payload.by] };
}

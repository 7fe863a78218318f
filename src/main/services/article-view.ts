/** What the page and the exporters see of a verified article: its copy's metadata, review records with their statuses, problems. */
import type { Article, ArticleContent, ArticleSummary } from '../../shared/article/article';
import { ARTICLE_FORMAT } from '../../shared/article/article';
import type { ReviewEntry } from '../../shared/contract/api';
import type { ReviewEvent } from '../../shared/identity/article-events';
import { openEnvelope, PAYLOAD_TYPES } from '../../shared/identity/envelope';
import type { LogFile } from '../../shared/identity/log-files';
import { BLOCKING_PROBLEMS, type ArticleProblem, type ArticleRecord, type ArticleVerdict } from '../../shared/identity/verify-article';
import { findPerson, type Roster } from '../../shared/review/people';
import { REVIEW_ACTIONS, type ReviewRecord } from '../../shared/review/records';
import { RETURN_TARGETS, STAGES } from '../../shared/review/stages';
import type { ReviewState } from '../../shared/review/review-state';

/** The review state as the page and the exports use it: never signed off while the log has a blocking problem. */
export function reviewStateOf(verdict: ArticleVerdict): ReviewState {
  return { ...verdict.review, signedOff: verdict.signedOff };
}

/** The first problem that blocks the article, in a sentence naming file and line; null when none does. */
export function blockingProblem(verdict: ArticleVerdict): string | null {
  const problem = verdict.problems.find((entry) => (BLOCKING_PROBLEMS as readonly string[]).includes(entry.code));
  return problem ? describeProblem(problem) : null;
}

export function describeProblem(problem: ArticleProblem): string {
  const where = problem.path ? `${problem.path}${problem.line ? ` line ${problem.line}` : ''}` : '';
  // A detail that already names its place is not prefixed with it again.
  return !where || problem.detail.startsWith(where) ? problem.detail : `${where}: ${problem.detail}`;
}

/**
 * The review records (format-1 ones included), each with its status and its signer's
 * fingerprint. A line that does not verify is shown with what it claims, marked forged.
 */
export function reviewEntries(verdict: ArticleVerdict, files: readonly LogFile[] = []): ReviewEntry[] {
  const out: ReviewEntry[] = [];
  for (const record of verdict.records) {
    const claimed = record.kind === null ? claimedReview(record, files) : record;
    if (!claimed || claimed.kind !== 'review' || !claimed.event) continue;
    const entry = entryOf(claimed, out.length);
    if (entry) out.push(entry);
  }
  return out;
}

/** What a line that does not verify says it is, when it says it is a review record. */
function claimedReview(record: ArticleRecord, files: readonly LogFile[]): ArticleRecord | null {
  const text = files.find((file) => file.path === record.path)?.lines[record.line - 1];
  const opened = text === undefined ? null : openEnvelope(text);
  if (!opened?.ok || opened.value.envelope.payloadType !== PAYLOAD_TYPES.review) return null;
  const payload = opened.value.payload as { by?: unknown; at?: unknown; event?: Partial<ReviewEvent> } | null;
  const event = payload?.event;
  if (!event || !(REVIEW_ACTIONS as readonly unknown[]).includes(event.action) || !(STAGES as readonly unknown[]).includes(event.stage)) return null;
  const { to, ...rest } = event;
  const claimed = { ...rest, ...((RETURN_TARGETS as readonly unknown[]).includes(to) ? { to } : {}), opinion: typeof event.opinion === 'string' ? event.opinion : '', actorName: typeof event.actorName === 'string' ? event.actorName : '', contentHash: typeof event.contentHash === 'string' ? event.contentHash : '' };
  return { ...record, kind: 'review', by: typeof payload?.by === 'string' ? payload.by : null, at: typeof payload?.at === 'string' ? payload.at : null, event: claimed };
}

function entryOf(record: ArticleRecord, seq: number): ReviewEntry | null {
  const status = { status: record.status, fingerprint: record.fingerprint, path: record.path, line: record.line, ...(record.code ? { code: record.code } : {}), ...(record.detail ? { detail: record.detail } : {}) };
  if (record.status === 'unsigned-legacy' || (record.path.endsWith('/reviews.jsonl') && record.keyid === null)) {
    const legacy = record.event as ReviewRecord;
    const { prevHash: _prev, hash, seq: _seq, ...rest } = legacy;
    return { ...rest, seq, hash, ...status };
  }
  const event = record.event as ReviewEvent;
  return {
    seq,
    action: event.action,
    actorId: record.by ?? '',
    actorName: event.actorName,
    at: record.at ?? '',
    stage: event.stage,
    ...(event.to ? { to: event.to } : {}),
    opinion: event.opinion,
    ...(event.recommendedFindings ? { overRecommended: event.recommendedFindings } : {}),
    contentHash: event.contentHash,
    hash: record.hash,
    ...status,
  };
}

/** Who wrote the article and when, from the signed create (or, for a format-1 article, what the upgrade found). */
export interface Authorship {
  authorId: string;
  createdBy: string;
  createdAt: string;
}

export function authorshipOf(verdict: ArticleVerdict, roster: Roster, legacy: { createdBy: string; createdAt: string } | null): Authorship {
  const authorId = verdict.authorId ?? '';
  const create = verdict.records.find((record) => record.kind === 'create' && record.status === 'signed');
  const name = findPerson(roster, authorId)?.name ?? legacy?.createdBy ?? create?.byName ?? '';
  const createdAt = legacy?.createdAt ?? create?.at ?? verdict.revisions[0]?.at ?? new Date(0).toISOString();
  return { authorId, createdBy: name, createdAt };
}

/** The article as the page edits it: the current copy and who made it. */
export function articleOf(id: string, verdict: ArticleVerdict, content: ArticleContent, authorship: Authorship): Article {
  const head = verdict.head;
  return {
    ...content,
    format: ARTICLE_FORMAT,
    id,
    ...authorship,
    updatedBy: head?.byName ?? authorship.createdBy,
    updatedAt: head?.at ?? authorship.createdAt,
    revision: verdict.revisions.length,
    head: head?.id ?? '',
  };
}

export function summaryOf(id: string, verdict: ArticleVerdict, copy: Pick<ArticleContent, 'headline' | 'channel'>, authorship: Authorship): ArticleSummary {
  const head = verdict.head;
  return {
    id,
    headline: copy.headline,
    channel: copy.channel,
    authorId: authorship.authorId,
    createdBy: authorship.createdBy,
    updatedAt: head?.at ?? authorship.createdAt,
    updatedBy: head?.byName ?? authorship.createdBy,
    review: reviewStateOf(verdict),
    reviewProblem: blockingProblem(verdict),
  };
}

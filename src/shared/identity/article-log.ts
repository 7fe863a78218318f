/** Reading one article's signed log lines, and turning its review events into the review chain's records. */
import { ZERO_HASH } from './bytes';
import type { ReviewRequest } from '../review/rules';
import type { ReviewRecord } from '../review/records';
import { articleKindOf, articlePayloadSchema, type ArticleKind, type ArticlePayload } from './article-events';
import type { OpenedEnvelope } from './envelope';
import type { PayloadRead } from './log-files';

/** Reads an article log line's payload; it must be of a known kind and name `articleId`. */
export function articlePayloadReader(articleId: string): (opened: OpenedEnvelope) => PayloadRead<ArticlePayload> {
  return (opened) => {
    const kind = articleKindOf(opened.envelope.payloadType);
    if (!kind) return { ok: false, code: 'invalid-payload', detail: `not an article event (${opened.envelope.payloadType})` };
    const parsed = articlePayloadSchema(kind).safeParse(opened.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, code: 'invalid-payload', detail: issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid' };
    }
    if (parsed.data.article !== articleId) return { ok: false, code: 'wrong-article', detail: `the line is about article ${parsed.data.article}` };
    return { ok: true, payload: parsed.data, kind };
  };
}

/** A signed review event as the review chain's record (prevHash and hash are the line hashes). */
export function reviewRecordOf(payload: ArticlePayload<'review'>, hash: string, seq: number, prevHash = ZERO_HASH): ReviewRecord {
  const { event } = payload;
  return {
    seq,
    action: event.action,
    actorId: payload.by,
    actorName: event.actorName,
    at: payload.at,
    stage: event.stage,
    ...(event.to !== undefined ? { to: event.to } : {}),
    opinion: event.opinion,
    ...(event.recommendedFindings ? { overRecommended: event.recommendedFindings } : {}),
    contentHash: event.contentHash,
    prevHash,
    hash,
  };
}

/** What the person asked for, as the rules take it. */
export function reviewRequestOf(record: ReviewRecord): ReviewRequest {
  switch (record.action) {
    case 'submit':
    case 'withdraw':
      return { action: record.action, note: record.opinion };
    case 'approve':
      return { action: 'approve', opinion: record.opinion };
    case 'return':
      return { action: 'return', to: record.to ?? 'draft', reason: record.opinion };
    case 'reopen':
      return { action: 'reopen', reason: record.opinion };
  }
}

export function isKind<K extends ArticleKind>(payload: ArticlePayload, kind: string, wanted: K): payload is ArticlePayload<K> {
  return kind === wanted;
}

import { canonicalJson, sha256Hex } from '../article/canonical';
import { z } from '../zod';
import { PERSON_NAME_MAX, PersonIdSchema } from './people';
import { isReviewStage, RETURN_TARGETS, returnTargetsFrom, STAGES, type Stage } from './stages';

export const REVIEW_ACTIONS = ['submit', 'approve', 'return', 'withdraw', 'reopen'] as const;
export type ReviewActionName = (typeof REVIEW_ACTIONS)[number];

export const ZERO_HASH = '0'.repeat(64);
export const OPINION_MAX = 10_000;

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest');

/** The stage each action may be taken at. */
const ACTION_STAGES: Record<ReviewActionName, (stage: Stage) => boolean> = {
  submit: (stage) => stage === 'draft',
  withdraw: (stage) => stage === 'first',
  approve: isReviewStage,
  return: isReviewStage,
  reopen: (stage) => stage === 'signed',
};

/** Actions whose text is an opinion or reason the person must write. */
export const TEXT_REQUIRED: ReadonlySet<ReviewActionName> = new Set(['approve', 'return', 'reopen']);

/**
 * One review action. Strict and without transforms: the hash covers exactly the stored
 * fields, so a field added or changed by hand shows up as a broken record.
 */
export const ReviewRecordSchema = z
  .strictObject({
    seq: z.number().int().min(0),
    action: z.enum(REVIEW_ACTIONS),
    actorId: PersonIdSchema,
    actorName: z.string().min(1).max(PERSON_NAME_MAX),
    at: z.iso.datetime(),
    /** The stage the article was at when the action happened. */
    stage: z.enum(STAGES),
    /** Only for `return`: where the article was sent. */
    to: z.enum(RETURN_TARGETS).optional(),
    opinion: z.string().max(OPINION_MAX),
    /**
     * Only for `approve`, and only when there were any: how many Recommended proofreading findings
     * the reviewer confirmed and approved over. Absent in records written before it existed, which
     * keeps their hashes as they were.
     */
    overRecommended: z.number().int().min(1).optional(),
    /** SHA-256 of the canonical article content at that moment. */
    contentHash: HashSchema,
    prevHash: HashSchema,
    hash: HashSchema,
  })
  .superRefine((record, ctx) => {
    if (!ACTION_STAGES[record.action](record.stage)) {
      ctx.addIssue({ code: 'custom', path: ['stage'], message: `${record.action} cannot happen at ${record.stage}` });
    }
    if ((record.action === 'return') !== (record.to !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'a return, and only a return, names where the article went' });
    } else if (record.to !== undefined && isReviewStage(record.stage) && !returnTargetsFrom(record.stage).includes(record.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `a return from ${record.stage} cannot go to ${record.to}` });
    }
    if (record.overRecommended !== undefined && record.action !== 'approve') {
      ctx.addIssue({ code: 'custom', path: ['overRecommended'], message: 'only an approval is given over recommended findings' });
    }
    if (TEXT_REQUIRED.has(record.action) && record.opinion.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['opinion'], message: `${record.action} needs a written opinion or reason` });
    }
  });
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;

/** What an action produces before it is chained to the log. */
export type UnsealedRecord = Omit<ReviewRecord, 'seq' | 'prevHash' | 'hash'>;

/** SHA-256 of the record's canonical JSON without its own `hash`. */
export function recordHash(record: Omit<ReviewRecord, 'hash'> & { hash?: string }): string {
  const { hash: _own, ...rest } = record;
  return sha256Hex(canonicalJson(rest));
}

export function sealRecord(unsealed: UnsealedRecord, previous: ReviewRecord | null | undefined): ReviewRecord {
  const linked = { ...unsealed, seq: previous ? previous.seq + 1 : 0, prevHash: previous ? previous.hash : ZERO_HASH };
  return { ...linked, hash: recordHash(linked) };
}

export const CHAIN_PROBLEMS = ['invalid-record', 'wrong-seq', 'broken-link', 'hash-mismatch'] as const;
export type ChainProblem = (typeof CHAIN_PROBLEMS)[number];

export type ChainCheck = { ok: true } | { ok: false; index: number; problem: ChainProblem; detail: string };

/**
 * Finds the first record that is malformed, out of sequence, not linked to the one before,
 * or altered since it was sealed. Dropping records from the end cannot be seen here.
 */
export function verifyChain(records: readonly unknown[]): ChainCheck {
  let previous: ReviewRecord | null = null;
  for (let index = 0; index < records.length; index++) {
    const parsed = ReviewRecordSchema.safeParse(records[index]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, index, problem: 'invalid-record', detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
    }
    const record = parsed.data;
    if (record.seq !== index) return { ok: false, index, problem: 'wrong-seq', detail: `expected seq ${index}, found ${record.seq}` };
    const expectedPrev = previous ? previous.hash : ZERO_HASH;
    if (record.prevHash !== expectedPrev) return { ok: false, index, problem: 'broken-link', detail: 'prevHash is not the hash of the record before' };
    if (recordHash(record) !== record.hash) return { ok: false, index, problem: 'hash-mismatch', detail: 'the record was changed after it was sealed' };
    previous = record;
  }
  return { ok: true };
}

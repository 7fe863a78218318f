/**
 * Re-runs the review chain's rules (src/shared/review/rules.ts) over an article's ordered
 * records. A record is judged twice: against its own causal past (what its writer had seen,
 * with the roster they had seen) — failing that, it is rule-breaking; then against every
 * record ordered before it — failing only that, it crossed a concurrent record and is kept
 * without effect.
 */
import { findPerson } from '../review/people';
import { ReviewRecordSchema, type ReviewRecord } from '../review/records';
import { emptyReviewFold, foldReviewRecord, reviewStateOf, type ReviewFold } from '../review/review-state';
import { checkAction } from '../review/rules';
import type { ReviewStage } from '../review/stages';
import { ancestorsOf, type DagNode } from './dag';
import { reviewRequestOf } from './article-log';
import type { RosterSnapshot } from './roster';

export interface ReplayItem {
  hash: string;
  kind: 'create' | 'review';
  by: string;
  /** For a review. */
  record: ReviewRecord | null;
  /** The roster as the writer had seen it. */
  snapshot: RosterSnapshot;
}

export interface ReplayState {
  fold: ReviewFold;
  author: string | null;
  /** The record of each review's approval that counts now (cleared by a reopen). */
  approvalRecords: Partial<Record<ReviewStage, string>>;
}

export type ItemCheck = { ok: true } | { ok: false; code: string; detail: string };

export interface ReplayNode extends DagNode {
  /** Null for events the review rules do not read (annotations, revisions, …). */
  item: ReplayItem | null;
}

export type ReplayOutcome =
  | { status: 'applied' }
  | { status: 'rule-breaking'; code: string; detail: string }
  | { status: 'crossed'; code: string; detail: string; crossedWith: string | null };

export function startState(author: string | null = null): ReplayState {
  return { fold: emptyReviewFold(), author, approvalRecords: {} };
}

/** Would `item` be allowed after `state`? */
export function checkItem(state: ReplayState, item: ReplayItem): ItemCheck {
  if (item.kind === 'create') {
    return state.author === null ? { ok: true } : { ok: false, code: 'already-created', detail: `the article was already created by ${state.author}` };
  }
  const record = item.record!;
  const valid = ReviewRecordSchema.safeParse(record);
  if (!valid.success) return { ok: false, code: 'invalid-record', detail: valid.error.issues[0]?.message ?? 'invalid' };
  const actor = findPerson(item.snapshot.roster, item.by);
  if (!actor) return { ok: false, code: 'not-on-roster', detail: `${item.by} is not on the roster the writer had seen` };
  if (record.actorName !== actor.name) return { ok: false, code: 'name-mismatch', detail: `signed as ${record.actorName}, on the roster as ${actor.name}` };
  const state0 = reviewStateOf(state.fold, { authorId: state.author ?? '', currentHash: record.contentHash });
  if (record.stage !== state0.stage) return { ok: false, code: 'stage-mismatch', detail: `recorded at ${record.stage}, but the article was at ${state0.stage}` };
  const checked = checkAction({ state: state0, actor, action: reviewRequestOf(record), policy: item.snapshot.policy, roster: item.snapshot.roster });
  if (!checked.ok) return { ok: false, code: checked.reason.code, detail: Object.entries(checked.reason.params).map(([key, value]) => `${key}=${value}`).join(' ') };
  return { ok: true };
}

export function applyItem(state: ReplayState, item: ReplayItem): ReplayState {
  if (item.kind === 'create') return { ...state, author: item.by };
  const record = item.record!;
  let approvalRecords = state.approvalRecords;
  if (record.action === 'approve') approvalRecords = { ...approvalRecords, [record.stage]: item.hash };
  if (record.action === 'reopen') approvalRecords = {};
  return { ...state, fold: foldReviewRecord(state.fold, record), approvalRecords };
}

/** Applies each item that is allowed at its turn, skipping the rest. */
export function replaySequential(items: readonly ReplayItem[], start: ReplayState): ReplayState {
  let state = start;
  for (const item of items) if (checkItem(state, item).ok) state = applyItem(state, item);
  return state;
}

/**
 * The whole article: `nodes` in the deterministic order (every kind), starting from `start`
 * (the state after the legacy records, if any).
 */
export function replayArticle(nodes: readonly ReplayNode[], start: ReplayState): { state: ReplayState; outcomes: Map<string, ReplayOutcome> } {
  const byHash = new Map<string, ReplayNode>(nodes.map((node) => [node.hash, node]));
  const outcomes = new Map<string, ReplayOutcome>();
  let state = start;
  let heads = new Set<string>();
  const applied: string[] = [];
  for (const node of nodes) {
    const item = node.item;
    if (item) {
      // The usual case: the writer had seen everything ordered before (heads ⊆ its parents).
      const sawAll = [...heads].every((hash) => node.after.includes(hash));
      let ancestors: Set<string> | null = null;
      let causal = state;
      if (!sawAll) {
        ancestors = ancestorsOf(node.after, byHash);
        const past = nodes.filter((other) => other.item && ancestors!.has(other.hash)).map((other) => other.item!);
        causal = replaySequential(past, start);
      }
      const own = checkItem(causal, item);
      if (!own.ok) outcomes.set(node.hash, { status: 'rule-breaking', code: own.code, detail: own.detail });
      else {
        const total = sawAll ? own : checkItem(state, item);
        if (!total.ok) {
          const crossedWith = applied.find((hash) => !ancestors!.has(hash)) ?? null;
          outcomes.set(node.hash, { status: 'crossed', code: total.code, detail: total.detail, crossedWith });
        } else {
          outcomes.set(node.hash, { status: 'applied' });
          state = applyItem(state, item);
          applied.push(node.hash);
        }
      }
    }
    heads = advanceHeads(heads, node);
  }
  return { state, outcomes };
}

function advanceHeads(heads: Set<string>, node: DagNode): Set<string> {
  const next = new Set(heads);
  for (const hash of node.after) next.delete(hash);
  next.add(node.hash);
  return next;
}

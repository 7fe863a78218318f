/** What the article verifier takes and gives. */
import type { AnnotationEvent } from '../annotations/events';
import type { Ignore } from '../checks/finding';
import type { ReviewState } from '../review/review-state';
import type { ReviewStage } from '../review/stages';
import type { ArticleKind } from './article-events';
import type { Ed25519 } from './ed25519';
import type { LineHasher } from './envelope';
import type { LineMemo } from './line-memo';
import type { LogFile } from './log-files';
import type { SignedRevision } from './revision-event';
import type { Depth } from './signatures';
import type { RosterVerdict } from './verify-roster';
import type { LostRecords, SeenLogs } from './watermarks';

export const RECORD_STATUSES = ['signed', 'unsigned-legacy', 'forged', 'rule-breaking', 'crossed', 'pending'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface ArticleRecord {
  /** Relative to the workspace; for a legacy record, the legacy file. */
  path: string;
  line: number;
  hash: string | null;
  kind: ArticleKind | null;
  by: string | null;
  byName: string | null;
  at: string | null;
  status: RecordStatus;
  keyid: string | null;
  fingerprint: string | null;
  /** Why the record is not `signed`. */
  code?: string;
  detail?: string;
  /** For a crossed record: the record it crossed, and who must act again. */
  crossedWith?: string | null;
  actAgain?: string[];
  event?: unknown;
}

export const BLOCKING_PROBLEMS = ['forged', 'rule-breaking', 'lost-records', 'legacy-changed', 'no-author'] as const;
export type ArticleProblemCode = (typeof BLOCKING_PROBLEMS)[number] | 'crossed' | 'pending' | 'legacy-damaged' | 'several-heads';

export interface ArticleProblem {
  code: ArticleProblemCode;
  path?: string;
  line?: number;
  detail: string;
}

export interface VerifyArticleInput {
  ed: Ed25519;
  articleId: string;
  /** The files of `articles/<id>/log/`, paths relative to the workspace. */
  files: readonly LogFile[];
  roster: RosterVerdict;
  /**
   * SHA-256 of the article's canonical content now: decides which approvals are stale. By
   * default, the content hash of the head of the signed revisions (the current copy).
   */
  currentHash?: string;
  depth: Depth;
  /** What this desk had seen of the article's logs before (its data folder). */
  seen?: SeenLogs;
  /** Legacy files by path relative to the article folder (null when missing); read when the roster attests the article. */
  legacyFiles?: ReadonlyMap<string, string | null>;
  /** A faster SHA-256 of the same bytes (node:crypto's in main and the command line). */
  hashLine?: LineHasher;
  /** Lines already read and checked, by line hash (main keeps one per process). */
  memo?: LineMemo;
}

/** The last trash or restore that counts. */
export interface TrashState {
  trashed: boolean;
  by: string;
  byName: string | null;
  at: string;
  reason: string | null;
  stage: string | null;
}

export interface ArticleVerdict {
  articleId: string;
  depth: Depth;
  /** Legacy records, then the ordered records, then pending ones, then lines that do not count. */
  records: ArticleRecord[];
  authorId: string | null;
  review: ReviewState;
  /** Signed off as the copy stands, and nothing wrong with the log: only then a footer or a final export. */
  signedOff: boolean;
  /** Review actions are refused until the log is restored. */
  blocked: boolean;
  problems: ArticleProblem[];
  /** The record behind each approval that counts now. */
  approvals: Partial<Record<ReviewStage, ArticleRecord>>;
  /** The hash of the last record in the order: the head of the chain a review sheet names. */
  chainHead: string | null;
  /** What a writer names as parents next, and the latest time it must not go below. */
  heads: string[];
  latestAt: string | null;
  annotations: AnnotationEvent[];
  ignores: Ignore[];
  /** Signed revisions in the log's order. */
  revisions: SignedRevision[];
  /** The current copy: the head of the revision DAG (the last in order when there are several). */
  head: SignedRevision | null;
  /** Every head of the revision DAG: more than one when two desks saved from one base. */
  revisionHeads: string[];
  trashed: boolean;
  trash: TrashState | null;
  lost: LostRecords[];
  /** The desk's marks after this verification, to be saved. */
  seen: SeenLogs;
}


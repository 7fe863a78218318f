import { canonicalJson } from '../../../shared/article/canonical';
import { splitLog } from '../../../shared/files/log-text';
import { isSha256Hex, revisionProblem, type Revision } from '../../../shared/history/revision';
import { sha256Bytes } from './blob';
import type { DeltaOp } from './delta';

export const ZERO_HASH = '0'.repeat(64);

/**
 * One line of history/index.jsonl: the revision as listed, plus where its content is —
 * a snapshot blob (`base` null), or a delta against revision `base`, kept in the line
 * itself (`delta`) when small and in a blob otherwise.
 */
export interface IndexEntry extends Revision {
  base: number | null;
  /** A snapshot, or a large delta: the blob's SHA-256 (its file name). */
  blob?: string;
  /** A small delta, in the line itself. */
  delta?: DeltaOp[];
  /** SHA-256 of the exact stored lines (doc-lines.ts): checks the rebuilt revision byte for byte. */
  state: string;
  /** SHA-256 of the previous line of the index as written (zeros on the first line). */
  prev: string;
}

/** The index's own checks on top of the revision's; returns the first fault or null. */
export function entryProblem(value: unknown): string | null {
  const problem = revisionProblem(value);
  if (problem) return problem;
  const e = value as Record<string, unknown> & Revision;
  if (e.action !== undefined && e.kind !== 'milestone') return 'action: only a milestone names a review action';
  if (e.base !== null && (typeof e.base !== 'number' || !Number.isInteger(e.base) || e.base < 1 || e.base >= e.n)) {
    return 'base: not an earlier revision';
  }
  if (e.blob !== undefined && !isSha256Hex(e.blob)) return 'blob: not a SHA-256 hex digest';
  if (e.delta !== undefined && !Array.isArray(e.delta)) return 'delta: not a list of changes';
  if ((e.blob === undefined) === (e.delta === undefined)) return 'a revision has either a blob or an inline delta';
  if (e.base === null && e.blob === undefined) return 'a snapshot needs a blob';
  if (!isSha256Hex(e.state)) return 'state: not a SHA-256 hex digest';
  if (!isSha256Hex(e.prev)) return 'prev: not a SHA-256 hex digest';
  return null;
}

export interface IndexProblem {
  /** 1-based line of the index. */
  line: number;
  problem: string;
}

export interface ParsedIndex {
  /** Well-formed entries in file order, each with a higher n than the one before. */
  entries: IndexEntry[];
  /** The line number (1-based) each entry was read from. */
  lineOf: number[];
  /** Every complete line as written (the unfinished tail left out), for checking the `prev` links. */
  lines: string[];
  /** What follows the last newline when it is not a whole line (an interrupted or damaged append), skipped; '' for none. */
  unfinished: string;
  problems: IndexProblem[];
}

export function entryLine(entry: IndexEntry): string {
  return canonicalJson(entry);
}

export function lineHash(line: string | undefined): string {
  return line === undefined ? ZERO_HASH : sha256Bytes(line);
}

export function toRevision(entry: IndexEntry): Revision {
  const revision: Revision = {
    n: entry.n,
    at: entry.at,
    author: entry.author,
    authorName: entry.authorName,
    stage: entry.stage,
    kind: entry.kind,
    contentHash: entry.contentHash,
  };
  if (entry.label !== undefined) revision.label = entry.label;
  if (entry.action !== undefined) revision.action = entry.action;
  return revision;
}

/**
 * Reads the index without throwing. An unfinished last line is the trace of an interrupted
 * append (never acknowledged; set aside and cut off by the next append): it is skipped and
 * given back. Every other bad line is reported and skipped.
 */
export function parseIndex(text: string): ParsedIndex {
  const { lines, unfinished } = splitLog(text);
  const result: ParsedIndex = { entries: [], lineOf: [], lines, unfinished, problems: [] };
  let lastN = 0;
  lines.forEach((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      result.problems.push({ line: index + 1, problem: line.trim() === '' ? 'blank line' : 'not valid JSON' });
      return;
    }
    const problem = entryProblem(value);
    if (problem) {
      result.problems.push({ line: index + 1, problem: `not a revision (${problem})` });
      return;
    }
    const entry = value as IndexEntry;
    if (entry.n <= lastN) {
      result.problems.push({ line: index + 1, problem: `revision ${entry.n} comes after revision ${lastN}` });
      return;
    }
    lastN = entry.n;
    result.entries.push(entry);
    result.lineOf.push(index + 1);
  });
  return result;
}

/**
 * Format-1 files kept after the upgrade: the upgrade event attests each file's SHA-256 and line
 * count; the records count as "unsigned (before signatures)" as far as the attestation covers
 * them, and a file changed since is reported.
 */
import { parseRecordLines } from '../review/record-lines';
import { verifyChain, type ReviewRecord } from '../review/records';
import { sha256Hex, utf8 } from './bytes';
import type { AttestedFile } from './roster-events';

/** What the upgrade writes for one legacy file: its complete lines (a torn last line left out). */
export function attestFile(path: string, text: string): AttestedFile {
  const complete = completePart(text);
  return { path, sha256: sha256Hex(utf8(complete)), lines: countLines(complete) };
}

export type LegacyCheck = { ok: true; text: string } | { ok: false; detail: string };

/** The attested part of `text` (null: the file is gone), or why it no longer matches. */
export function checkLegacyFile(attested: AttestedFile, text: string | null): LegacyCheck {
  const complete = completePart(text ?? '');
  if (text === null && attested.lines > 0) return { ok: false, detail: `${attested.path} was attested with ${attested.lines} lines and is gone` };
  const now = countLines(complete);
  if (now !== attested.lines || sha256Hex(utf8(complete)) !== attested.sha256) {
    return { ok: false, detail: `${attested.path} was attested with ${attested.lines} lines and has changed since (${now} lines now)` };
  }
  return { ok: true, text: complete };
}

export interface LegacyReviews {
  records: ReviewRecord[];
  problems: string[];
}

/** The legacy review records of an attested reviews.jsonl, read and chain-checked as format 1 did. */
export function legacyReviewRecords(text: string): LegacyReviews {
  const parsed = parseRecordLines(text);
  const problems = parsed.problems.map((problem) => `reviews.jsonl line ${problem.line}: ${problem.problem}`);
  const chain = verifyChain(parsed.records);
  if (!chain.ok) {
    problems.push(`reviews.jsonl record ${chain.index + 1}: ${chain.detail}`);
    return { records: parsed.records.slice(0, chain.index), problems };
  }
  return { records: parsed.records, problems };
}

function completePart(text: string): string {
  const end = text.lastIndexOf('\n');
  return end < 0 ? '' : text.slice(0, end + 1);
}

function countLines(complete: string): number {
  let count = 0;
  for (let i = 0; i < complete.length; i++) if (complete.charCodeAt(i) === 10) count++;
  return count;
}

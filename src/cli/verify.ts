import { join } from 'node:path';
import { ArticleSchema, type Article } from '../shared/article/article';
import { contentHash } from '../shared/article/canonical';
import { parseRecordLines } from '../shared/review/record-lines';
import { recordHash, ZERO_HASH, type ReviewRecord } from '../shared/review/records';
import { deriveReviewState, type ReviewState } from '../shared/review/review-state';
import { stageName } from '../shared/review/labels';
import { REVIEW_STAGES } from '../shared/review/stages';
import { readLog } from '../main/services/append-log';
import { readJsonFile } from '../main/services/json-file';
import { REVIEW_LOG } from '../main/services/review-store';
import { ARTICLE_FILE } from '../main/services/workspace-layout';
import { printable } from './output';

export interface RecordCheck {
  record: ReviewRecord;
  /** The record's own hash matches its content: it was not changed after it was sealed. */
  hashOk: boolean;
  /** In sequence and linked to the record before it. */
  linkOk: boolean;
  problem: string | null;
}

export interface ChainReport {
  checks: RecordCheck[];
  /** Lines that are not records at all. */
  lineProblems: { line: number; problem: string }[];
  tornTail: boolean;
  valid: boolean;
}

/** Checks every record on its own, so a report can show each one, not just the first fault. */
export function checkRecords(text: string): ChainReport {
  const parsed = parseRecordLines(text);
  let previous: ReviewRecord | null = null;
  const checks = parsed.records.map((record, index): RecordCheck => {
    const hashOk = recordHash(record) === record.hash;
    const expectedPrev = previous ? previous.hash : ZERO_HASH;
    const inSequence = record.seq === index;
    const linked = record.prevHash === expectedPrev;
    previous = record;
    const problems = [
      ...(hashOk ? [] : ['the record was changed after it was sealed']),
      ...(inSequence ? [] : [`expected seq ${index}, found ${record.seq}`]),
      ...(linked ? [] : ['prevHash is not the hash of the record before']),
    ];
    return { record, hashOk, linkOk: inSequence && linked, problem: problems.length ? problems.join('; ') : null };
  });
  const valid = parsed.problems.length === 0 && checks.every((check) => check.hashOk && check.linkOk);
  return { checks, lineProblems: parsed.problems, tornTail: parsed.unfinished !== '', valid };
}

export interface VerifyResult {
  lines: string[];
  /** The chain is intact (records may still be missing from its end: that cannot be seen). */
  valid: boolean;
  state: ReviewState | null;
}

function approvalLines(state: ReviewState): string[] {
  const out: string[] = [];
  for (const stage of REVIEW_STAGES) {
    const approval = state.approvals[stage];
    const label = stageName(stage, 'en').padEnd(14);
    out.push(
      approval
        ? `  ${label} ${printable(approval.actorName)} (${approval.actorId}) at ${approval.at}: ${approval.stale ? 'STALE (the copy changed since)' : 'current'}`
        : `  ${label} no approval`,
    );
  }
  return out;
}

function approvalsSummary(state: ReviewState): string {
  if (state.signedOff) return 'Approvals: current: signed off, and every approval covers the copy as it stands.';
  const stale = REVIEW_STAGES.filter((stage) => state.approvals[stage]?.stale);
  if (stale.length > 0) return `Approvals: STALE: the copy was edited after the ${stale.map((s) => stageName(s, 'en')).join(', ')} approval${stale.length === 1 ? '' : 's'} (now at ${stageName(state.stage, 'en')}).`;
  return `Approvals: not signed off yet (now at ${stageName(state.stage, 'en')}); the approvals given so far are current.`;
}

/** Reads an article's review log and reports every record, the chain and the approvals. Reads only. */
export async function verifyArticle(articleDir: string, id: string): Promise<VerifyResult> {
  const lines: string[] = [];
  const read = await readJsonFile(join(articleDir, ARTICLE_FILE), ArticleSchema);
  const article: Article | null = read.ok && read.value.id === id ? read.value : null;
  lines.push(article ? `Article ${id}: ${printable(article.headline) || '(no headline)'}` : `Article ${id}: ${ARTICLE_FILE} cannot be read (${read.ok ? 'its id does not match its folder' : read.problem}); the chain is checked without it.`);

  const logPath = join(articleDir, REVIEW_LOG);
  const report = checkRecords(await readLog(logPath));
  lines.push(`Review log: ${logPath} (${report.checks.length} record${report.checks.length === 1 ? '' : 's'})`);
  for (const check of report.checks) {
    const r = check.record;
    const to = r.to ? ` -> ${r.to}` : '';
    const over = r.overRecommended ? ` over ${r.overRecommended} recommended finding${r.overRecommended === 1 ? '' : 's'}` : '';
    lines.push(
      `#${r.seq} ${r.action}${to}${over} at stage ${r.stage}, ${r.at}, by ${printable(r.actorName)} (${r.actorId}): hash ${check.hashOk ? 'ok' : 'MISMATCH'}, link ${check.linkOk ? 'ok' : 'BROKEN'}`,
    );
    const opinion = printable(r.opinion, true);
    lines.push(...(opinion ? opinion.split('\n').map((line, i) => `    ${i === 0 ? 'opinion: ' : '         '}${line}`) : ['    opinion: (none)']));
  }
  for (const problem of report.lineProblems) lines.push(`line ${problem.line}: ${problem.problem}`);
  if (report.tornTail) lines.push('note: an unfinished last line (an interrupted or damaged append) was skipped, as the app does; the app sets it aside beside the log before its next record.');

  if (report.valid) {
    lines.push(`Chain: valid: every record's hash and link checks out (${report.checks.length} record${report.checks.length === 1 ? '' : 's'}).`);
  } else {
    const firstLine = report.lineProblems[0];
    const firstRecord = report.checks.find((check) => check.problem);
    // A line that is not a record comes first: the records after it then fail their links too.
    const where = firstLine ? `line ${firstLine.line}: ${firstLine.problem}` : `record #${firstRecord?.record.seq}: ${firstRecord?.problem}`;
    lines.push(`Chain: BROKEN: ${where}.`);
  }

  let state: ReviewState | null = null;
  if (article) {
    state = deriveReviewState({ records: report.checks.map((check) => check.record), authorId: article.authorId, currentHash: contentHash(article) });
    lines.push(report.valid ? approvalsSummary(state) : 'Approvals: not trusted, because the chain is broken.');
    lines.push(...approvalLines(state));
  } else {
    lines.push('Approvals: unknown, because the article cannot be read.');
  }
  return { lines, valid: report.valid, state };
}

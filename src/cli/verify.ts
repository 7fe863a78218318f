/**
 * `newsroom verify`: the workspace's roster and one article's signed log (or every article's),
 * checked by the one verifier (src/shared/identity) at depth full — every line's link and
 * signature, every key's validity, every review rule — and printed record by record with its
 * status and the signer's key fingerprint. With a desk's data folder, also what that desk had
 * seen (records lost since) and the genesis it trusts. Reads only.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ed25519 } from '../shared/identity/ed25519';
import { articleLogDir, ROSTER_DIR } from '../shared/identity/layout';
import { BLOCKING_PROBLEMS, verifyArticle, type ArticleRecord, type ArticleVerdict } from '../shared/identity/verify-article';
import { verifyRoster, type RosterVerdict } from '../shared/identity/verify-roster';
import type { SeenLogs } from '../shared/identity/watermarks';
import { stageName } from '../shared/review/labels';
import { REVIEW_STAGES } from '../shared/review/stages';
import { nativeLineHash } from '../main/services/identity/native-hash';
import { SignedLogStore } from '../main/services/identity/signed-log-store';
import { printable } from './output';

export interface DeskMarks {
  genesis: string | null;
  logs: SeenLogs;
}

export interface VerifyReport {
  lines: string[];
  /** Nothing forged, nothing breaking a rule, nothing lost, no roster line ignored. */
  valid: boolean;
}

export async function verifyRosterReport(ed: Ed25519, root: string, desk: DeskMarks | null): Promise<{ verdict: RosterVerdict; report: VerifyReport }> {
  const { files, strays } = await new SignedLogStore(root, ROSTER_DIR).read();
  const verdict = verifyRoster({ ed, files, depth: 'full', hashLine: nativeLineHash, pinnedGenesis: desk?.genesis ?? null, ...(desk ? { seen: desk.logs } : {}) });
  const lines: string[] = [];
  lines.push(`Roster: ${files.length} file${files.length === 1 ? '' : 's'}, ${files.reduce((sum, file) => sum + file.lines.length, 0)} events`);
  lines.push(verdict.genesis ? `Genesis: ${verdict.genesis.path} line ${verdict.genesis.line} (workspace ${verdict.genesis.workspaceId})` : 'Genesis: NONE');
  lines.push('Root of trust (active administrators):');
  for (const admin of verdict.admins) lines.push(`  ${printable(admin.name)} (${admin.id}): ${admin.fingerprints.join(', ') || 'no valid key'}`);
  lines.push('People:');
  for (const person of verdict.people) {
    const keys = person.keys.map((key) => `${key.fingerprint} from ${key.from}${key.until ? ` until ${key.until}` : ''}`).join('; ');
    lines.push(`  ${printable(person.name)} (${person.id}) ${person.roles.join(',') || 'no roles'}${person.active ? '' : ' INACTIVE'}: ${keys || 'no key yet'}`);
  }
  for (const line of verdict.ignored) lines.push(`IGNORED ${line.path} line ${line.line}: ${line.code}: ${printable(line.detail)}`);
  for (const line of verdict.pending) lines.push(`PENDING ${line.path} line ${line.line}: waiting for ${line.missing.slice(0, 16)}…`);
  for (const problem of verdict.problems) lines.push(`PROBLEM ${printable(problem)}`);
  for (const stray of strays) lines.push(`STRAY ${stray}: not a roster log, not read`);
  const valid = verdict.genesis !== null && verdict.ignored.length === 0 && verdict.pending.length === 0 && verdict.problems.length === 0;
  return { verdict, report: { lines, valid } };
}

export async function verifyArticleReport(ed: Ed25519, root: string, id: string, roster: RosterVerdict, desk: DeskMarks | null): Promise<{ verdict: ArticleVerdict; report: VerifyReport }> {
  const { files, strays } = await new SignedLogStore(root, articleLogDir(id)).read();
  const attested = roster.snapshot.attestations.get(id);
  const legacyFiles = new Map<string, string | null>();
  for (const file of attested?.attestation.files ?? []) {
    legacyFiles.set(file.path, await readFile(join(root, 'articles', id, ...file.path.split('/')), 'utf8').catch(() => null));
  }
  const verdict = verifyArticle({ ed, articleId: id, files, roster, depth: 'full', hashLine: nativeLineHash, legacyFiles, ...(desk ? { seen: desk.logs } : {}) });
  const lines: string[] = [`Article ${id}: ${verdict.records.length} record${verdict.records.length === 1 ? '' : 's'}${attested ? ', upgraded from format 1' : ''}`];
  verdict.records.forEach((record, index) => lines.push(...recordLines(record, index)));
  for (const problem of verdict.problems) lines.push(`PROBLEM ${problem.code}${problem.path ? ` ${problem.path}${problem.line ? ` line ${problem.line}` : ''}` : ''}: ${printable(problem.detail)}`);
  for (const stray of strays) lines.push(`STRAY ${stray}: not a log of this article, not read`);
  lines.push(...approvalLines(verdict));
  lines.push(`Head of the chain: ${verdict.chainHead ?? 'none'}`);
  // A pending record follows one that is not here (a file missing, or not synced yet): it cannot be verified, so neither can the article.
  const pending = verdict.records.filter((record) => record.status === 'pending').length;
  if (pending > 0) lines.push(`PENDING: ${pending} record${pending === 1 ? '' : 's'} follow${pending === 1 ? 's' : ''} a record that is not here (a file missing, or not synced yet) and cannot be verified.`);
  const failed = pending > 0 || verdict.records.some((record) => record.status === 'forged' || record.status === 'rule-breaking') || verdict.problems.some((problem) => (BLOCKING_PROBLEMS as readonly string[]).includes(problem.code));
  return { verdict, report: { lines, valid: !failed } };
}

function recordLines(record: ArticleRecord, index: number): string[] {
  const who = record.by ? `${printable(record.byName ?? '?')} (${record.by})` : 'unknown';
  const key = record.fingerprint ? `key ${record.fingerprint}` : record.status === 'unsigned-legacy' ? 'unsigned (before signatures)' : 'no key';
  const status = record.status.toUpperCase();
  const out = [`#${index + 1} ${status} ${record.kind ?? '?'}${describeEvent(record)} by ${who} at ${record.at ?? '?'}, ${key} — ${record.path} line ${record.line}`];
  if (record.code) out.push(`    ${record.code}: ${printable(record.detail ?? '')}`);
  const opinion = record.kind === 'review' ? printable(String((record.event as { opinion?: unknown } | undefined)?.opinion ?? ''), true) : '';
  if (opinion) out.push(...opinion.split('\n').map((line, i) => `    ${i === 0 ? 'opinion: ' : '         '}${line}`));
  return out;
}

function describeEvent(record: ArticleRecord): string {
  const event = record.event as Record<string, unknown> | undefined;
  if (!event) return '';
  if (record.kind === 'review') return ` ${String(event.action)}${event.to ? ` -> ${String(event.to)}` : ''} at stage ${String(event.stage)}`;
  if (record.kind === 'revision') return ` ${String(event.kind)}${event.label ? ` "${printable(String(event.label))}"` : ''}`;
  if (record.kind === 'trash') return ` ${String(event.action)}`;
  if (record.kind === 'annotation') return ` ${String(event.kind)}`;
  return '';
}

function approvalLines(verdict: ArticleVerdict): string[] {
  const state = verdict.review;
  const out = [
    verdict.signedOff
      ? 'Approvals: signed off, every approval covers the copy as it stands, and nothing is wrong with the log.'
      : verdict.blocked
        ? 'Approvals: NOT TRUSTED: the log has a forged or rule-breaking record, or lost records; it is never shown as signed off.'
        : `Approvals: not signed off (now at ${stageName(state.stage, 'en')}).`,
  ];
  for (const stage of REVIEW_STAGES) {
    const approval = state.approvals[stage];
    const record = verdict.approvals[stage];
    const label = stageName(stage, 'en').padEnd(14);
    out.push(
      approval
        ? `  ${label} ${printable(approval.actorName)} (${approval.actorId}) at ${approval.at}, key ${record?.fingerprint ?? 'unsigned'}: ${approval.stale ? 'STALE (the copy changed since)' : 'current'}`
        : `  ${label} no approval`,
    );
  }
  return out;
}

/**
 * Per-writer signed logs: one file per person and desk (`<personId>.<deskId>.jsonl`), one
 * envelope per line, each line chained to the one before by `seq` and `prev`. This checks a
 * file's structure; signatures are checked by `signatures.ts`.
 */
import { ZERO_HASH } from './bytes';
import { lineHash, openEnvelope, type LineHasher, type OpenedEnvelope } from './envelope';
import type { LineMemo, MemoLine } from './line-memo';
import type { PayloadHeader } from './payload';

export const LOG_FILE_NAME = /^(u-[a-z0-9]{6,32})\.(d-[0-9a-f]{10})\.jsonl$/;

export function logFileName(personId: string, deskId: string): string {
  const name = `${personId}.${deskId}.jsonl`;
  if (!LOG_FILE_NAME.test(name)) throw new Error('not a person id and desk id');
  return name;
}

export function parseLogFileName(name: string): { personId: string; deskId: string } | null {
  const match = LOG_FILE_NAME.exec(name);
  return match ? { personId: match[1]!, deskId: match[2]! } : null;
}

/** A log file as read: its path relative to the workspace and its complete lines (a torn last line left out). */
export interface LogFile {
  path: string;
  lines: readonly string[];
}

export interface LogEntry<P extends PayloadHeader = PayloadHeader> {
  path: string;
  /** 1-based. */
  line: number;
  text: string;
  /** SHA-256 of the line's bytes. */
  hash: string;
  opened: OpenedEnvelope;
  payload: P;
  /** The event kind (an article event kind, or "roster"). */
  kind: string;
  /** Where this line's signature checks are remembered, when a memo is used. */
  memo?: MemoLine;
}

/** A memo of checked lines, and the scope its keys are made in (the reader: roster, or one article). */
export interface MemoScope {
  memo: LineMemo;
  scope: string;
}

export const FAULT_CODES = [
  'bad-file-name',
  'unreadable',
  'invalid-payload',
  'wrong-writer',
  'wrong-seq',
  'broken-link',
  'time-went-back',
  'wrong-article',
  'unknown-key',
  'bad-signature',
] as const;
export type FaultCode = (typeof FAULT_CODES)[number];

/** Where a file stops being trustworthy: this line and every line after it. */
export interface FileFault {
  path: string;
  /** The line the fault was found on (1-based). */
  line: number;
  code: FaultCode;
  detail: string;
}

export interface CheckedFile<P extends PayloadHeader = PayloadHeader> {
  path: string;
  personId: string;
  deskId: string;
  /** The trusted lines, in file order: every line before the fault. */
  entries: Array<LogEntry<P>>;
  /** All complete lines of the file. */
  lineCount: number;
  fault: FileFault | null;
}

export type PayloadRead<P> = { ok: true; payload: P; kind: string } | { ok: false; code: FaultCode; detail: string };

/**
 * Reads `file` line by line up to the first line that is unreadable, not this writer's, out of
 * sequence, not linked to the line before, or earlier in time than it.
 */
export function checkLogFile<P extends PayloadHeader>(
  file: LogFile,
  readPayload: (opened: OpenedEnvelope) => PayloadRead<P>,
  hashLine: LineHasher = lineHash,
  memo?: MemoScope,
): CheckedFile<P> {
  const name = file.path.split('/').pop() ?? '';
  const writer = parseLogFileName(name);
  const checked: CheckedFile<P> = { path: file.path, personId: writer?.personId ?? '', deskId: writer?.deskId ?? '', entries: [], lineCount: file.lines.length, fault: null };
  if (!writer) {
    if (file.lines.length > 0) checked.fault = fault(file.path, 1, 'bad-file-name', `${name} is not named <personId>.<deskId>.jsonl`);
    return checked;
  }
  let prevHash = ZERO_HASH;
  let prevAt = -Infinity;
  for (let index = 0; index < file.lines.length; index++) {
    const text = file.lines[index]!;
    const line = index + 1;
    const hash = hashLine(text);
    const problem = lineProblem();
    if (problem) {
      checked.fault = fault(file.path, line, problem.code, problem.detail);
      break;
    }
    prevHash = hash;

    function lineProblem(): { code: FaultCode; detail: string } | null {
      const known = readLine(text, hash, readPayload, memo);
      if (!known.opened) return { code: 'unreadable', detail: known.detail };
      const read = known.read as PayloadRead<P>;
      if (!read.ok) return read;
      const payload = read.payload;
      if (payload.by !== writer!.personId || payload.desk !== writer!.deskId) {
        return { code: 'wrong-writer', detail: `the line is by ${payload.by} at ${payload.desk}, in the file of ${writer!.personId} at ${writer!.deskId}` };
      }
      if (payload.seq !== index) return { code: 'wrong-seq', detail: `expected seq ${index}, found ${payload.seq}` };
      if (payload.prev !== prevHash) {
        return { code: 'broken-link', detail: index === 0 ? 'the first line names a line before it' : `prev is not the hash of line ${index}: a line was changed, removed or reordered` };
      }
      const at = Date.parse(payload.at);
      if (at < prevAt) return { code: 'time-went-back', detail: `${payload.at} is earlier than the line before` };
      prevAt = at;
      checked.entries.push({ path: file.path, line, text, hash, opened: known.opened, payload, kind: read.kind, ...(memo ? { memo: known } : {}) });
      return null;
    }
  }
  return checked;
}

/** The line parsed and its payload read, or what the memo remembers of it. */
function readLine<P extends PayloadHeader>(text: string, hash: string, readPayload: (opened: OpenedEnvelope) => PayloadRead<P>, memo: MemoScope | undefined): MemoLine {
  const key = memo ? `${memo.scope}:${hash}` : '';
  const remembered = memo?.memo.get(key);
  if (remembered) return remembered;
  const opened = openEnvelope(text);
  const line: MemoLine = opened.ok
    ? { opened: opened.value, detail: '', read: readPayload(opened.value), signatures: new Map() }
    : { opened: null, detail: opened.detail, read: null, signatures: new Map() };
  memo?.memo.set(key, line, text.length);
  return line;
}

export function fault(path: string, line: number, code: FaultCode, detail: string): FileFault {
  return { path, line, code, detail };
}

/** Pieces both verifiers report the same way. */
import type { DagNode } from './dag';
import type { CheckedFile, FileFault } from './log-files';

/** A line that does not count, and why. */
export interface IgnoredLine {
  path: string;
  /** 1-based. */
  line: number;
  code: string;
  detail: string;
}

/** Every line from where `file` stops being trusted to its end. */
export function ignoredLines(file: CheckedFile, detail: string): IgnoredLine[] {
  const fault = file.fault;
  if (!fault) return [];
  const out: IgnoredLine[] = [];
  for (let line = fault.line; line <= Math.max(file.lineCount, fault.line); line++) {
    out.push(line === fault.line ? { path: file.path, line, code: fault.code, detail } : { path: file.path, line, code: 'untrusted', detail: `after the damage on line ${fault.line}` });
  }
  return out;
}

export function describeFault(fault: FileFault): string {
  return `${fault.path} line ${fault.line}: ${fault.detail}`;
}

/** Events nothing else follows yet: what the next writer names as parents. */
export function headsOf(nodes: readonly DagNode[]): string[] {
  const followed = new Set<string>();
  for (const node of nodes) for (const hash of node.after) followed.add(hash);
  return nodes.map((node) => node.hash).filter((hash) => !followed.has(hash)).sort();
}

import { diffArrays } from 'diff';

/**
 * A delta turns the lines of one revision into the lines of the next. Ops, in order:
 * - a positive number k: copy the next k lines of the base;
 * - a negative number -k: skip the next k lines of the base;
 * - a string: insert this line;
 * - { p, s, x }: replace the next base line by its first p and last s UTF-16 units with x
 *   between them (an edit inside one paragraph or caption costs only the edited text).
 * A delta must consume the whole base, so one applied to the wrong base is noticed.
 */
export type LineEdit = { p: number; s: number; x: string };
export type DeltaOp = number | string | LineEdit;

/** A line edit is used when it keeps at least this many units of the old line. */
const MIN_KEPT = 16;

export function makeDelta(base: readonly string[], next: readonly string[]): DeltaOp[] {
  const ops: DeltaOp[] = [];
  let start = 0;
  while (start < base.length && start < next.length && base[start] === next[start]) start++;
  let endBase = base.length;
  let endNext = next.length;
  while (endBase > start && endNext > start && base[endBase - 1] === next[endNext - 1]) {
    endBase--;
    endNext--;
  }
  pushCount(ops, start);
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < pairs; i++) {
      const edit = lineEdit(removed[i]!, added[i]!);
      if (edit) ops.push(edit);
      else {
        pushCount(ops, -1);
        ops.push(added[i]!);
      }
    }
    pushCount(ops, -(removed.length - pairs));
    for (let i = pairs; i < added.length; i++) ops.push(added[i]!);
    removed = [];
    added = [];
  };
  if (endBase > start || endNext > start) {
    for (const change of diffArrays(base.slice(start, endBase), next.slice(start, endNext))) {
      if (change.removed) removed.push(...change.value);
      else if (change.added) added.push(...change.value);
      else {
        flush();
        pushCount(ops, change.value.length);
      }
    }
    flush();
  }
  pushCount(ops, base.length - endBase);
  return ops;
}

export function applyDelta(base: readonly string[], ops: readonly DeltaOp[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const op of ops) {
    if (typeof op === 'number') {
      if (!Number.isInteger(op) || op === 0) throw new Error('a delta has an invalid count');
      const count = Math.abs(op);
      if (at + count > base.length) throw new Error('a delta runs past the end of its base');
      if (op > 0) for (let i = 0; i < count; i++) out.push(base[at + i]!);
      at += count;
    } else if (typeof op === 'string') {
      out.push(op);
    } else if (typeof op === 'object' && op !== null && Number.isInteger(op.p) && Number.isInteger(op.s) && typeof op.x === 'string') {
      const line = base[at];
      if (line === undefined || op.p < 0 || op.s < 0 || op.p + op.s > line.length) throw new Error('a delta edits a line it does not fit');
      out.push(line.slice(0, op.p) + op.x + line.slice(line.length - op.s));
      at++;
    } else {
      throw new Error('a delta has an op of an unknown shape');
    }
  }
  if (at !== base.length) throw new Error('a delta does not cover its whole base');
  return out;
}

/** Adds a copy (k > 0) or skip (k < 0) count, merging it with the one before when alike. */
function pushCount(ops: DeltaOp[], count: number): void {
  if (count === 0) return;
  const last = ops[ops.length - 1];
  if (typeof last === 'number' && Math.sign(last) === Math.sign(count)) ops[ops.length - 1] = last + count;
  else ops.push(count);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Common prefix and suffix of two lines, never splitting a surrogate pair. */
export function lineEdit(before: string, after: string): LineEdit | null {
  const limit = Math.min(before.length, after.length);
  let p = 0;
  while (p < limit && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  if (p > 0 && isHighSurrogate(before.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < limit - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(after.charCodeAt(after.length - s))) s--;
  if (p + s < MIN_KEPT) return null;
  return { p, s, x: after.slice(p, after.length - s) };
}

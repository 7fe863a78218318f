/** One run of an edit script: `count` items kept, deleted (from a) or inserted (from b). */
export interface EditRun {
  kind: 'equal' | 'delete' | 'insert';
  count: number;
}

/**
 * Myers' O((N+M)·D) shortest edit script over integer ids, on typed arrays: several times
 * faster than a general-purpose diff on the long, much-edited paragraphs a history compares.
 * Gives up (null) past `maxEdits` edits, so a caller can fall back to a coarser answer.
 */
export function editScript(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits: number): EditRun[] | null {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > maxEdits) return null;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // The way back: before step d, diagonals −d−1 … d+1 of v are copied to trace[start(d) …],
  // where start(d) = d·(d+2), the room the earlier steps took. One buffer, reused.
  let trace = scratch;
  for (let d = 0; d <= limit; d++) {
    const start = d * (d + 2);
    const size = 2 * d + 3;
    if (start + size > trace.length) {
      const grown = new Int32Array(Math.max(2 * trace.length, start + size));
      grown.set(trace.subarray(0, start));
      trace = grown;
      scratch = grown;
    }
    trace.set(v.subarray(offset - d - 1, offset + d + 2), start);
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return null;
}

/** Grows to the largest trace needed so far, so repeated diffs do not allocate. */
let scratch = new Int32Array(1 << 12);

function backtrack(trace: Int32Array, last: number, n: number, m: number): EditRun[] {
  const reversed: EditRun[] = [];
  let x = n;
  let y = m;
  for (let d = last; d >= 0; d--) {
    // trace[base + k] is the furthest x on diagonal k before step d.
    const base = d * (d + 2) + d + 1;
    const k = x - y;
    const prevK = k === -d || (k !== d && trace[base + k - 1]! < trace[base + k + 1]!) ? k + 1 : k - 1;
    const prevX = trace[base + prevK]!;
    const prevY = prevX - prevK;
    const snake = Math.min(x - Math.max(prevX, 0), y - Math.max(prevY, 0));
    pushRun(reversed, 'equal', snake);
    x -= snake;
    y -= snake;
    if (d > 0) pushRun(reversed, x === prevX ? 'insert' : 'delete', 1);
    x = prevX;
    y = prevY;
  }
  return reversed.reverse();
}

/** Appends a run, joining it to the last one when of the same kind. */
export function pushRun(runs: EditRun[], kind: EditRun['kind'], count: number): void {
  if (count === 0) return;
  const last = runs[runs.length - 1];
  if (last && last.kind === kind) last.count += count;
  else runs.push({ kind, count });
}

/**
 * Maps strings to integers, the same string to the same id: a single UTF-16 unit is its own
 * code (most tokens of Chinese text), anything longer gets an id above that range.
 */
export class Interner {
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    if (value.length === 1) return value.charCodeAt(0);
    let id = this.ids.get(value);
    if (id === undefined) {
      id = 0x10000 + this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }

  idsOf(values: readonly string[]): Int32Array {
    const out = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = this.id(values[i]!);
    return out;
  }
}

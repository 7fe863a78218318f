import { editScript } from './myers';

/** Above this many edits in a stretch without unique anchors, that stretch is left unmatched. */
const MAX_EDITS = 1_000;

/**
 * Matches equal keys of two sequences, keeping order (a common subsequence), as patience
 * diff does: keys that occur once on each side anchor the match (their longest increasing
 * run), the stretches between anchors are matched the same way, and a stretch without any
 * unique key falls back to Myers' algorithm (myers.ts). Long documents whose blocks mostly differ
 * align in close to linear time. Returns [index in a, index in b] pairs, increasing.
 */
export function alignKeys(a: ArrayLike<number>, b: ArrayLike<number>): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  type Task = { range: [number, number, number, number] } | { pair: [number, number] };
  const stack: Task[] = [{ range: [0, a.length, 0, b.length] }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    if ('pair' in task) {
      pairs.push(task.pair);
      continue;
    }
    let [aLo, aHi, bLo, bHi] = task.range;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) pairs.push([aLo++, bLo++]);
    const suffix: Task[] = [];
    while (aHi > aLo && bHi > bLo && a[aHi - 1] === b[bHi - 1]) suffix.push({ pair: [--aHi, --bHi] });
    // Tasks run in stack order: push the suffix pairs first so they come out last, in order.
    stack.push(...suffix);
    if (aLo >= aHi || bLo >= bHi) continue;

    const anchors = uniqueAnchors(a, b, aLo, aHi, bLo, bHi);
    if (anchors.length > 0) {
      const tasks: Task[] = [];
      let prevA = aLo;
      let prevB = bLo;
      for (const [ia, ib] of anchors) {
        tasks.push({ range: [prevA, ia, prevB, ib] }, { pair: [ia, ib] });
        prevA = ia + 1;
        prevB = ib + 1;
      }
      tasks.push({ range: [prevA, aHi, prevB, bHi] });
      for (let i = tasks.length - 1; i >= 0; i--) stack.push(tasks[i]!);
      continue;
    }
    const inA = new Set<number>();
    for (let i = aLo; i < aHi; i++) inA.add(a[i]!);
    let shared = false;
    for (let i = bLo; i < bHi && !shared; i++) shared = inA.has(b[i]!);
    if (!shared) continue;
    const runs = editScript(Array.prototype.slice.call(a, aLo, aHi) as number[], Array.prototype.slice.call(b, bLo, bHi) as number[], MAX_EDITS);
    if (!runs) continue;
    let ia = aLo;
    let ib = bLo;
    const found: Task[] = [];
    for (const run of runs) {
      if (run.kind === 'delete') ia += run.count;
      else if (run.kind === 'insert') ib += run.count;
      else for (let i = 0; i < run.count; i++) found.push({ pair: [ia++, ib++] });
    }
    for (let i = found.length - 1; i >= 0; i--) stack.push(found[i]!);
  }
  return pairs;
}

/** Keys that occur exactly once in each range, as pairs in b's order, reduced to their longest increasing run in a. */
function uniqueAnchors(a: ArrayLike<number>, b: ArrayLike<number>, aLo: number, aHi: number, bLo: number, bHi: number): Array<[number, number]> {
  const inA = new Map<number, number>();
  for (let i = aLo; i < aHi; i++) inA.set(a[i]!, inA.has(a[i]!) ? -1 : i);
  const inB = new Map<number, number>();
  for (let i = bLo; i < bHi; i++) inB.set(b[i]!, inB.has(b[i]!) ? -1 : i);
  const candidates: Array<[number, number]> = [];
  for (let i = bLo; i < bHi; i++) {
    const ia = inA.get(b[i]!);
    if (ia !== undefined && ia >= 0 && inB.get(b[i]!) === i) candidates.push([ia, i]);
  }
  return longestIncreasing(candidates);
}

/** Longest run of pairs increasing in their first element (the second already increases). */
function longestIncreasing(pairs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(pairs.length);
  pairs.forEach(([value], index) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![0] < value) lo = mid + 1;
      else hi = mid;
    }
    previous[index] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = index;
  });
  const out: Array<[number, number]> = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.push(pairs[i]!);
  return out.reverse();
}

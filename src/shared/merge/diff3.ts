/**
 * Three-way merge of two sequences made from one base: the changes each side made are aligned
 * against the base (the history's alignment, align.ts); a change only one side made, or both
 * made alike, is taken, also when the other side changed the items next to it. Changes of the
 * same base items (or insertions at the same place) that differ are a collision, left for the
 * caller to settle.
 */
import { alignKeys } from '../history/align';
import { Interner } from '../history/myers';

export type MergeRegion<T> =
  | { kind: 'resolved'; items: T[] }
  | { kind: 'collision'; base: T[]; a: T[]; b: T[] };

export function diff3<T>(base: readonly T[], a: readonly T[], b: readonly T[], key: (item: T) => string): Array<MergeRegion<T>> {
  const interner = new Interner();
  const baseKeys = base.map(key);
  const aKeys = a.map(key);
  const bKeys = b.map(key);
  const baseIds = interner.idsOf(baseKeys);
  const inA = matchesOf(alignKeys(baseIds, interner.idsOf(aKeys)), base.length);
  const inB = matchesOf(alignKeys(baseIds, interner.idsOf(bKeys)), base.length);

  const regions: Array<MergeRegion<T>> = [];
  const stable: T[] = [];
  const flushStable = () => {
    if (stable.length > 0) regions.push({ kind: 'resolved', items: stable.splice(0) });
  };
  let i = 0;
  let ia = 0;
  let ib = 0;
  while (i < base.length || ia < a.length || ib < b.length) {
    if (i < base.length && inA[i] === ia && inB[i] === ib) {
      stable.push(a[ia]!);
      i++;
      ia++;
      ib++;
      continue;
    }
    // The next base item both sides kept ends this changed stretch.
    let j = i;
    while (j < base.length && (inA[j] === -1 || inB[j] === -1)) j++;
    const aEnd = j < base.length ? inA[j]! : a.length;
    const bEnd = j < base.length ? inB[j]! : b.length;
    const aHunks = hunksOf(a, inA, i, j, ia, aEnd);
    const bHunks = hunksOf(b, inB, i, j, ib, bEnd);
    for (const part of mergeHunks(base, i, j, aHunks, bHunks, key)) {
      if (part.kind === 'resolved') stable.push(...part.items);
      else {
        flushStable();
        regions.push(part);
      }
    }
    i = j;
    ia = aEnd;
    ib = bEnd;
  }
  flushStable();
  return regions;
}

/** One side's change to the base: base items [start, end) replaced by `items` (start = end: an insertion). */
interface Hunk<T> {
  start: number;
  end: number;
  items: T[];
}

/** The changes one side made to base[from, to), given which base items it kept and where. */
function hunksOf<T>(side: readonly T[], matched: Int32Array, from: number, to: number, sideFrom: number, sideTo: number): Array<Hunk<T>> {
  const hunks: Array<Hunk<T>> = [];
  let at = sideFrom;
  let open: Hunk<T> | null = null;
  for (let k = from; k <= to; k++) {
    const next = k < to ? matched[k]! : sideTo;
    const inserted = side.slice(at, next === -1 ? at : next);
    if (next !== -1) at = next + 1;
    if (inserted.length > 0) {
      open ??= { start: k, end: k, items: [] };
      open.items.push(...inserted);
    }
    if (k < to && next === -1) {
      open ??= { start: k, end: k, items: [] };
      open.end = k + 1;
    } else if (open) {
      hunks.push(open);
      open = null;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

/** Whether a change of each side touches the same base items (or inserts at the same place). */
function overlaps<T>(x: Hunk<T>, y: Hunk<T>): boolean {
  if (x.start === x.end && y.start === y.end) return x.start === y.start;
  if (x.start === x.end) return y.start < x.start && x.start < y.end;
  if (y.start === y.end) return x.start < y.start && y.start < x.end;
  return x.start < y.end && y.start < x.end;
}

/**
 * Both sides' changes to one stretch, applied where they touch different base items; where
 * they touch the same ones differently, a collision over the smallest stretch that holds them.
 */
function mergeHunks<T>(base: readonly T[], from: number, to: number, aHunks: Array<Hunk<T>>, bHunks: Array<Hunk<T>>, key: (item: T) => string): Array<MergeRegion<T>> {
  const all = [...aHunks.map((hunk) => ({ hunk, side: 'a' as const })), ...bHunks.map((hunk) => ({ hunk, side: 'b' as const }))].sort(
    (x, y) => x.hunk.start - y.hunk.start || x.hunk.end - y.hunk.end || (x.side < y.side ? -1 : 1),
  );
  const groups: Array<typeof all> = [];
  for (const entry of all) {
    const group = groups.at(-1);
    if (group && group.some((other) => other.side !== entry.side && overlaps(other.hunk, entry.hunk))) group.push(entry);
    else groups.push([entry]);
  }
  const out: Array<MergeRegion<T>> = [];
  const emit = (items: T[]) => {
    const last = out.at(-1);
    if (last?.kind === 'resolved') last.items.push(...items);
    else if (items.length > 0) out.push({ kind: 'resolved', items: [...items] });
  };
  let at = from;
  for (const group of groups) {
    const start = Math.min(...group.map((entry) => entry.hunk.start));
    const end = Math.max(...group.map((entry) => entry.hunk.end));
    emit(base.slice(at, start));
    at = end;
    const sides = (side: 'a' | 'b') => applyHunks(base, start, end, group.filter((entry) => entry.side === side).map((entry) => entry.hunk));
    const [a, b] = [sides('a'), sides('b')];
    const same = (x: T[], y: T[]) => x.length === y.length && x.every((item, index) => key(item) === key(y[index]!));
    if (group.length === 1 || same(a, b)) emit(group.length === 1 ? group[0]!.hunk.items : a);
    else out.push({ kind: 'collision', base: base.slice(start, end), a, b });
  }
  emit(base.slice(at, to));
  return out;
}

/** base[start, end) with one side's hunks applied. */
function applyHunks<T>(base: readonly T[], start: number, end: number, hunks: ReadonlyArray<Hunk<T>>): T[] {
  const out: T[] = [];
  let at = start;
  for (const hunk of hunks) {
    out.push(...base.slice(at, hunk.start), ...hunk.items);
    at = hunk.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

/** For each base index, the index it is matched to on the other side, or -1. */
function matchesOf(pairs: ReadonlyArray<[number, number]>, length: number): Int32Array {
  const out = new Int32Array(length).fill(-1);
  for (const [from, to] of pairs) out[from] = to;
  return out;
}

/**
 * The deterministic order of a log's events: parents first; among events whose parents are all
 * placed, the lowest kind priority, then the earliest time, then the smallest hash. Every desk
 * gets the same order whatever order the files arrived in. Events whose parents are missing
 * (not synced yet) are pending, and so is everything after them.
 */
import { ZERO_HASH } from './bytes';

export interface DagNode {
  hash: string;
  /** Hashes of events this one follows (its parents, and the line before it in its file). */
  after: readonly string[];
  priority: number;
  at: string;
}

export interface DagOrder<N extends DagNode> {
  ordered: N[];
  /** Waiting for an event that is not here: `missing` names what it (or an ancestor) waits for. */
  pending: Array<{ node: N; missing: string }>;
  /** The same bytes twice (in two files): only the first counts. */
  duplicates: N[];
}

/** Parents plus the previous line of the same file, without the zero hash. */
export function predecessors(parents: readonly string[], prev: string): string[] {
  const all = prev === ZERO_HASH ? [...parents] : [...parents, prev];
  return [...new Set(all)];
}

export function orderDag<N extends DagNode>(nodes: readonly N[]): DagOrder<N> {
  const byHash = new Map<string, N>();
  const duplicates: N[] = [];
  for (const node of nodes) {
    if (byHash.has(node.hash)) duplicates.push(node);
    else byHash.set(node.hash, node);
  }
  const waiting = new Map<string, number>();
  const children = new Map<string, N[]>();
  const times = new Map<string, number>();
  const ready = new Heap<N>((a, b) => a.priority - b.priority || times.get(a.hash)! - times.get(b.hash)! || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  for (const node of byHash.values()) {
    times.set(node.hash, Date.parse(node.at));
    const present = node.after.filter((hash) => byHash.has(hash));
    waiting.set(node.hash, present.length);
    for (const parent of present) {
      const list = children.get(parent);
      if (list) list.push(node);
      else children.set(parent, [node]);
    }
  }
  for (const node of byHash.values()) {
    if (node.after.every((hash) => byHash.has(hash)) && waiting.get(node.hash) === 0) ready.push(node);
  }
  const ordered: N[] = [];
  const blocked = new Set<string>();
  for (const node of byHash.values()) if (!node.after.every((hash) => byHash.has(hash))) blocked.add(node.hash);
  for (let node = ready.pop(); node; node = ready.pop()) {
    ordered.push(node);
    for (const child of children.get(node.hash) ?? []) {
      const left = waiting.get(child.hash)! - 1;
      waiting.set(child.hash, left);
      if (left === 0 && !blocked.has(child.hash)) ready.push(child);
    }
  }
  const placed = new Set(ordered.map((node) => node.hash));
  const pending: Array<{ node: N; missing: string }> = [];
  for (const node of byHash.values()) {
    if (!placed.has(node.hash)) pending.push({ node, missing: firstMissing(node, byHash) });
  }
  return { ordered, pending, duplicates };
}

/** The first hash, walking up from `node`, that is not present (or, for a cycle, the node itself). */
function firstMissing<N extends DagNode>(node: N, byHash: Map<string, N>): string {
  const seen = new Set<string>();
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current.hash)) continue;
    seen.add(current.hash);
    for (const hash of current.after) {
      const parent = byHash.get(hash);
      if (!parent) return hash;
      stack.push(parent);
    }
  }
  return node.hash;
}

/** Every ancestor hash of `start` (not itself), following `after` through `byHash`. */
export function ancestorsOf(start: readonly string[], byHash: ReadonlyMap<string, DagNode>): Set<string> {
  const out = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const hash = stack.pop()!;
    if (out.has(hash)) continue;
    const node = byHash.get(hash);
    if (!node) continue;
    out.add(hash);
    stack.push(...node.after);
  }
  return out;
}

class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.before(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.before(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && this.before(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderDag, predecessors, type DagNode } from '../../../src/shared/identity/dag';
import { ZERO_HASH } from '../../../src/shared/identity/bytes';

const h = (n: number) => n.toString(16).padStart(64, '0');
const node = (n: number, after: number[], priority = 0, minute = 0): DagNode => ({ hash: h(n), after: after.map(h), priority, at: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString() });

describe('the deterministic order', () => {
  it('puts parents first, then the lower kind priority, the earlier time, the smaller hash', () => {
    const nodes = [node(5, [1], 2, 0), node(4, [1], 1, 9), node(3, [1], 1, 5), node(2, [1], 1, 5), node(1, [])];
    expect(orderDag(nodes).ordered.map((n) => n.hash)).toEqual([1, 2, 3, 4, 5].map(h));
  });

  it('is the same whatever order the events arrive in', () => {
    const nodes = [node(1, []), node(2, [1], 1, 3), node(3, [1], 0, 4), node(4, [2, 3], 0, 1), node(5, [4], 2, 2), node(6, [4], 1, 2), node(7, [1], 3, 0)];
    const expected = orderDag(nodes).ordered.map((n) => n.hash);
    fc.assert(
      fc.property(fc.shuffledSubarray(nodes, { minLength: nodes.length, maxLength: nodes.length }), (shuffled) => {
        expect(orderDag(shuffled).ordered.map((n) => n.hash)).toEqual(expected);
      }),
    );
  });

  it('leaves events pending when an ancestor is missing, naming what they wait for', () => {
    const order = orderDag([node(1, []), node(3, [2]), node(4, [3]), node(5, [1])]);
    expect(order.ordered.map((n) => n.hash)).toEqual([h(1), h(5)]);
    expect(order.pending.map(({ node: n, missing }) => [n.hash, missing])).toEqual([
      [h(3), h(2)],
      [h(4), h(2)],
    ]);
  });

  it('counts the same bytes once', () => {
    const order = orderDag([node(1, []), node(1, [])]);
    expect(order.ordered).toHaveLength(1);
    expect(order.duplicates).toHaveLength(1);
  });

  it('takes the line before in the file as a predecessor', () => {
    expect(predecessors([h(1), h(2)], h(2))).toEqual([h(1), h(2)]);
    expect(predecessors([], ZERO_HASH)).toEqual([]);
  });
});

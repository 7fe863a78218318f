import fc from 'fast-check';
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { alignKeys } from '../../../src/shared/history/align';
import { editScript, Interner, type EditRun } from '../../../src/shared/history/myers';

/** Applies an edit script to a, taking inserted items from b; checks it is well-formed on the way. */
function apply(a: number[], b: number[], runs: EditRun[]): number[] {
  const out: number[] = [];
  let ia = 0;
  let ib = 0;
  for (const run of runs) {
    expect(run.count).toBeGreaterThan(0);
    if (run.kind === 'equal') {
      for (let i = 0; i < run.count; i++) {
        expect(a[ia]).toBe(b[ib]);
        out.push(a[ia++]!);
        ib++;
      }
    } else if (run.kind === 'delete') ia += run.count;
    else for (let i = 0; i < run.count; i++) out.push(b[ib++]!);
  }
  expect(ia).toBe(a.length);
  expect(ib).toBe(b.length);
  return out;
}

const seq = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 });

describe('editScript', () => {
  it('turns a into b with the fewest edits (as many as jsdiff finds)', () => {
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const runs = editScript(a, b, a.length + b.length)!;
        expect(apply(a, b, runs)).toEqual(b);
        const edits = runs.filter((r) => r.kind !== 'equal').reduce((sum, r) => sum + r.count, 0);
        const reference = diffArrays(a, b).filter((c) => c.added || c.removed).reduce((sum, c) => sum + c.value.length, 0);
        expect(edits).toBe(reference);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives up past the edit limit', () => {
    expect(editScript([1, 2, 3], [4, 5, 6], 5)).toBeNull();
    expect(editScript([1, 2, 3], [4, 5, 6], 6)).not.toBeNull();
    expect(editScript([], [], 0)).toEqual([]);
  });
});

describe('alignKeys', () => {
  it('returns increasing pairs of equal keys', () => {
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const pairs = alignKeys(a, b);
        pairs.forEach(([ia, ib], i) => {
          expect(a[ia]).toBe(b[ib]);
          if (i > 0) {
            expect(ia).toBeGreaterThan(pairs[i - 1]![0]);
            expect(ib).toBeGreaterThan(pairs[i - 1]![1]);
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('anchors on unique keys and matches everything equal', () => {
    expect(alignKeys([1, 2, 3, 4, 5], [1, 9, 3, 4, 8, 5])).toEqual([
      [0, 0],
      [2, 2],
      [3, 3],
      [4, 5],
    ]);
    const long = Array.from({ length: 5000 }, (_, i) => i);
    expect(alignKeys(long, long.slice().reverse())).toHaveLength(1);
    expect(alignKeys(long, long)).toHaveLength(5000);
  });
});

describe('Interner', () => {
  it('gives one id per string, single units their own code', () => {
    const interner = new Interner();
    expect([...interner.idsOf(['茶', 'tea', '茶', 'tea', 'x'])]).toEqual([0x8336, 0x10000, 0x8336, 0x10000, 0x78]);
  });
});

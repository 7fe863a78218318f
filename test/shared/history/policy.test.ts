import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTO_REVISION_IDLE_MS, AUTO_REVISION_MAX_MS, autoRevisionDueAt, isAutoRevisionDue, pendingEdits } from '../../../src/shared/history/policy';

const S = 1000;

describe('automatic revision policy', () => {
  it('is due 30 s after the last edit', () => {
    const edits = [0, 2 * S, 5 * S];
    expect(autoRevisionDueAt(pendingEdits(edits, null))).toBe(35 * S);
    expect(isAutoRevisionDue(edits, null, 34_999)).toBe(false);
    expect(isAutoRevisionDue(edits, null, 35 * S)).toBe(true);
  });

  it('is due after 5 minutes of editing without a 30-second pause', () => {
    const edits = Array.from({ length: 400 }, (_, i) => i * 20 * S);
    expect(autoRevisionDueAt(pendingEdits(edits, null))).toBe(5 * 60 * S);
    expect(isAutoRevisionDue(edits, null, 5 * 60 * S)).toBe(true);
    expect(isAutoRevisionDue(edits, null, 5 * 60 * S - 1)).toBe(false);
  });

  it('counts only edits after the last revision, and nothing is due without them', () => {
    expect(pendingEdits([1, 2, 3], 3)).toBeNull();
    expect(autoRevisionDueAt(null)).toBeNull();
    expect(isAutoRevisionDue([1, 2, 3], 3, 10 * 60 * S)).toBe(false);
    expect(pendingEdits([5 * S, 1 * S, 40 * S, 12 * S], 4 * S)).toEqual({ firstEditAt: 5 * S, lastEditAt: 40 * S });
  });

  it('is never later than either limit, and never less than 30 s after the first edit', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3_600_000), { minLength: 1, maxLength: 50 }), (edits) => {
        const pending = pendingEdits(edits, null)!;
        const due = autoRevisionDueAt(pending)!;
        expect(due).toBeLessThanOrEqual(pending.lastEditAt + AUTO_REVISION_IDLE_MS);
        expect(due).toBeLessThanOrEqual(pending.firstEditAt + AUTO_REVISION_MAX_MS);
        expect(due).toBeGreaterThanOrEqual(pending.firstEditAt + AUTO_REVISION_IDLE_MS);
      }),
    );
  });
});

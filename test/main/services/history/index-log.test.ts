import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryLine, entryProblem, lineHash, parseIndex, toRevision, ZERO_HASH, type IndexEntry } from '../../../../src/main/services/history/index-log';
import { REVISION_KINDS, RevisionSchema, revisionProblem } from '../../../../src/shared/history/revision';
import { REVIEW_ACTIONS } from '../../../../src/shared/review/records';
import { STAGES } from '../../../../src/shared/review/stages';

const H = (c: string) => c.repeat(64);

function entry(n: number, extra: Partial<IndexEntry> = {}): IndexEntry {
  return {
    n,
    at: `2026-11-27T08:0${n % 10}:00.000Z`,
    author: 'u-linxiaolan',
    authorName: '林晓岚',
    stage: 'draft',
    kind: 'auto',
    contentHash: H('a'),
    base: n === 1 ? null : n - 1,
    ...(n === 1 ? { blob: H('b') } : { delta: [1] }),
    state: H('c'),
    prev: ZERO_HASH,
    ...extra,
  };
}

describe('parseIndex', () => {
  it('reads lines, skips a torn tail and reports the rest', () => {
    const lines = [entryLine(entry(1)), entryLine(entry(2)), 'garbage', '', entryLine(entry(2)), entryLine(entry(3))];
    const parsed = parseIndex(`${lines.join('\n')}\n${entryLine(entry(4)).slice(0, 30)}`);
    expect(parsed.entries.map((e) => e.n)).toEqual([1, 2, 3]);
    expect(parsed.lineOf).toEqual([1, 2, 6]);
    expect(parsed.unfinished).toBe(entryLine(entry(4)).slice(0, 30));
    expect(parsed.lines).toEqual(lines);
    expect(parsed.problems).toEqual([
      { line: 3, problem: 'not valid JSON' },
      { line: 4, problem: 'blank line' },
      { line: 5, problem: 'revision 2 comes after revision 2' },
    ]);
  });

  it('reads a whole last line that lacks only its newline, as every log does', () => {
    const parsed = parseIndex(`${entryLine(entry(1))}\n${entryLine(entry(2))}`);
    expect(parsed.entries.map((e) => e.n)).toEqual([1, 2]);
    expect(parsed.unfinished).toBe('');
  });

  it('refuses entries that do not say where their content is', () => {
    const noContent = { ...entry(2) } as Partial<IndexEntry>;
    delete noContent.delta;
    expect(entryProblem(noContent)).toMatch(/either a blob or an inline delta/);
    expect(entryProblem(entry(2, { blob: H('d') }))).toMatch(/either a blob or an inline delta/);
    expect(entryProblem({ ...entry(1), blob: undefined, delta: [1] })).toMatch(/snapshot needs a blob/);
    expect(entryProblem(entry(3, { base: 3 }))).toMatch(/base/);
    expect(entryProblem(entry(2, { action: 'approve' }))).toMatch(/only a milestone/);
    expect(entryProblem(entry(2, { kind: 'milestone', action: 'approve' }))).toBeNull();
    expect(entryProblem(entry(2, { prev: 'x' }))).toMatch(/prev/);
  });

  it('lists the revision fields only', () => {
    expect(toRevision(entry(2, { label: '定稿' }))).toEqual({
      n: 2,
      at: '2026-11-27T08:02:00.000Z',
      author: 'u-linxiaolan',
      authorName: '林晓岚',
      stage: 'draft',
      kind: 'auto',
      label: '定稿',
      contentHash: H('a'),
    });
    expect(lineHash(undefined)).toBe(ZERO_HASH);
  });
});

describe('revisionProblem', () => {
  it('agrees with RevisionSchema', () => {
    const revision = fc.record(
      {
        n: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant(1.5)),
        at: fc.constantFrom('2026-11-27T08:00:00.000Z', '2026-11-27T08:00:00Z', '2026-11-27 08:00', 'yesterday', '2026-13-45T99:00:00Z'),
        author: fc.oneof(fc.constant('u-linxiaolan'), fc.string({ maxLength: 45 })),
        authorName: fc.string({ maxLength: 82 }),
        stage: fc.constantFrom(...STAGES, 'fourth'),
        kind: fc.constantFrom(...REVISION_KINDS, 'other'),
        label: fc.string({ maxLength: 202 }),
        action: fc.constantFrom(...REVIEW_ACTIONS, 'sign'),
        contentHash: fc.constantFrom(H('a'), H('A'), 'abc'),
      },
      { requiredKeys: ['n', 'at', 'author', 'authorName', 'stage', 'kind', 'contentHash'] },
    );
    fc.assert(
      fc.property(revision, (value) => {
        expect(revisionProblem(value) === null).toBe(RevisionSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });
});

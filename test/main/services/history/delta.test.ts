import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta, lineEdit, makeDelta } from '../../../../src/main/services/history/delta';
import { contentLines, linesContent, pickContent } from '../../../../src/main/services/history/doc-lines';
import { decodeBlob, encodeBlob } from '../../../../src/main/services/history/blob';
import { generateRevisions } from '../../../../bench/generate-revisions';

const line = fc.oneof(
  fc.constantFrom('{"a":1}', '{"text":"第一段"}', '{"text":"第二段"}', 'same', ''),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

describe('makeDelta / applyDelta', () => {
  it('turns any list of lines into any other', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (base, next) => {
        expect(applyDelta(base, makeDelta(base, next))).toEqual(next);
      }),
      { numRuns: 500 },
    );
  });

  it('turns each generated revision into the next', () => {
    const revisions = generateRevisions({ seed: 3, revisions: 120 });
    for (let i = 1; i < revisions.length; i++) {
      const base = contentLines(revisions[i - 1]!);
      const next = contentLines(revisions[i]!);
      expect(applyDelta(base, makeDelta(base, next))).toEqual(next);
    }
  });

  it('copies unchanged lines by count and edits a changed line in place', () => {
    const base = ['header', `{"text":"${'甲'.repeat(30)}乙${'丙'.repeat(30)}"}`, 'tail'];
    const next = ['header', `{"text":"${'甲'.repeat(30)}丁丁${'丙'.repeat(30)}"}`, 'tail'];
    expect(makeDelta(base, next)).toEqual([1, { p: 39, s: 32, x: '丁丁' }, 1]);
    expect(makeDelta(base, base)).toEqual([3]);
    expect(makeDelta(base, ['header', 'tail'])).toEqual([1, -1, 1]);
    expect(makeDelta(base, ['new', ...base])).toEqual(['new', 3]);
  });

  it('refuses a delta that does not fit its base', () => {
    expect(() => applyDelta(['a'], [2])).toThrow(/past the end/);
    expect(() => applyDelta(['a', 'b'], [1])).toThrow(/whole base/);
    expect(() => applyDelta(['a'], [{ p: 5, s: 0, x: '' }])).toThrow(/does not fit/);
    expect(() => applyDelta(['a'], [0])).toThrow(/invalid count/);
    expect(() => applyDelta(['a'], [null as never])).toThrow(/unknown shape/);
  });

  it('never splits a surrogate pair in a line edit', () => {
    const edit = lineEdit(`${'x'.repeat(20)}😀${'y'.repeat(20)}`, `${'x'.repeat(20)}😃${'y'.repeat(20)}`);
    expect(edit).toEqual({ p: 20, s: 20, x: '😃' });
  });
});

describe('contentLines / linesContent', () => {
  it('round-trips content exactly, one line per top-level block', () => {
    for (const content of generateRevisions({ seed: 5, revisions: 30 })) {
      const lines = contentLines(content);
      expect(lines).toHaveLength(1 + content.body.root.children!.length);
      expect(lines.every((text) => !text.includes('\n'))).toBe(true);
      expect(linesContent(lines)).toEqual(pickContent(content));
    }
  });

  it('keeps a root without children as it was', () => {
    const [content] = generateRevisions({ revisions: 0 });
    const bare = { ...content!, body: { root: { type: 'root' } } };
    expect(linesContent(contentLines(bare))).toEqual(bare);
  });

  it('refuses lines that are not a stored revision', () => {
    expect(() => linesContent([])).toThrow();
    expect(() => linesContent(['{"format":2}'])).toThrow(/unknown header/);
  });
});

describe('history blobs', () => {
  it('are named by the SHA-256 of their bytes, the same content giving the same name', () => {
    const one = encodeBlob({ v: 1, t: 'snapshot', lines: ['a', '第二行'] });
    const two = encodeBlob({ v: 1, t: 'snapshot', lines: ['a', '第二行'] });
    expect(one.id).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(two.bytes)).toEqual(Buffer.from(one.bytes));
    expect(decodeBlob(one.id, one.bytes)).toEqual({ v: 1, t: 'snapshot', lines: ['a', '第二行'] });
    // gzip, so that zcat can read one in an emergency.
    expect([one.bytes[0], one.bytes[1]]).toEqual([0x1f, 0x8b]);
  });

  it('refuse altered bytes and foreign content', () => {
    const blob = encodeBlob({ v: 1, t: 'delta', ops: [3, 'x'] });
    const altered = Uint8Array.from(blob.bytes);
    altered[12]! ^= 1;
    expect(() => decodeBlob(blob.id, altered)).toThrow(/do not match its name/);
    const foreign = encodeBlob({ v: 2 } as never);
    expect(() => decodeBlob(foreign.id, foreign.bytes)).toThrow(/not a history snapshot or delta/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecordLines, recordLine } from '../../../src/shared/review/record-lines';
import { verifyChain, type ReviewRecord } from '../../../src/shared/review/records';
import { Desk } from './desk';

const records: ReviewRecord[] = new Desk().signOff().records;
const log = records.map(recordLine).join('');

describe('recordLine', () => {
  it('writes one canonical JSON line per record', () => {
    const line = recordLine(records[0]!);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(records[0]);
  });
});

describe('parseRecordLines', () => {
  it('reads back what was written', () => {
    expect(parseRecordLines(log)).toEqual({ records, unfinished: '', problems: [] });
    expect(parseRecordLines('')).toEqual({ records: [], unfinished: '', problems: [] });
  });

  it('skips a torn last line and gives it back', () => {
    const torn = log + recordLine(records[0]!).slice(0, 40);
    expect(parseRecordLines(torn)).toEqual({ records, unfinished: recordLine(records[0]!).slice(0, 40), problems: [] });
  });

  it('accepts a complete last line that only lacks its newline', () => {
    expect(parseRecordLines(log.slice(0, -1))).toEqual({ records, unfinished: '', problems: [] });
  });

  it('accepts Windows line endings', () => {
    expect(parseRecordLines(log.replaceAll('\n', '\r\n')).records).toEqual(records);
  });

  it('reports an unparseable last line that does end with a newline', () => {
    expect(parseRecordLines(`${log}{"seq":4,\n`)).toEqual({ records, unfinished: '', problems: [{ line: 5, problem: 'not valid JSON' }] });
  });

  it('reports a bad line in the middle with its number and keeps reading', () => {
    const lines = log.split('\n');
    lines[1] = '{"garbage"';
    const result = parseRecordLines(lines.join('\n'));
    expect(result.problems).toEqual([{ line: 2, problem: 'not valid JSON' }]);
    expect(result.records).toEqual([records[0], records[2], records[3]]);
    expect(verifyChain(result.records)).toMatchObject({ ok: false, index: 1, problem: 'wrong-seq' });
  });

  it('reports blank lines and JSON that is not a record', () => {
    const text = `${recordLine(records[0]!)}\n{"seq":1}\n${recordLine(records[1]!)}`;
    const result = parseRecordLines(text);
    expect(result.problems).toEqual([
      { line: 2, problem: 'blank line' },
      { line: 3, problem: expect.stringMatching(/^not a review record/) },
    ]);
    expect(result.records).toEqual(records.slice(0, 2));
  });

  it('reports a valid-JSON last line that is not a record, even without a newline', () => {
    const result = parseRecordLines(`${log}[1,2]`);
    expect(result.unfinished).toBe('');
    expect(result.problems).toEqual([{ line: 5, problem: expect.stringMatching(/^not a review record/) }]);
  });

  it('treats any cut inside the last record as a torn tail', () => {
    const last = recordLine(records[3]!);
    const before = records.slice(0, 3).map(recordLine).join('');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: last.length - 2 }), (cut) => {
        expect(parseRecordLines(before + last.slice(0, cut))).toEqual({ records: records.slice(0, 3), unfinished: last.slice(0, cut), problems: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '"', ':', ',', '\n', 'a', '1', ' ', '[', ']') }), (text) => {
        const result = parseRecordLines(text);
        expect(result.problems.every((p) => p.line >= 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countChanges, diffText, sideText, tidyParts, type DiffPart } from '../../../src/shared/history/text-diff';

const eq = (text: string): DiffPart => ({ kind: 'equal', text });
const ins = (text: string): DiffPart => ({ kind: 'insert', text });
const del = (text: string): DiffPart => ({ kind: 'delete', text });

describe('diffText in English', () => {
  it('marks whole words, with a delete before the insert that replaces it', () => {
    expect(diffText('The quick brown fox jumps over the lazy dog.', 'The quick red fox jumped over the dog.', 'en')).toEqual([
      eq('The quick '),
      del('brown'),
      ins('red'),
      eq(' fox '),
      del('jumps'),
      ins('jumped'),
      eq(' over the '),
      del('lazy '),
      eq('dog.'),
    ]);
  });

  it('inserts words', () => {
    expect(diffText('Hello world', 'Hello brave new world', 'en')).toEqual([eq('Hello '), ins('brave new '), eq('world')]);
  });

  it('folds the space between two changed words into one change', () => {
    expect(diffText('a big red car', 'a small blue car', 'en')).toEqual([eq('a '), del('big red'), ins('small blue'), eq(' car')]);
  });

  it('keeps numbers and contractions whole', () => {
    expect(diffText("GDP grew 5.2% and won't slow.", "GDP grew 5.4% and can't slow.", 'en')).toEqual([
      eq('GDP grew '),
      del('5.2'),
      ins('5.4'),
      eq('% and '),
      del("won't"),
      ins("can't"),
      eq(' slow.'),
    ]);
  });

  it('handles empty and equal texts', () => {
    expect(diffText('', '', 'en')).toEqual([]);
    expect(diffText('same', 'same', 'en')).toEqual([eq('same')]);
    expect(diffText('', 'new', 'en')).toEqual([ins('new')]);
    expect(diffText('old', '', 'en')).toEqual([del('old')]);
  });
});

describe('diffText in Chinese', () => {
  it('marks whole words as the segmenter finds them', () => {
    expect(diffText('我们今天去北京大学参加会议。', '我们明天去北京大学参加AI会议。', 'zh-CN')).toEqual([
      eq('我们'),
      del('今天'),
      ins('明天'),
      eq('去北京大学参加'),
      ins('AI'),
      eq('会议。'),
    ]);
    expect(diffText('云岭市政府推动数字化转型，取得了阶段性成果。', '云岭市政府加快数字化转型，取得了显著成果。', 'zh-CN')).toEqual([
      eq('云岭市政府'),
      del('推动'),
      ins('加快'),
      eq('数字化转型，取得了'),
      del('阶段性'),
      ins('显著'),
      eq('成果。'),
    ]);
  });

  it('handles mixed Chinese and English, numbers and added clauses', () => {
    expect(diffText('据统计，GDP增长5.2%。', '据统计，GDP增长5.4%，超出预期。', 'zh-CN')).toEqual([
      eq('据统计，GDP增长'),
      del('5.2'),
      ins('5.4'),
      eq('%'),
      ins('，超出预期'),
      eq('。'),
    ]);
  });

  it('compares long paragraphs clause by clause', () => {
    const clause = (i: number) => `第${i}句话讲的是茶园的数字化，`;
    const before = Array.from({ length: 40 }, (_, i) => clause(i)).join('') + '结束。';
    const after = before.replace(clause(20), '新插入的一句，' + clause(20)).replace('结束。', '全文完。');
    expect(diffText(before, after, 'zh-CN')).toEqual([
      eq(Array.from({ length: 20 }, (_, i) => clause(i)).join('')),
      ins('新插入的一句，'),
      eq(Array.from({ length: 20 }, (_, i) => clause(i + 20)).join('')),
      del('结束'),
      ins('全文完'),
      eq('。'),
    ]);
  });
});

describe('tidyParts', () => {
  it('drops empty parts, joins runs and puts deletes first', () => {
    expect(tidyParts([eq('a'), eq(''), ins('x'), del('y'), ins('z'), eq('b'), eq('c')])).toEqual([eq('a'), del('y'), ins('xz'), eq('bc')]);
  });

  it('folds spaces between changes, but not other equal text', () => {
    expect(tidyParts([del('a'), eq(' '), del('b')])).toEqual([del('a b'), ins(' ')]);
    expect(tidyParts([del('a'), eq(' x '), ins('b')])).toEqual([del('a'), eq(' x '), ins('b')]);
    expect(tidyParts([eq(' '), del('a'), eq(' ')])).toEqual([eq(' '), del('a'), eq(' ')]);
  });
});

describe('countChanges', () => {
  it('counts code points', () => {
    expect(countChanges([eq('同'), ins('新增😀'), del('ab')])).toEqual({ insertions: 3, deletions: 2 });
  });
});

const PIECES = ['我们', '今天', '明天', '北京', '大学', '会议', '，', '。', ' ', 'the ', 'quick', 'fox', '5.2', '%', '😀', '\n', 'AI', '的', 'e\u0301', '“', '”'];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('diffText properties', () => {
  it('spells the older text with equal and delete parts, the newer with equal and insert parts', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom('zh-CN', 'en'), (a, b, language) => {
        const parts = diffText(a, b, language);
        expect(sideText(parts, 'a')).toBe(a);
        expect(sideText(parts, 'b')).toBe(b);
        expect(parts.every((part) => part.text !== '')).toBe(true);
        // Tidy: no two equal parts in a row, and a delete never follows an insert directly.
        parts.forEach((part, i) => {
          const next = parts[i + 1];
          if (next) expect(part.kind === next.kind || (part.kind === 'insert' && next.kind === 'delete')).toBe(false);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('finds no change in equal texts and only changes when nothing is shared', () => {
    fc.assert(
      fc.property(text, (a) => {
        expect(diffText(a, a, 'zh-CN')).toEqual(a ? [eq(a)] : []);
      }),
    );
  });
});

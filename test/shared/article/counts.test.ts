import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCounts, countText } from '../../../src/shared/article/counts';

describe('countText', () => {
  it.each([
    ['', 0, 0, 0],
    ['  \n\t\u3000 ', 0, 0, 0],
    ['千年茶山', 4, 0, 4],
    ['你好，world 2024 年', 3, 1, 13],
    ["don't e-mail COVID-19 3.5 U.S. 2024年", 1, 4, 31],
    ['Hello,world', 0, 2, 11],
    ['café naïve', 0, 2, 9],
    ['2024 3.5 100%', 0, 0, 11],
    ['雾溪县 had 28万亩 of tea in 2024', 5, 4, 21],
  ])('counts %j as %i Chinese characters, %i Latin words, %i characters', (text, chineseCharacters, latinWords, characters) => {
    expect(countText(text)).toEqual({ chineseCharacters, latinWords, characters });
  });

  it('counts a character outside the Basic Multilingual Plane once', () => {
    expect(countText('𠀀a')).toEqual({ chineseCharacters: 1, latinWords: 1, characters: 2 });
  });
});

describe('addCounts', () => {
  it('adds field by field', () => {
    expect(addCounts({ chineseCharacters: 1, latinWords: 2, characters: 3 }, { chineseCharacters: 10, latinWords: 20, characters: 30 })).toEqual({
      chineseCharacters: 11,
      latinWords: 22,
      characters: 33,
    });
  });
});

const mixedText = fc.string({
  unit: fc.constantFrom(...'新闻稿件审校茶山，。“”abcXYZéü019 .-\'\n\t'.split('')),
  maxLength: 60,
});

describe('countText over joined texts', () => {
  it('counts of a and b joined by a space are the sum of their counts', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, fc.string({ unit: 'grapheme' })), fc.oneof(mixedText, fc.string({ unit: 'grapheme' })), (a, b) => {
        expect(countText(`${a} ${b}`)).toEqual(addCounts(countText(a), countText(b)));
      }),
    );
  });

  it('never counts more Chinese characters than characters', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, fc.string({ unit: 'grapheme' })), (text) => {
        const counts = countText(text);
        expect(counts.chineseCharacters).toBeLessThanOrEqual(counts.characters);
        expect(counts.latinWords).toBeLessThanOrEqual(counts.characters);
      }),
    );
  });
});

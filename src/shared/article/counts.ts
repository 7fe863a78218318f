export interface TextCounts {
  /** Han characters. */
  chineseCharacters: number;
  /** Runs of Latin letters (with digits, apostrophes, hyphens); bare numbers are not words. */
  latinWords: number;
  /** Every character except whitespace. */
  characters: number;
}

export interface ArticleCounts extends TextCounts {
  figures: number;
  figuresWithoutCaption: number;
}

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{Script=Latin}\d][\p{Script=Latin}\d'’.-]*/gu;
const HAS_LATIN_LETTER = /\p{Script=Latin}/u;
const WHITESPACE = /\s/u;

export function countText(text: string): TextCounts {
  let chineseCharacters = 0;
  let characters = 0;
  for (const ch of text) {
    if (WHITESPACE.test(ch)) continue;
    characters++;
    if (HAN.test(ch)) chineseCharacters++;
  }
  let latinWords = 0;
  for (const word of text.match(WORD) ?? []) if (HAS_LATIN_LETTER.test(word)) latinWords++;
  return { chineseCharacters, latinWords, characters };
}

export function addCounts(a: TextCounts, b: TextCounts): TextCounts {
  return {
    chineseCharacters: a.chineseCharacters + b.chineseCharacters,
    latinWords: a.latinWords + b.latinWords,
    characters: a.characters + b.characters,
  };
}

/**
 * How search sees characters. Text is compared after NFKC (full-width forms become half-width,
 * compatibility ideographs become unified ones), lower case, and without diacritics, one code
 * point at a time, so every normalized character still knows where it came from.
 */

/** Han ideographs, kana and 〇: scripts written without spaces, indexed as character bigrams. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x20000 && code <= 0x3134f) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    code === 0x3007
  );
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const MARKS = /\p{M}/gu;
const folded = new Map<number, string>();

/**
 * The code point as search compares it: '' for anything that is not part of a word (spaces,
 * punctuation, symbols, marks left alone). May be longer than one character (NFKC of ㈱ is "(株)").
 */
export function foldCodePoint(code: number): string {
  if (code < 0x80) {
    if (code >= 0x61 && code <= 0x7a) return String.fromCharCode(code);
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
    if (code >= 0x30 && code <= 0x39) return String.fromCharCode(code);
    return '';
  }
  if (code >= 0x4e00 && code <= 0x9fff) return String.fromCharCode(code);
  let result = folded.get(code);
  if (result === undefined) {
    const compatible = String.fromCodePoint(code).normalize('NFKC');
    // Kana keep their voicing marks (が is not か); Latin, Greek and Cyrillic lose their accents.
    const normalized = isCjk(code) ? compatible : compatible.toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC');
    result = '';
    for (const char of normalized) if (LETTER_OR_NUMBER.test(char)) result += char;
    folded.set(code, result);
  }
  return result;
}

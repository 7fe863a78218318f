import { foldCodePoint, isCjk } from './characters';

/**
 * The words search indexes and looks for. Latin, Cyrillic, digits and the like make whole words
 * ("Supply-chain" → supply, chain). Han and kana, written without spaces, make overlapping
 * character bigrams, and each run's last character also stands alone: 贵州茶叶 → 贵州 州茶 茶叶 叶.
 * A phrase is then a run of consecutive tokens, so any substring of two or more characters is
 * found exactly, and a single character is found through the bigrams it starts and the run it ends.
 */
export interface Token {
  text: string;
  /** UTF-16 offsets of the token in the original text. */
  start: number;
  end: number;
  cjk: boolean;
  /** For a bigram: where its first character ends, so a one-character match marks only that. */
  headEnd: number;
}

/** Longer words are cut: nobody searches for them, and they would only bloat the index. */
export const MAX_WORD = 40;

export type TokenSink = (text: string, start: number, end: number, cjk: boolean, headEnd: number) => void;

/** Calls `emit` for each token of `text`, in order. Hot: it reads every character of the archive. */
export function scanTokens(text: string, emit: TokenSink): void {
  // The current word: [wordStart, wordEnd) of the text; `folded` holds it only once a character
  // needed folding beyond ASCII lower case (until then the slice, lower-cased, is the word).
  let wordStart = -1;
  let wordEnd = 0;
  let folded = null as string | null;
  // The previous character of the current Han/kana run.
  let previous = '';
  let previousStart = 0;
  let previousEnd = 0;
  const endWord = () => {
    if (wordStart < 0) return;
    const word = folded ?? text.slice(wordStart, wordEnd).toLowerCase();
    emit(word.length > MAX_WORD ? word.slice(0, MAX_WORD) : word, wordStart, wordEnd, false, wordEnd);
    wordStart = -1;
    folded = null;
  };
  const endRun = () => {
    if (previous !== '') emit(previous, previousStart, previousEnd, true, previousEnd);
    previous = '';
  };
  const cjkChar = (char: string, start: number, end: number) => {
    endWord();
    if (previous !== '') emit(previous + char, previousStart, end, true, previousEnd);
    previous = char;
    previousStart = start;
    previousEnd = end;
  };
  /** A word character that needed folding (an ASCII one is handled inline below). */
  const foldedWordChar = (char: string, start: number, end: number) => {
    endRun();
    if (wordStart < 0) {
      wordStart = start;
      folded = '';
    } else if (folded === null) {
      folded = text.slice(wordStart, wordEnd).toLowerCase();
    }
    folded += char;
    wordEnd = end;
  };
  const length = text.length;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)) {
        if (previous !== '') endRun();
        if (wordStart < 0) wordStart = index;
        else if (folded !== null) folded += String.fromCharCode(code >= 0x41 && code <= 0x5a ? code + 32 : code);
        wordEnd = index + 1;
      } else {
        endWord();
        endRun();
      }
      index++;
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      cjkChar(text[index]!, index, index + 1);
      index++;
      continue;
    }
    const point = text.codePointAt(index)!;
    const next = index + (point > 0xffff ? 2 : 1);
    const fold = foldCodePoint(point);
    if (fold === '') {
      endWord();
      endRun();
    }
    for (const char of fold) {
      if (isCjk(char.codePointAt(0)!)) cjkChar(char, index, next);
      else foldedWordChar(char, index, next);
    }
    index = next;
  }
  endWord();
  endRun();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (token, start, end, cjk, headEnd) => tokens.push({ text: token, start, end, cjk, headEnd }));
  return tokens;
}

/** The tokens alone, space-separated: what the full-text index stores for a field. */
export function tokenString(text: string): string {
  const parts: string[] = [];
  scanTokens(text, (token) => parts.push(token));
  return parts.join(' ');
}

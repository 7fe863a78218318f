/**
 * Quote marks and brackets come in pairs within a paragraph (or field). By newsroom convention
 * a quotation running over several paragraphs opens each of them and closes only the last, so
 * an unclosed opening quote is accepted when the next body block starts with the same mark.
 */
import { articleRule, editedText, type FixEdit, type SegmentFinding } from '../rule';
import type { Segment } from '../segments';
import { isAsciiLetter, isDigit, isLatinLetter, isWhitespace, q, textAfter, textBefore } from '../text';

const PAIRS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '〈': '〉',
  '（': '）',
  '【': '】',
  '〔': '〕',
  '「': '」',
  '『': '』',
  '(': ')',
  '[': ']',
};
const OPENER_OF: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([open, close]) => [close, open]));
/** Openers that may be left open at the end of a paragraph of a multi-paragraph quotation. */
const QUOTES = new Set(['“', '‘', '「', '『', '"']);
const CANDIDATES = /[“”‘’《》〈〉（）【】〔〕「」『』()[\]"]/g;
const PAIR_CHARS = /[“”‘’《》〈〉（）【】〔〕「」『』()[\]"]/;

interface Unmatched {
  index: number;
  char: string;
  open: boolean;
}

export interface PairFacts {
  unmatched: Unmatched[];
  /** The first character after leading whitespace, or ''. */
  first: string;
}

const NONE: PairFacts = { unmatched: [], first: '' };

function firstVisible(text: string): string {
  for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) return text[i]!;
  return '';
}

/** ’ between letters is an apostrophe (don’t, Xi’an), not a closing quote. */
function isApostrophe(text: string, i: number): boolean {
  return i > 0 && isLatinLetter(text.charCodeAt(i - 1)) && i + 1 < text.length && isLatinLetter(text.charCodeAt(i + 1));
}

/** “1)” or “a)” at the start of a line or after a space: a list marker, not a bracket. */
function isEnumerator(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && j >= i - 2 && (isDigit(text.charCodeAt(j)) || isAsciiLetter(text.charCodeAt(j)))) j--;
  if (j === i - 1) return text[j] === ':' || text[j] === ';'; // :) ;)
  return j < 0 || isWhitespace(text.charCodeAt(j));
}

export function scanPairs(text: string): PairFacts {
  CANDIDATES.lastIndex = 0;
  if (!CANDIDATES.test(text)) return { unmatched: NONE.unmatched, first: firstVisible(text) };
  const stack: Unmatched[] = [];
  const unmatched: Unmatched[] = [];
  let straight = -1;
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(text); m !== null; m = CANDIDATES.exec(text)) {
    const char = m[0];
    const i = m.index;
    if (char === '"') {
      straight = straight < 0 ? i : -1;
      continue;
    }
    if (PAIRS[char] !== undefined) {
      stack.push({ index: i, char, open: true });
      continue;
    }
    const opener = OPENER_OF[char]!;
    if (char === '’' && isApostrophe(text, i)) continue;
    let depth = stack.length - 1;
    while (depth >= 0 && stack[depth]!.char !== opener) depth--;
    if (depth < 0) {
      // A lone ’ is an apostrophe (the teachers’ union); 1) and :) are not brackets.
      if (char === '’' || (char === ')' && isEnumerator(text, i))) continue;
      unmatched.push({ index: i, char, open: false });
      continue;
    }
    for (let k = depth + 1; k < stack.length; k++) unmatched.push(stack[k]!);
    stack.length = depth;
  }
  unmatched.push(...stack);
  if (straight >= 0) unmatched.push({ index: straight, char: '"', open: true });
  unmatched.sort((a, b) => a.index - b.index);
  return { unmatched, first: firstVisible(text) };
}

/** Index of the next body block after segment `from` (figures' captions skipped), or -1. */
export function nextBodyBlock(segments: readonly Segment[], from: number): number {
  for (let i = from + 1; i < segments.length; i++) if (segments[i]!.field === 'body') return i;
  return -1;
}

/**
 * No mark in or within three characters of the edit (an apostrophe and a list marker are told by
 * their neighbours), and the first visible character untouched: the pairing cannot change.
 */
function farFromPairs(edit: FixEdit): boolean {
  const text = edit.segment.text;
  const near = text.slice(Math.max(0, edit.start - 3), edit.end + 3) + edit.replacement;
  if (PAIR_CHARS.test(near)) return false;
  let first = 0;
  while (first < text.length && isWhitespace(text.charCodeAt(first))) first++;
  return edit.start > first;
}

/** The same marks left unmatched, and the same first character (which may carry on a quotation). */
function samePairing(a: PairFacts, b: PairFacts, firstMatters: boolean): boolean {
  if (firstMatters && a.first !== b.first && (QUOTES.has(a.first) || QUOTES.has(b.first))) return false;
  return a.unmatched.length === b.unmatched.length && a.unmatched.every((u, i) => u.char === b.unmatched[i]!.char && u.open === b.unmatched[i]!.open);
}

export const unbalancedPairsRule = articleRule<PairFacts>('unbalanced-pairs', () => ({
  scan: scanPairs,
  // Another rule's fix must not unbalance a pair. Quote-style fixes check the paragraph before themselves.
  allowsFix(edit) {
    if (farFromPairs(edit)) return true;
    return samePairing(scanPairs(edit.segment.text), scanPairs(editedText(edit)), edit.rule !== 'quote-style-mix');
  },
  collect({ segments, facts }) {
    const out: SegmentFinding[] = [];
    for (let s = 0; s < segments.length; s++) {
      const { unmatched } = facts[s]!;
      if (unmatched.length === 0) continue;
      const segment = segments[s]!;
      let continued: string | null = null;
      if (segment.field === 'body') {
        const next = nextBodyBlock(segments, s);
        continued = next >= 0 ? facts[next]!.first : null;
      }
      for (const item of unmatched) {
        if (item.open && continued === item.char && QUOTES.has(item.char)) continue;
        const text = segment.text;
        const closer = item.char === '"' ? '"' : (PAIRS[item.char] ?? item.char);
        const opener = item.char === '"' ? '"' : (OPENER_OF[item.char] ?? item.char);
        const context = item.open ? q(`${item.char}${textAfter(text, item.index + 1, 12)}`) : q(`${textBefore(text, item.index, 12)}${item.char}`);
        out.push({
          rule: 'unbalanced-pairs',
          segment: s,
          start: item.index,
          end: item.index + 1,
          message: item.open
            ? { en: `The opening ${item.char} has no closing ${closer}: ${context}`, 'zh-CN': `“${item.char}”没有对应的“${closer}”：${context}` }
            : { en: `The closing ${item.char} has no opening ${opener}: ${context}`, 'zh-CN': `“${item.char}”没有对应的“${opener}”：${context}` },
        });
      }
    }
    return out;
  },
}));

import type { QueryTerm } from './query';
import type { Token } from './tokenize';

/** A stretch of a field's text, in UTF-16 offsets: [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where `term` occurs among a field's tokens, with the same rule the index applies: its tokens
 * one after another, the last one as a prefix when the term says so.
 */
export function termRanges(tokens: readonly Token[], term: QueryTerm): TextRange[] {
  const wanted = term.tokens;
  const ranges: TextRange[] = [];
  const lastIndex = wanted.length - 1;
  for (let at = 0; at + lastIndex < tokens.length; at++) {
    let ok = true;
    for (let k = 0; k <= lastIndex && ok; k++) {
      const token = tokens[at + k]!.text;
      ok = k === lastIndex && term.prefix ? token.startsWith(wanted[k]!) : token === wanted[k];
    }
    if (!ok) continue;
    const last = tokens[at + lastIndex]!;
    // A lone character found as the head of a bigram marks that character, not the pair.
    const partial = term.prefix && last.cjk && last.text !== wanted[lastIndex];
    ranges.push({ start: tokens[at]!.start, end: partial ? last.headEnd : last.end });
  }
  return ranges;
}

/** Overlapping or touching ranges merged, in order. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

import { mergeRanges, termRanges, type TextRange } from './matches';
import type { Place, PlacedText } from './places';
import type { ParsedQuery } from './query';
import { tokenize } from './tokenize';

/** Where a hit is: the place and the first match in it, in UTF-16 offsets of the place's text. */
export interface HitLocation extends Place {
  start: number;
  end: number;
}

/** A short stretch of the text around a match, and what to mark in it. Plain text: the page marks it. */
export interface Snippet {
  location: HitLocation;
  text: string;
  /** Offsets into `text`. */
  highlights: TextRange[];
  /** Text was left out before / after the stretch. */
  cutBefore: boolean;
  cutAfter: boolean;
}

export const SNIPPET_LENGTH = 90;
/** How much of the stretch comes before the first match. */
const LEAD = 24;

interface Found {
  place: PlacedText;
  ranges: TextRange[];
  terms: number;
}

/**
 * Text of ASCII, common Han and punctuation only: every token in it appears as it is in the text
 * (lower-cased), so a term with a token the text does not contain cannot match there.
 */
const PLAIN = /^[\t\n\r\x20-\x7f\u4e00-\u9fff\u2000-\u206f\u3000-\u3003\u3008-\u3011\uff01-\uff0f\uff1a-\uff20]*$/u;

function cannotMatch(text: string, query: ParsedQuery): boolean {
  if (!PLAIN.test(text)) return false;
  const lower = text.toLowerCase();
  return query.terms.every((term) => term.tokens.some((token) => !lower.includes(token)));
}

function find(place: PlacedText, query: ParsedQuery): Found {
  if (cannotMatch(place.text, query)) return { place, ranges: [], terms: 0 };
  const tokens = tokenize(place.text);
  let terms = 0;
  const ranges: TextRange[] = [];
  for (const term of query.terms) {
    const found = termRanges(tokens, term);
    if (found.length > 0) terms++;
    ranges.push(...found);
  }
  return { place, ranges: mergeRanges(ranges), terms };
}

/** Where the query's terms are marked in one text (the headline of a listed hit, say). */
export function highlightsIn(text: string, query: ParsedQuery): TextRange[] {
  return find({ field: 'headline', text }, query).ranges;
}

/**
 * The best place to show for a hit: the one with the most of the query's terms, the earliest in
 * reading order among equals, the headline only when nothing else matches (the list shows the
 * headline anyway). Null when no place matches (an index that is out of date).
 */
export function bestSnippet(places: readonly PlacedText[], query: ParsedQuery, length = SNIPPET_LENGTH): Snippet | null {
  let best: Found | null = null;
  for (const place of places) {
    const found = find(place, query);
    if (found.terms === 0) continue;
    const better = !best || found.terms > best.terms || (best.place.field === 'headline' && found.terms === best.terms);
    if (better) best = found;
    if (best && best.terms === query.terms.length && best.place.field !== 'headline') break;
  }
  return best ? snippetOf(best, length) : null;
}

function snippetOf({ place, ranges }: Found, length: number): Snippet {
  const { text: _text, ...where } = place;
  const first = ranges[0]!;
  const text = place.text;
  let from = Math.max(0, first.start - LEAD);
  const to = Math.min(text.length, from + length);
  from = Math.max(0, Math.min(from, to - length));
  const start = offSurrogate(text, from);
  const end = offSurrogate(text, to);
  return {
    location: { ...where, start: first.start, end: first.end },
    text: text.slice(start, end).replace(/\s/gu, ' '),
    highlights: ranges.filter((r) => r.start < end && r.end > start).map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start })),
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}

/** Moves an offset off the second half of a surrogate pair. */
function offSurrogate(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index > 0 && index < text.length && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

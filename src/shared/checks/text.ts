/** Character classes and small string helpers shared by the rules. All offsets are UTF-16. */

/** A Han character (CJK Unified Ideographs, Extension A, compatibility ideographs) or 〇. */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3007;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

export function isLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A Latin letter: ASCII, Latin-1 and Latin Extended-A/B (× and ÷ excluded). */
export function isLatinLetter(code: number): boolean {
  if (isAsciiLetter(code)) return true;
  return code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7;
}

export function isWordChar(code: number): boolean {
  return isLatinLetter(code) || isDigit(code);
}

/** Space characters that may sit inside a line: space, no-break space, ideographic space. */
export function isInlineSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x3000;
}

export function isWhitespace(code: number): boolean {
  return isInlineSpace(code) || code === 0x0a || code === 0x09 || code === 0x0d;
}

const MAX_NAMED = 24;

/** Does not cut a surrogate pair in two: moves `index` off a low surrogate. */
function safeIndex(text: string, index: number, direction: -1 | 1): number {
  const code = text.charCodeAt(index);
  if (index > 0 && index < text.length && code >= 0xdc00 && code <= 0xdfff) return index + (direction === 1 ? 1 : -1);
  return index;
}

/** The text in [start, end), shortened in the middle when long, for naming it in a message. */
export function named(text: string, start = 0, end = text.length): string {
  if (end - start <= MAX_NAMED) return text.slice(start, end);
  const half = MAX_NAMED / 2;
  return `${text.slice(start, safeIndex(text, start + half, -1))}…${text.slice(safeIndex(text, end - half, 1), end)}`;
}

/** Up to `count` characters before `index`, with an ellipsis when cut. */
export function textBefore(text: string, index: number, count = 10): string {
  const from = safeIndex(text, Math.max(0, index - count), 1);
  return `${from > 0 ? '…' : ''}${text.slice(from, index)}`;
}

/** Up to `count` characters from `index`, with an ellipsis when cut. */
export function textAfter(text: string, index: number, count = 10): string {
  const to = safeIndex(text, Math.min(text.length, index + count), -1);
  return `${text.slice(index, to)}${to < text.length ? '…' : ''}`;
}

/** The offending text with a little context on each side: “…for Guizhou, It is…”. */
export function inContext(text: string, start: number, end: number, count = 8): string {
  return `${textBefore(text, start, count)}${named(text, start, end)}${textAfter(text, end, count)}`;
}

/** Quotes text for a message, in the same marks in both interface languages. */
export function q(text: string): string {
  return `“${text}”`;
}

/** Number of Unicode code points in `text` that are not whitespace. */
export function visibleLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (!isWhitespace(code)) count++;
  }
  return count;
}

/** Number of Unicode code points. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}

/** FNV-1a, 32 bits, in base 36: a short fingerprint of the offending text for finding ids. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

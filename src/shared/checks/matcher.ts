/**
 * Finds many literal strings in a text in one pass: a regular expression made of a single
 * character class (the patterns' first characters, so it cannot backtrack) jumps to where a
 * match may start, and only there are the candidates (longest first) compared. Patterns that
 * start or end with a Latin letter or digit match whole words only.
 */
import { isWordChar } from './text';

export interface Match {
  start: number;
  end: number;
  /** Index of the pattern in the list given to the matcher. */
  pattern: number;
}

export class Matcher {
  private readonly starts: RegExp | null;
  private readonly byFirst = new Map<number, number[]>();
  private readonly wordStart: boolean[];
  private readonly wordEnd: boolean[];

  constructor(private readonly patterns: readonly string[]) {
    this.wordStart = patterns.map((p) => p.length > 0 && isWordChar(p.charCodeAt(0)));
    this.wordEnd = patterns.map((p) => p.length > 0 && isWordChar(p.charCodeAt(p.length - 1)));
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) return;
      const code = pattern.charCodeAt(0);
      const list = this.byFirst.get(code) ?? [];
      list.push(index);
      this.byFirst.set(code, list);
    });
    for (const list of this.byFirst.values()) list.sort((a, b) => patterns[b]!.length - patterns[a]!.length);
    const firsts = [...this.byFirst.keys()].map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('');
    this.starts = firsts === '' ? null : new RegExp(`[${firsts}]`, 'g');
  }

  get empty(): boolean {
    return this.byFirst.size === 0;
  }

  /**
   * Leftmost-longest matches that do not overlap. `accept` may refuse a match (the scan then
   * tries shorter patterns at that place, then moves on).
   */
  find(text: string, accept: (match: Match) => boolean = () => true): Match[] {
    const out: Match[] = [];
    const { starts, byFirst, patterns } = this;
    if (starts === null) return out;
    starts.lastIndex = 0;
    while (starts.test(text)) {
      const i = starts.lastIndex - 1;
      for (const index of byFirst.get(text.charCodeAt(i))!) {
        const pattern = patterns[index]!;
        if (!text.startsWith(pattern, i)) continue;
        const end = i + pattern.length;
        if (this.wordStart[index] && i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
        if (this.wordEnd[index] && end < text.length && isWordChar(text.charCodeAt(end))) continue;
        const match = { start: i, end, pattern: index };
        if (!accept(match)) continue;
        out.push(match);
        starts.lastIndex = end;
        break;
      }
    }
    return out;
  }
}

/**
 * A paragraph that stops mid-sentence while the next paragraph carries on with the same
 * sentence — usually a stray line break in pasted copy. The end of a paragraph (or block
 * quote) is “open” when its last character is a comma, a letter, a digit, a Han character or
 * a closing quote with no full stop inside it; the next body block (figures in between are
 * skipped) must be a paragraph that starts mid-sentence: a lower-case English word, a comma or
 * stop, or — after a Han character, a comma or a quote — a Han character. Headings and lists
 * are not checked.
 */
import { articleRule, type SegmentFinding } from '../rule';
import { isDigit, isHan, isLatinLetter, isLower, isUpper, isWhitespace, q, textAfter } from '../text';
import { nextBodyBlock } from './unbalanced-pairs';

type EndClass = 'closed' | 'comma' | 'han' | 'latin' | 'quote';
type StartClass = 'other' | 'lower' | 'han' | 'continuation';

export interface SentenceEdges {
  end: EndClass;
  start: StartClass;
  /** Where the last few characters (named in the message) begin and end. */
  tailStart: number;
  tailEnd: number;
}

const FINAL = new Set('。！？.!?…：:；;—'.split(''));
const COMMAS = new Set('，,、'.split(''));
const CLOSING_QUOTES = new Set('”’"\'」』'.split(''));
const CONTINUATION = new Set('，,、；;。.：:）)'.split(''));
const TAIL = 8;

function endClass(text: string, last: number): EndClass {
  const char = text[last]!;
  if (FINAL.has(char)) return 'closed';
  if (COMMAS.has(char)) return 'comma';
  const code = text.charCodeAt(last);
  if (isHan(code)) return 'han';
  if (isLatinLetter(code) || isDigit(code)) return 'latin';
  if (CLOSING_QUOTES.has(char)) return last > 0 && FINAL.has(text[last - 1]!) ? 'closed' : 'quote';
  return 'closed';
}

function startClass(text: string, first: number): StartClass {
  const char = text[first]!;
  const code = text.charCodeAt(first);
  if (CONTINUATION.has(char)) return 'continuation';
  if (isHan(code)) return 'han';
  if (isLower(code)) {
    // iPhone, eBay: a lower-case first letter with a capital inside is a name.
    let j = first + 1;
    while (j < text.length && isLatinLetter(text.charCodeAt(j))) {
      if (isUpper(text.charCodeAt(j))) return 'other';
      j++;
    }
    return 'lower';
  }
  return 'other';
}

export function scanEdges(text: string): SentenceEdges {
  let last = text.length - 1;
  while (last >= 0 && isWhitespace(text.charCodeAt(last))) last--;
  if (last < 0) return { end: 'closed', start: 'other', tailStart: 0, tailEnd: 0 };
  let first = 0;
  while (isWhitespace(text.charCodeAt(first))) first++;
  let tailStart = Math.max(0, last + 1 - TAIL);
  if (tailStart > 0 && text.charCodeAt(tailStart) >= 0xdc00 && text.charCodeAt(tailStart) <= 0xdfff) tailStart++;
  return { end: endClass(text, last), start: startClass(text, first), tailStart, tailEnd: last + 1 };
}

function carriesOn(end: EndClass, start: StartClass): boolean {
  if (end === 'closed' || start === 'other') return false;
  if (start === 'continuation' || start === 'lower') return true;
  // start === 'han'
  return end === 'han' || end === 'comma' || end === 'quote';
}

export const brokenSentenceRule = articleRule<SentenceEdges>('broken-sentence', () => ({
  scan: scanEdges,
  collect({ segments, facts }) {
    const out: SegmentFinding[] = [];
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s]!;
      if (segment.field !== 'body' || (segment.kind !== 'paragraph' && segment.kind !== 'quote')) continue;
      const edges = facts[s]!;
      if (edges.end === 'closed') continue;
      const n = nextBodyBlock(segments, s);
      if (n < 0 || segments[n]!.kind !== 'paragraph') continue;
      if (!carriesOn(edges.end, facts[n]!.start)) continue;
      const next = segments[n]!.text;
      const tail = q(`…${segment.text.slice(edges.tailStart, edges.tailEnd)}`);
      const head = q(textAfter(next.trimStart(), 0, TAIL));
      out.push({
        rule: 'broken-sentence',
        segment: s,
        start: edges.tailStart,
        end: edges.tailEnd,
        message: {
          en: `This paragraph stops mid-sentence at ${tail} and the next one carries on with ${head}. Join them, or finish the sentence.`,
          'zh-CN': `本段在句子中间结束（${tail}），下一段接着写（${head}），请合并两段或补全句子。`,
        },
      });
    }
    return out;
  },
}));

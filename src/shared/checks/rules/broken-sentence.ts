/**
 * A paragraph that stops mid-sentence while the next paragraph carries on with the same
 * sentence — usually a stray line break in pasted copy. The end of a paragraph (or block
 * quote) is “open” when its last character is a comma, a letter, a digit, a Han character or
 * a closing quote with no full stop inside it; the next body block (figures in between are
 * skipped) must be a paragraph that starts mid-sentence: a lower-case English word, a comma or
 * stop, a closing quote (the quotation began in the paragraph before), or — after a Han
 * character, a comma or a quote — a Han character. Opening quotes and brackets at the start are
 * looked through (…的 / “当家产业”…). After a comma anything carries on: a paragraph does not end
 * with a comma (…with new", / Innovation drives…). Headings and lists are not checked.
 */
import { articleRule, editedText, type SegmentFinding } from '../rule';
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
const CONTINUATION = new Set('，,、；;。.：:）)”’」』'.split(''));
/** Marks that open a quotation or an aside: the sentence goes on inside them. */
const OPENERS = new Set('“‘「『《〈（【([\''.split(''));
const STRAIGHT = '"';
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

/** A straight " at `i` that closes: a stop, comma or space follows it, or nothing. */
function closesStraight(text: string, i: number): boolean {
  const next = text[i + 1];
  return next === undefined || CONTINUATION.has(next) || isWhitespace(next.charCodeAt(0));
}

function startClass(text: string, at: number): StartClass {
  let first = at;
  if (text[first] === STRAIGHT && closesStraight(text, first)) return 'continuation';
  while (first < text.length && (OPENERS.has(text[first]!) || text[first] === STRAIGHT)) first++;
  if (first >= text.length) return 'other';
  const char = text[first]!;
  const code = text.charCodeAt(first);
  if (first === at && CONTINUATION.has(char)) return 'continuation';
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

/** The characters scanEdges reads are before `head` and from `tail` on: an edit strictly between leaves the edges as they are. */
function edgeReach(text: string): [number, number] {
  let head = 0;
  while (head < text.length && (isWhitespace(text.charCodeAt(head)) || OPENERS.has(text[head]!) || text[head] === STRAIGHT)) head++;
  while (head < text.length && isLatinLetter(text.charCodeAt(head))) head++;
  let tail = text.length - 1;
  while (tail >= 0 && isWhitespace(text.charCodeAt(tail))) tail--;
  return [head + 1, tail - 1];
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
  if (end === 'closed') return false;
  if (end === 'comma') return true;
  if (start === 'other') return false;
  if (start === 'continuation' || start === 'lower') return true;
  // start === 'han': after Chinese or a quotation, not straight after an English word.
  return end === 'han' || end === 'quote';
}

const END_CLASSES: readonly EndClass[] = ['closed', 'comma', 'han', 'latin', 'quote'];
const START_CLASSES: readonly StartClass[] = ['other', 'lower', 'han', 'continuation'];

/** An edit that makes a paragraph end, or start, so that it joins up with more than before could create a finding. */
function joinsMore(before: SentenceEdges, after: SentenceEdges): boolean {
  const newEnd = START_CLASSES.some((start) => carriesOn(after.end, start) && !carriesOn(before.end, start));
  const newStart = END_CLASSES.some((end) => carriesOn(end, after.start) && !carriesOn(end, before.start));
  return newEnd || newStart;
}

export const brokenSentenceRule = articleRule<SentenceEdges>('broken-sentence', () => ({
  scan: scanEdges,
  // Another rule's fix at the edge of a paragraph (3.5% → 百分之三点五) may make it join up with its neighbour.
  allowsFix(edit) {
    const { segment, start, end } = edit;
    if (segment.field !== 'body' || (segment.kind !== 'paragraph' && segment.kind !== 'quote')) return true;
    const [head, tail] = edgeReach(segment.text);
    if (start > head && end < tail) return true;
    return !joinsMore(scanEdges(segment.text), scanEdges(editedText(edit)));
  },
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

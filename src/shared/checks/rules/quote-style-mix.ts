/**
 * Curly “” and straight "" double quotes in the same article. The style used less (straight
 * when it is a tie) is marked, one finding per quote mark, each with the fix to the other style.
 */
import { articleRule, type SegmentFinding } from '../rule';
import { inContext, isWhitespace } from '../text';

export interface QuoteFacts {
  /** Indexes of “ and ”. */
  curly: number[];
  /** Indexes of ", each with whether it opens a quotation. */
  straight: Array<{ index: number; opens: boolean }>;
}

const EMPTY: QuoteFacts = { curly: [], straight: [] };
const CANDIDATES = /[“”"]/g;
const OPENING_CONTEXT = new Set('([{（【《「『—–-'.split(''));

function opensByContext(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text.charCodeAt(i - 1);
  return isWhitespace(before) || OPENING_CONTEXT.has(text[i - 1]!);
}

export function scanQuotes(text: string): QuoteFacts {
  CANDIDATES.lastIndex = 0;
  if (!CANDIDATES.test(text)) return EMPTY;
  const curly: number[] = [];
  const straightAt: number[] = [];
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(text); m !== null; m = CANDIDATES.exec(text)) (m[0] === '"' ? straightAt : curly).push(m.index);
  // Straight quotes pair up in order; an odd last one is read from what stands before it.
  const paired = straightAt.length - (straightAt.length % 2);
  const straight = straightAt.map((index, n) => ({ index, opens: n < paired ? n % 2 === 0 : opensByContext(text, index) }));
  return { curly, straight };
}

export const quoteStyleMixRule = articleRule<QuoteFacts>('quote-style-mix', () => ({
  scan: scanQuotes,
  collect({ segments, facts }) {
    let curly = 0;
    let straight = 0;
    for (const fact of facts) {
      curly += fact.curly.length;
      straight += fact.straight.length;
    }
    if (curly === 0 || straight === 0) return [];
    const markStraight = straight <= curly;
    const out: SegmentFinding[] = [];
    facts.forEach((fact, s) => {
      const text = segments[s]!.text;
      const marks = markStraight ? fact.straight.map((m) => ({ index: m.index, to: m.opens ? '“' : '”' })) : fact.curly.map((index) => ({ index, to: '"' }));
      for (const { index, to } of marks) {
        const shown = inContext(text, index, index + 1, 8);
        out.push({
          rule: 'quote-style-mix',
          segment: s,
          start: index,
          end: index + 1,
          message: markStraight
            ? {
                en: `Straight quote mark in “${shown}”, while the article mostly uses curly quotes “”. Use one style throughout.`,
                'zh-CN': `“${shown}”中用了直引号"，而全文多用弯引号“”，请统一。`,
              }
            : {
                en: `Curly quote mark in “${shown}”, while the article mostly uses straight quotes "". Use one style throughout.`,
                'zh-CN': `“${shown}”中用了弯引号，而全文多用直引号""，请统一。`,
              },
          fix: { label: { en: `Change to ${to}`, 'zh-CN': `改为${to}` }, replacement: to },
        });
      }
    });
    return out;
  },
}));

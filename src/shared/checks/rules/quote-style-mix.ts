/**
 * Double quote marks, judged by the script they stand in. Chinese text takes the full-width
 * “” (GB/T 15834), so a straight " there is marked whatever the rest of the article does.
 * English text follows the workspace's house style: curly, straight or — by default — the style
 * the article's English text uses more (curly on a tie).
 *
 * A quotation is Chinese when the nearest letter or character outside it, on either side, is
 * Chinese (a Han character or full-width punctuation), English when it is a Latin letter, and
 * otherwise goes by the first letter or character inside it. Digits belong to both scripts.
 *
 * One finding per quotation, over both of its marks, and the fix changes both: changing one mark
 * of a pair would leave two unmatched ones. No fix is offered where changing the marks could
 * unbalance something else: a lone mark, marks that do not pair up cleanly in the paragraph, a
 * quotation with an unmatched bracket inside, a space just inside a mark, or an opening mark that
 * carries on a quotation left open in the paragraph before.
 */
import { aroundEdit, articleRule, type RawFinding, type SegmentFinding } from '../rule';
import type { EnglishQuoteStyle } from '../settings';
import { isHan, isLatinLetter, isWhitespace, named, q } from '../text';
import { scanPairs } from './unbalanced-pairs';

type Script = 'zh' | 'en';
type Style = 'curly' | 'straight';

export interface Quotation {
  /** The opening mark, or the only mark of a lone one. */
  open: number;
  /** The closing mark; -1 for a lone mark. */
  close: number;
  script: Script;
  /** The style of its marks; null when a pair mixes both. */
  style: Style | null;
  /** Whether changing both marks to the other style leaves everything else as balanced as it was. */
  fixable: boolean;
  /** The opening mark is the first visible character of the text. */
  leads: boolean;
}

export interface QuoteFacts {
  quotations: Quotation[];
  /** The text leaves a quotation open, which the next paragraph may carry on (see unbalanced-pairs). */
  leavesOpen: boolean;
}

const EMPTY: QuoteFacts = { quotations: [], leavesOpen: false };
const MARKS = /[“”"]/g;
const STRAIGHT = '"';

function scriptOf(code: number): Script | null {
  if (isHan(code) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) return 'zh';
  if (isLatinLetter(code)) return 'en';
  return null;
}

/**
 * Finds the nearest letter or character with a script around positions asked for in increasing
 * order (quotations come in order), moving two cursors forward only: linear in the text.
 */
class ScriptCursor {
  private scanned = 0;
  private lastBefore = -1;
  /** The first such character at or after the last position asked for (text.length: none). */
  private next = -1;

  constructor(private readonly text: string) {}

  /** The script of the nearest such character before `index`. */
  before(index: number): Script | null {
    for (; this.scanned < index; this.scanned++) if (scriptOf(this.text.charCodeAt(this.scanned))) this.lastBefore = this.scanned;
    return this.lastBefore < 0 ? null : scriptOf(this.text.charCodeAt(this.lastBefore));
  }

  /** The script of the nearest such character at or after `from` and before `limit`. */
  after(from: number, limit = this.text.length): Script | null {
    if (this.next < from) {
      let i = from;
      while (i < this.text.length && !scriptOf(this.text.charCodeAt(i))) i++;
      this.next = i;
    }
    return this.next < limit ? scriptOf(this.text.charCodeAt(this.next)) : null;
  }
}

function quotationScript(cursor: ScriptCursor, open: number, close: number): Script {
  const end = close < 0 ? open : close;
  const before = cursor.before(open);
  const inside = cursor.after(open + 1, end);
  const after = cursor.after(end + 1);
  if (before === 'zh' || after === 'zh') return 'zh';
  if (before === 'en' || after === 'en') return 'en';
  return inside ?? 'en';
}

function styleOf(mark: string): Style {
  return mark === STRAIGHT ? 'straight' : 'curly';
}

/** Marks pair in order: “ or " opens, ” or " closes what is open. */
function pairMarks(text: string): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let pending = -1;
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m !== null; m = MARKS.exec(text)) {
    const i = m.index;
    if (m[0] === '“') {
      if (pending >= 0) pairs.push([pending, -1]);
      pending = i;
    } else if (pending >= 0) {
      pairs.push([pending, i]);
      pending = -1;
    } else if (m[0] === '”') pairs.push([i, -1]);
    else pending = i;
  }
  if (pending >= 0) pairs.push([pending, -1]);
  return pairs;
}

/** Nothing inside is left unmatched, and no space stands just inside a mark (“ yes ” is another rule's finding). */
function safeToChange(text: string, open: number, close: number): boolean {
  if (isWhitespace(text.charCodeAt(open + 1)) || isWhitespace(text.charCodeAt(close - 1))) return false;
  return scanPairs(text.slice(open + 1, close)).unmatched.length === 0;
}

export function scanQuotes(text: string): QuoteFacts {
  MARKS.lastIndex = 0;
  if (!MARKS.test(text)) return EMPTY;
  const pairs = pairMarks(text);
  // When every mark has its partner and each pair is of one style, the pairs are the ones unbalanced-pairs sees.
  const clean = pairs.every(([open, close]) => close >= 0 && styleOf(text[open]!) === styleOf(text[close]!));
  let first = 0;
  while (first < text.length && isWhitespace(text.charCodeAt(first))) first++;
  const cursor = new ScriptCursor(text);
  const quotations = pairs.map(([open, close]): Quotation => {
    const style = close < 0 || styleOf(text[open]!) === styleOf(text[close]!) ? styleOf(text[open]!) : null;
    const fixable = clean && style !== null && close > open + 1 && safeToChange(text, open, close);
    return { open, close, script: quotationScript(cursor, open, close), style, fixable, leads: open === first };
  });
  // As unbalanced-pairs sees it: a double quote left open, which the next paragraph may carry on.
  const leavesOpen = scanPairs(text).unmatched.some((u) => u.open && (u.char === '"' || u.char === '“'));
  return { quotations, leavesOpen };
}

const CURLY_MARKS = '“”';
const STRAIGHT_MARKS = '""';

function shown(text: string, quotation: Quotation): string {
  return q(named(text, quotation.open, quotation.close < 0 ? quotation.open + 1 : quotation.close + 1));
}

function chineseFinding(text: string, quotation: Quotation): Omit<RawFinding, 'fix'> {
  return {
    rule: 'quote-style-mix',
    start: quotation.open,
    end: quotation.close < 0 ? quotation.open + 1 : quotation.close + 1,
    message: {
      en: `Straight quotes in Chinese text: ${shown(text, quotation)}. Chinese uses the full-width “”.`,
      'zh-CN': `中文里的引号应为全角“”：${shown(text, quotation)}用了直引号。`,
    },
  };
}

function englishFinding(text: string, quotation: Quotation, wanted: Style, fromHouseStyle: boolean): Omit<RawFinding, 'fix'> {
  const found = wanted === 'curly' ? 'Straight' : 'Curly';
  const foundZh = wanted === 'curly' ? '直引号' : '弯引号';
  const marks = wanted === 'curly' ? CURLY_MARKS : STRAIGHT_MARKS;
  const wantedZh = `${wanted === 'curly' ? '弯引号' : '直引号'}${marks}`;
  return {
    rule: 'quote-style-mix',
    start: quotation.open,
    end: quotation.close < 0 ? quotation.open + 1 : quotation.close + 1,
    message: fromHouseStyle
      ? {
          en: `${found} quotes in ${shown(text, quotation)}: the house style for English is ${wanted} quotes ${marks}.`,
          'zh-CN': `${shown(text, quotation)}用了${foundZh}，本社英文统一用${wantedZh}。`,
        }
      : {
          en: `${found} quotes in ${shown(text, quotation)}, while the article’s English text mostly uses ${wanted} quotes ${marks}. Use one style throughout.`,
          'zh-CN': `${shown(text, quotation)}用了${foundZh}，而全文英文多用${wantedZh}，请统一。`,
        },
  };
}

function withMarks(text: string, quotation: Quotation, style: Style): string {
  const inner = text.slice(quotation.open + 1, quotation.close);
  return style === 'curly' ? `“${inner}”` : `"${inner}"`;
}

/** The English style to hold to: the house style, or the one the English text uses more. */
function englishReference(setting: EnglishQuoteStyle, texts: readonly string[], facts: readonly QuoteFacts[]): Style {
  if (setting !== 'consistent') return setting;
  let curly = 0;
  let straight = 0;
  facts.forEach((fact, s) => {
    for (const quotation of fact.quotations) {
      if (quotation.script !== 'en') continue;
      for (const at of [quotation.open, quotation.close]) {
        if (at < 0) continue;
        if (texts[s]![at] === STRAIGHT) straight++;
        else curly++;
      }
    }
  });
  return straight > curly ? 'straight' : 'curly';
}

/** Whether `after` has the same quotations as `before`, in the same scripts and styles. */
function sameQuotations(before: QuoteFacts, after: QuoteFacts): boolean {
  if (before.quotations.length !== after.quotations.length) return false;
  return before.quotations.every((q1, i) => {
    const q2 = after.quotations[i]!;
    return q1.script === q2.script && q1.style === q2.style && (q1.close < 0) === (q2.close < 0);
  });
}

export const quoteStyleMixRule = articleRule<QuoteFacts>('quote-style-mix', ({ settings }) => ({
  scan: scanQuotes,
  // Another rule's fix next to a quotation (二十八万 → 28万) may change the script it stands in.
  allowsFix(edit) {
    if (edit.rule === 'quote-style-mix') return true;
    const { before, after } = aroundEdit(edit);
    MARKS.lastIndex = 0;
    if (!MARKS.test(before) && !MARKS.test(after)) return true;
    return sameQuotations(scanQuotes(before), scanQuotes(after));
  },
  collect({ segments, facts }) {
    if (facts.every((fact) => fact.quotations.length === 0)) return [];
    const texts = segments.map((segment) => segment.text);
    const english = englishReference(settings.englishQuotes, texts, facts);
    const out: SegmentFinding[] = [];
    let previousBody = -1;
    facts.forEach((fact, s) => {
      const text = texts[s]!;
      // An opening mark here may carry on a quotation the body block before left open.
      const carriesOn = segments[s]!.field === 'body' && previousBody >= 0 && facts[previousBody]!.leavesOpen;
      if (segments[s]!.field === 'body') previousBody = s;
      for (const quotation of fact.quotations) {
        const wanted: Style = quotation.script === 'zh' ? 'curly' : english;
        if (quotation.style === wanted) continue;
        const base = quotation.script === 'zh' ? chineseFinding(text, quotation) : englishFinding(text, quotation, wanted, settings.englishQuotes !== 'consistent');
        const finding: SegmentFinding = { ...base, segment: s };
        if (quotation.fixable && !(quotation.leads && carriesOn)) {
          const replacement = withMarks(text, quotation, wanted);
          const label = wanted === 'curly' ? CURLY_MARKS : STRAIGHT_MARKS;
          finding.fix = { label: { en: `Use ${label}`, 'zh-CN': `改用${label}` }, replacement };
        }
        out.push(finding);
      }
    });
    return out;
  },
}));

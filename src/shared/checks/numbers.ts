/**
 * Finds the numbers in a text: Arabic (1000, 1,000, 46.8, 28万, 17.3%) and Chinese numerals
 * (二十八万, 一千二百, 三点五, 百分之三点五, 二〇二一年), with the value, the way each is
 * written (its shape) and the unit that follows, so that the same quantity written two ways
 * can be found. Kept practical: version numbers, dates, times, ranges and numbers glued to
 * Latin letters (5G, COVID-19) are left out; Chinese numerals of one character (一个, 三成,
 * 千年) and runs that are not a well-formed number (三四十, 一五一十, 十一五) are skipped.
 */
import { isAsciiLetter, isDigit, isHan, isLower } from './text';

export interface NumberToken {
  /** The numeral, with its 万/亿 multiplier and %/百分之 when it has one. */
  start: number;
  end: number;
  text: string;
  /** The value (a percentage as its number: 3.5 for 3.5%), or null when it cannot be read. */
  value: number | null;
  /** How it is written: 'digits', 'grouped' (1,000), 'digits+万', 'chinese', … */
  shape: string;
  /** What the number counts: the Han character(s) or English word after it, or '%'. */
  unit: string;
  /** The literal text between the numeral and the end of the unit (' people', '亩', ''). */
  unitText: string;
  /** Usable for comparing forms (not part of a date, version, code or malformed). */
  comparable: boolean;
  /** Commas that are not every three digits: 1,00,000 or 10,00. */
  malformed: boolean;
  /** End of the digits and commas (for naming a malformed number). */
  digitsEnd: number;
}

const ARABIC = /\d+(?:,\d+)*(?:\.\d+)?/g;
const CHINESE = /(?:百分之)?[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?/g;
const DIGIT_VALUE: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
/** Words that make an amount approximate: they belong with the unit (两万多元 ~ 2万多元). */
const APPROXIMATE = '多余来几';

function canonical(value: number): number {
  return Number(value.toPrecision(12));
}

/** Reads a Chinese integer written with units (一千二百, 二十八万, 两万五, 三万亿); null if malformed. */
export function parseChineseInteger(s: string): number | null {
  if (s === '') return null;
  if (!Object.hasOwn(DIGIT_VALUE, s[0]!) && s[0] !== '十') return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastSmall = Infinity;
  let lastUnit = 0;
  let zero = false;
  for (const ch of s) {
    if (Object.hasOwn(DIGIT_VALUE, ch)) {
      if (digit !== -1) return null;
      const d = DIGIT_VALUE[ch]!;
      if (d === 0) {
        if (zero) return null;
        zero = true;
        continue;
      }
      digit = d;
      continue;
    }
    if (Object.hasOwn(SMALL_UNIT, ch)) {
      const unit = SMALL_UNIT[ch]!;
      if (unit >= lastSmall) return null;
      if (digit === -1 && !(unit === 10 && (section === 0 || zero))) return null;
      section += (digit === -1 ? 1 : digit) * unit;
      digit = -1;
      lastSmall = unit;
      lastUnit = unit;
      zero = false;
      continue;
    }
    const big = BIG_UNIT[ch];
    if (big === undefined) return null;
    if (digit !== -1) section += digit;
    digit = -1;
    if (big === 1e8) {
      if (section === 0 && total === 0) return null;
      total = (total + section) * 1e8;
    } else {
      if (section === 0) return null;
      total += section * 1e4;
    }
    section = 0;
    lastSmall = Infinity;
    lastUnit = big;
    zero = false;
  }
  if (digit !== -1) {
    // 一千五 is 1500 and 两万五 is 25,000: a last digit right after a unit counts in the next unit down.
    if (!zero && lastUnit >= 100) section += (digit * lastUnit) / 10;
    else section += digit;
  }
  return total + section;
}

function readChinese(run: string, followedByYear: boolean): { value: number; percent: boolean } | null {
  let body = run;
  const percent = body.startsWith('百分之');
  if (percent) body = body.slice(3);
  const dot = body.indexOf('点');
  const integer = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? '' : body.slice(dot + 1);
  let value: number | null;
  if (integer.length === 1 && Object.hasOwn(DIGIT_VALUE, integer)) {
    value = DIGIT_VALUE[integer]!;
  } else if ([...integer].every((ch) => Object.hasOwn(DIGIT_VALUE, ch))) {
    // Digit by digit only for years: 二〇二一年.
    if (!followedByYear || integer.length !== 4 || percent || fraction) return null;
    value = Number([...integer].map((ch) => DIGIT_VALUE[ch]).join(''));
  } else {
    value = parseChineseInteger(integer);
  }
  if (value === null) return null;
  if (fraction) value += Number(`0.${[...fraction].map((ch) => DIGIT_VALUE[ch]).join('')}`);
  return { value: canonical(value), percent };
}

/** The unit after position `end`: Han character(s), an English word after one space, or nothing. */
function unitAfter(text: string, end: number): { unit: string; unitText: string } {
  const code = text.charCodeAt(end);
  if (isHan(code)) {
    const first = text[end]!;
    if (APPROXIMATE.includes(first) && isHan(text.charCodeAt(end + 1))) return { unit: text.slice(end, end + 2), unitText: text.slice(end, end + 2) };
    return { unit: first, unitText: first };
  }
  if (code === 0x20 && isLower(text.charCodeAt(end + 1))) {
    let j = end + 1;
    while (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
    return { unit: text.slice(end + 1, j).toLowerCase(), unitText: text.slice(end, j) };
  }
  return { unit: '', unitText: '' };
}

function wellGrouped(integer: string): boolean {
  const groups = integer.split(',');
  if (groups.length === 1) return true;
  if (groups[0]!.length === 0 || groups[0]!.length > 3) return false;
  for (let i = 1; i < groups.length; i++) if (groups[i]!.length !== 3) return false;
  return true;
}

/** Glued to something that makes it a code, a date, a time, a version or a range. */
function arabicInContext(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const before2 = text.charCodeAt(start - 2);
  if (isAsciiLetter(before) || before === 0x5f /* _ */ || before === 0x2e /* . */) return false;
  if ((before === 0x2d /* - */ || before === 0x2f /* / */ || before === 0x3a /* : */) && (isDigit(before2) || isAsciiLetter(before2))) return false;
  const after = text.charCodeAt(end);
  const after2 = text.charCodeAt(end + 1);
  if (isAsciiLetter(after) || after === 0x5f) return false;
  if ((after === 0x2e || after === 0x2d || after === 0x2f || after === 0x3a) && isDigit(after2)) return false;
  return true;
}

function scanArabic(text: string, out: NumberToken[]): void {
  ARABIC.lastIndex = 0;
  for (let m = ARABIC.exec(text); m !== null; m = ARABIC.exec(text)) {
    const start = m.index;
    const digitsEnd = start + m[0].length;
    const dot = m[0].indexOf('.');
    const integer = dot < 0 ? m[0] : m[0].slice(0, dot);
    const grouped = integer.includes(',');
    const malformed = grouped && !wellGrouped(integer);
    let end = digitsEnd;
    let value = Number(m[0].replaceAll(',', ''));
    let shape = grouped ? 'grouped' : 'digits';
    const next = text[end];
    if (next === '万' || next === '亿' || next === '千') {
      const multiplier = text.startsWith('万亿', end) ? 1e12 : next === '万' ? 1e4 : next === '亿' ? 1e8 : 1e3;
      const length = multiplier === 1e12 ? 2 : 1;
      shape += `+${text.slice(end, end + length)}`;
      value *= multiplier;
      end += length;
    }
    let unit: { unit: string; unitText: string };
    if (text[end] === '%' || text[end] === '％') {
      end += 1;
      unit = { unit: '%', unitText: '' };
    } else {
      unit = unitAfter(text, end);
    }
    const comparable = !malformed && arabicInContext(text, start, digitsEnd) && Number.isFinite(value);
    out.push({ start, end, text: text.slice(start, end), value: comparable ? canonical(value) : null, shape, ...unit, comparable, malformed, digitsEnd });
  }
}

function scanChinese(text: string, out: NumberToken[]): void {
  CHINESE.lastIndex = 0;
  for (let m = CHINESE.exec(text); m !== null; m = CHINESE.exec(text)) {
    const run = m[0];
    if (run.length < 2) continue;
    const start = m.index;
    const end = start + run.length;
    // A numeral run cut short by 点 (三点五十分) or followed by more numerals is not one number.
    if (NUMERAL_CHARS.includes(text[end] ?? '') || text[end] === '点') continue;
    const read = readChinese(run, text[end] === '年');
    if (!read) continue;
    const unit = read.percent ? { unit: '%', unitText: '' } : unitAfter(text, end);
    out.push({ start, end, text: run, value: read.value, shape: 'chinese', ...unit, comparable: true, malformed: false, digitsEnd: end });
  }
}

let lastText: string | null = null;
let lastTokens: NumberToken[] = [];

/** The numbers in `text`, in order. The last result is kept: both number rules read the same text in turn. */
export function scanNumbers(text: string): NumberToken[] {
  if (text === lastText) return lastTokens;
  const out: NumberToken[] = [];
  if (/\d/.test(text)) scanArabic(text, out);
  if (/[零〇一二两三四五六七八九十]/.test(text)) scanChinese(text, out);
  out.sort((a, b) => a.start - b.start);
  lastText = text;
  lastTokens = out;
  return out;
}

/**
 * The workspace's list of names: each person's first mention must carry their full title,
 * right before the name (县委书记张某, 县委书记 张某, County party secretary Zhang) or right after
 * it (张某，县委书记 / 张某（县委书记） / Zhang, county party secretary / Zhang, the county party
 * secretary). Later mentions may drop it. Any mention where a different title stands next to
 * the name (副县长张某 when the list says 县委书记) is flagged too.
 *
 * Kept simple, on purpose:
 * - scope is the deck and the body, in reading order; headline, byline, captions are not checked;
 * - names match exactly (Latin names as whole words); a title matches exactly, ignoring case
 *   when it has Latin letters;
 * - “a different title” means one of the common title words below (局长, 县长, Mayor, …)
 *   standing next to the name that is not part of the configured title.
 * The fix (Chinese titles only) puts the full title before the name.
 */
import type { HouseName } from '../lists';
import { Matcher } from '../matcher';
import { aroundEdit, articleRule, type SegmentFinding } from '../rule';
import { isHan, isInlineSpace, isLatinLetter, q } from '../text';

const TITLE_WORDS = [
  '书记', '副书记', '党委书记', '支书', '县长', '副县长', '市长', '副市长', '省长', '副省长', '区长', '副区长', '镇长', '副镇长', '乡长', '村长',
  '主任', '副主任', '局长', '副局长', '处长', '副处长', '科长', '厅长', '副厅长', '部长', '副部长', '主席', '副主席', '委员', '常委', '秘书长',
  '董事长', '副董事长', '总经理', '副总经理', '经理', '总裁', '副总裁', '总监', '院长', '副院长', '校长', '副校长', '所长', '站长', '馆长',
  '社长', '会长', '副会长', '行长', '队长', '组长', '主编', '总编辑', '教授', '副教授', '研究员', '工程师', '负责人', '发言人', '首席执行官',
  'mayor', 'deputy mayor', 'vice mayor', 'governor', 'vice governor', 'secretary', 'party secretary', 'deputy party secretary', 'director',
  'deputy director', 'minister', 'vice minister', 'deputy minister', 'president', 'vice president', 'chairman', 'chairwoman', 'chair',
  'vice chairman', 'ceo', 'chief executive', 'professor', 'prof.', 'dr.', 'dr', 'head', 'chief', 'spokesperson', 'spokesman', 'spokeswoman',
  'manager', 'general manager', 'senator', 'judge', 'ambassador', 'commissioner', 'premier', 'chancellor', 'dean', 'principal', 'researcher',
];
const AFTER_SEPARATORS = ['，', ', ', ',', '、', '（', ' (', '('];

interface TitleNextToName {
  start: number;
  end: number;
  word: string;
  before: boolean;
}

export interface Mention {
  name: number;
  start: number;
  end: number;
  /** The configured title stands next to the name. */
  full: boolean;
  /** A title word next to the name that is part of the configured title (书记 for 县委书记); the range covers word and name. */
  short: TitleNextToName | null;
  /** A title word next to the name that is not part of the configured title; the range covers word and name. */
  other: TitleNextToName | null;
}

const NONE: Mention[] = [];

function hasLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isLatinLetter(text.charCodeAt(i))) return true;
  return false;
}

function same(a: string, b: string, latin: boolean): boolean {
  return latin ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** End of the text that may hold a title before `start`: one space between title and name is fine. */
function beforeEdge(text: string, start: number): number {
  return start > 0 && isInlineSpace(text.charCodeAt(start - 1)) ? start - 1 : start;
}

/** Start of the text that may hold a title after `end`, or -1. */
function afterEdges(text: string, end: number): number[] {
  const out: number[] = [];
  for (const separator of AFTER_SEPARATORS) {
    if (!text.startsWith(separator, end)) continue;
    let at = end + separator.length;
    out.push(at);
    if (text.slice(at, at + 4).toLowerCase() === 'the ') out.push((at += 4));
  }
  return out;
}

function titleWordBefore(text: string, edge: number): { start: number; word: string } | null {
  let best: { start: number; word: string } | null = null;
  for (const word of TITLE_WORDS) {
    if (word.length > edge || (best && word.length <= best.word.length)) continue;
    const start = edge - word.length;
    if (!same(text.slice(start, edge), word, true)) continue;
    if (isLatinLetter(word.charCodeAt(0)) && start > 0 && isLatinLetter(text.charCodeAt(start - 1))) continue;
    best = { start, word: text.slice(start, edge) };
  }
  return best;
}

function titleWordAfter(text: string, at: number): { end: number; word: string } | null {
  let best: { end: number; word: string } | null = null;
  for (const word of TITLE_WORDS) {
    if (best && word.length <= best.word.length) continue;
    const end = at + word.length;
    if (!same(text.slice(at, end), word, true)) continue;
    if (isLatinLetter(word.charCodeAt(word.length - 1)) && end < text.length && isLatinLetter(text.charCodeAt(end))) continue;
    best = { end, word: text.slice(at, end) };
  }
  return best;
}

function mentionAt(text: string, start: number, end: number, index: number, person: HouseName): Mention {
  const latin = hasLatin(person.title);
  const title = person.title;
  const edge = beforeEdge(text, start);
  const starts = afterEdges(text, end);
  const full =
    (edge >= title.length && same(text.slice(edge - title.length, edge), title, latin)) ||
    starts.some((at) => same(text.slice(at, at + title.length), title, latin));
  const mention: Mention = { name: index, start, end, full, short: null, other: null };
  if (full) return mention;
  const lowerTitle = title.toLowerCase();
  const before = titleWordBefore(text, edge);
  if (before) {
    const found = { start: before.start, end, word: before.word, before: true };
    if (lowerTitle.includes(before.word.toLowerCase())) mention.short = found;
    else mention.other = found;
    return mention;
  }
  for (const at of starts) {
    const after = titleWordAfter(text, at);
    if (!after) continue;
    const found = { start, end: after.end, word: after.word, before: false };
    if (lowerTitle.includes(after.word.toLowerCase())) mention.short = found;
    else mention.other = found;
    break;
  }
  return mention;
}

/** The same names with the same titles next to them, wherever they stand. */
function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
  const word = (title: TitleNextToName | null) => (title ? `${title.before}${title.word}` : '');
  return a.length === b.length && a.every((m, i) => m.name === b[i]!.name && m.full === b[i]!.full && word(m.short) === word(b[i]!.short) && word(m.other) === word(b[i]!.other));
}

export const nameTitlesRule = articleRule<Mention[]>('name-titles', ({ lists }) => {
  const people = lists.names;
  const matcher = new Matcher(people.map((person) => person.name));
  const scan = (text: string): Mention[] => {
    if (matcher.empty) return NONE;
    const matches = matcher.find(text);
    if (matches.length === 0) return NONE;
    return matches.map(({ start, end, pattern }) => mentionAt(text, start, end, pattern, people[pattern]!));
  };
  return {
    scan,
    // Another rule's fix must not bring a title next to a name, or take one away (副县长  Zhang Wei → 副县长 Zhang Wei).
    allowsFix(edit) {
      if (matcher.empty || edit.rule === 'name-titles') return true;
      const { before, after } = aroundEdit(edit);
      return sameMentions(scan(before), scan(after));
    },
    collect({ segments, facts }) {
      if (matcher.empty) return [];
      const out: SegmentFinding[] = [];
      const seen = new Set<number>();
      for (let s = 0; s < segments.length; s++) {
        const mentions = facts[s]!;
        if (mentions.length === 0) continue;
        const segment = segments[s]!;
        if (segment.field !== 'deck' && segment.field !== 'body') continue;
        for (const mention of mentions) {
          const { name, title } = people[mention.name]!;
          const first = !seen.has(mention.name);
          seen.add(mention.name);
          if (mention.other) {
            out.push({
              rule: 'name-titles',
              segment: s,
              start: mention.other.start,
              end: mention.other.end,
              message: {
                en: `${q(name)} is called ${q(mention.other.word)} here, but the list of names gives the title ${q(title)}.`,
                'zh-CN': `此处称${q(name)}为${q(mention.other.word)}，与人名表中的职务${q(title)}不一致。`,
              },
            });
            continue;
          }
          if (!first || mention.full) continue;
          const latin = hasLatin(title);
          const example = latin ? `${name}, ${title}` : `${title}${name}`;
          const { start, end } = mention.short ?? mention;
          // The fix writes the full title before the name, in place of a shorter form of it (书记张某 → 县委书记张某).
          let replacement: string | null = null;
          if (!latin && mention.short === null) replacement = `${title}${name}`;
          else if (!latin && mention.short?.before && title.endsWith(mention.short.word) && !isHan(segment.text.charCodeAt(mention.short.start - 1))) {
            // Only a title word standing alone: in 市委书记张某 the 书记 belongs to another title.
            replacement = `${title}${segment.text.slice(mention.short.start + mention.short.word.length, mention.start)}${name}`;
          }
          out.push({
            rule: 'name-titles',
            segment: s,
            start,
            end,
            message: {
              en: `First mention of ${q(name)}: give the full title ${q(title)}, for example ${q(example)}.`,
              'zh-CN': `${q(name)}首次出现时应写明完整职务${q(title)}，如${q(example)}。`,
            },
            ...(replacement === null ? {} : { fix: { label: { en: `Write “${replacement}”`, 'zh-CN': `改为“${replacement}”` }, replacement } }),
          });
        }
      }
      return out;
    },
  };
});

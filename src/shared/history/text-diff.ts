import { alignKeys } from './align';
import { editScript, Interner, pushRun, type EditRun } from './myers';

export type DiffPartKind = 'equal' | 'insert' | 'delete';

/**
 * A run of text that both versions share, or that only the newer (insert) or only the older
 * (delete) has. The equal and delete parts of a diff, in order, spell the older text; the
 * equal and insert parts spell the newer one.
 */
export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

/**
 * Up to this many edits a stretch gets Myers' shortest edit script; a heavier rewrite is
 * aligned patience-style (align.ts), which is near linear and reads as well.
 */
const MYERS_EDITS = 64;
/** Characters either side of a change boundary that word snapping looks at. */
const SNAP_WINDOW = 6;

const segmenters = new Map<string, Intl.Segmenter | null>();

/** The language's word segmenter (one per language), or null where Intl.Segmenter is missing. */
export function segmenterFor(language: string): Intl.Segmenter | null {
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(language, { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/**
 * Where a word always ends (UAX #29 breaks on both sides of these), so text can be cut
 * there: whitespace and Chinese and ASCII punctuation that never sits inside a word or a
 * number (unlike . , ' ’ :).
 */
const BOUNDARY = codeSet(' \t\n\r\f\v\u00a0\u3000，。、；？！“”（）《》〈〉【】「」『』!?"()[]{}');

/**
 * Clause ends: a stretch of text is cut into clauses after these (and the spaces after them);
 * after the ASCII ones only when a space follows, so 5.2 and 1,000 stay whole.
 */
const CLAUSE_END = codeSet('，。、；：？！');
const ASCII_CLAUSE_END = codeSet(',.;:?!');
const SPACE = codeSet(' \t\n\r\f\v\u00a0\u3000');

function codeSet(chars: string): Set<number> {
  return new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
}

/**
 * Fine tokens: a word of an alphabetic script or a number (with inner apostrophes, points
 * and commas: don't, 5.2, 1,000), a run of spaces, or one other character — so Chinese is
 * compared character by character here and regrouped into words afterwards.
 */
const FINE_TOKEN = /[^\s\p{Script=Han}\p{P}\p{S}]+(?:['’.,][^\s\p{Script=Han}\p{P}\p{S}]+)*|\s+|[\s\S]/gu;
const HAN = /\p{Script=Han}/u;

/**
 * Word-level diff of two texts, Latin by words and Chinese by words (Intl.Segmenter with the
 * language's dictionary). Three steps keep it fast on long copy: the common start and end
 * are set aside; the rest is compared clause by clause; clauses that differ are compared by
 * fine tokens (Latin words, single Chinese characters), and each change is then widened to
 * whole Chinese words, as the segmenter sees them around the change. Spaces alone between
 * two changes are folded into them, and every run of changes is one delete then one insert.
 */
export function diffText(a: string, b: string, language: string): DiffPart[] {
  if (a === b) return a === '' ? [] : [{ kind: 'equal', text: a }];
  if (a === '') return [{ kind: 'insert', text: b }];
  if (b === '') return [{ kind: 'delete', text: a }];

  const limit = Math.min(a.length, b.length);
  let start = 0;
  while (start < limit && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  // Set aside only whole words: the common start ends just after a boundary character,
  // the common end begins at one.
  while (start > 0 && !BOUNDARY.has(a.charCodeAt(start - 1))) start--;
  while (end > 0 && !BOUNDARY.has(a.charCodeAt(a.length - end))) end--;

  const parts: DiffPart[] = [];
  if (start > 0) parts.push({ kind: 'equal', text: a.slice(0, start) });
  const oldClauses = clausesOf(a.slice(start, a.length - end));
  const newClauses = clausesOf(b.slice(start, b.length - end));
  const interner = new Interner();
  const runs = matchRuns(interner.idsOf(oldClauses), interner.idsOf(newClauses));
  let removed = '';
  let added = '';
  let ia = 0;
  let ib = 0;
  for (const run of runs) {
    if (run.kind === 'delete') removed += oldClauses.slice(ia, (ia += run.count)).join('');
    else if (run.kind === 'insert') added += newClauses.slice(ib, (ib += run.count)).join('');
    else {
      parts.push(...fineDiff(removed, added));
      removed = '';
      added = '';
      parts.push({ kind: 'equal', text: oldClauses.slice(ia, (ia += run.count)).join('') });
      ib += run.count;
    }
  }
  parts.push(...fineDiff(removed, added));
  if (end > 0) parts.push({ kind: 'equal', text: a.slice(a.length - end) });
  return tidyParts(snapToWords(tidyParts(parts), language));
}

/** The edit script: Myers' when the change is small, else a patience-style alignment. */
function matchRuns(a: Int32Array, b: Int32Array): EditRun[] {
  const exact = editScript(a, b, MYERS_EDITS);
  if (exact) return exact;
  const runs: EditRun[] = [];
  let ia = 0;
  let ib = 0;
  for (const [pa, pb] of alignKeys(a, b)) {
    pushRun(runs, 'delete', pa - ia);
    pushRun(runs, 'insert', pb - ib);
    pushRun(runs, 'equal', 1);
    ia = pa + 1;
    ib = pb + 1;
  }
  pushRun(runs, 'delete', a.length - ia);
  pushRun(runs, 'insert', b.length - ib);
  return runs;
}

function clausesOf(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!CLAUSE_END.has(code) && !(ASCII_CLAUSE_END.has(code) && (i + 1 === text.length || SPACE.has(text.charCodeAt(i + 1))))) continue;
    let to = i + 1;
    while (to < text.length && SPACE.has(text.charCodeAt(to))) to++;
    out.push(text.slice(from, to));
    from = to;
    i = to - 1;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

function fineDiff(a: string, b: string): DiffPart[] {
  if (a === '' && b === '') return [];
  if (a === '' || b === '') return [{ kind: a === '' ? 'insert' : 'delete', text: a === '' ? b : a }];
  const oldTokens = a.match(FINE_TOKEN) ?? [];
  const newTokens = b.match(FINE_TOKEN) ?? [];
  const interner = new Interner();
  const runs = matchRuns(interner.idsOf(oldTokens), interner.idsOf(newTokens));
  const parts: DiffPart[] = [];
  let ia = 0;
  let ib = 0;
  for (const run of runs) {
    if (run.kind === 'insert') parts.push({ kind: 'insert', text: newTokens.slice(ib, (ib += run.count)).join('') });
    else {
      parts.push({ kind: run.kind, text: oldTokens.slice(ia, (ia += run.count)).join('') });
      if (run.kind === 'equal') ib += run.count;
    }
  }
  return parts;
}

/** The word of `text` containing position `at`, as [start, end), from the segmenter. */
function wordAt(segmenter: Intl.Segmenter, text: string, at: number): [number, number] | null {
  const found = segmenter.segment(text).containing(at);
  return found ? [found.index, found.index + found.segment.length] : null;
}

function isHanAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && HAN.test(text[at]!);
}

/**
 * Widens each change so it starts and ends on Chinese word boundaries: when the text
 * around a change boundary forms one word on either side (older or newer), the shared
 * characters of that word move from the equal part into both the delete and the insert.
 * Expects tidy parts (equal, then at most one delete and one insert, then equal…).
 */
function snapToWords(parts: DiffPart[], language: string): DiffPart[] {
  const segmenter = segmenterFor(language);
  if (!segmenter) return parts;
  const out = parts.map((part) => ({ ...part }));
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.kind === 'equal') continue;
    const first = i;
    while (i + 1 < out.length && out[i + 1]!.kind !== 'equal') i++;
    const deleted = out.slice(first, i + 1).find((p) => p.kind === 'delete');
    const inserted = out.slice(first, i + 1).find((p) => p.kind === 'insert');
    const left = first > 0 ? out[first - 1]! : null;
    const right = i + 1 < out.length ? out[i + 1]! : null;
    const sides = [deleted?.text ?? '', inserted?.text ?? ''];

    if (left && isHanAt(left.text, left.text.length - 1)) {
      const tail = left.text.slice(-SNAP_WINDOW);
      let move = 0;
      for (const side of sides) {
        const next = side === '' ? (right?.text ?? '') : side;
        if (!isHanAt(next, 0)) continue;
        const word = wordAt(segmenter, tail + next.slice(0, SNAP_WINDOW), tail.length);
        if (word && word[0] < tail.length) move = Math.max(move, tail.length - word[0]);
      }
      if (move > 0) {
        const moved = left.text.slice(left.text.length - move);
        left.text = left.text.slice(0, left.text.length - move);
        sides[0] = moved + sides[0]!;
        sides[1] = moved + sides[1]!;
      }
    }
    if (right && isHanAt(right.text, 0)) {
      const head = right.text.slice(0, SNAP_WINDOW);
      let move = 0;
      for (const side of sides) {
        const before = side === '' ? (left?.text ?? '') : side;
        if (!isHanAt(before, before.length - 1)) continue;
        const lead = before.slice(-SNAP_WINDOW);
        const word = wordAt(segmenter, lead + head, lead.length);
        if (word && word[0] < lead.length) move = Math.max(move, word[1] - lead.length);
      }
      if (move > 0) {
        const moved = right.text.slice(0, move);
        right.text = right.text.slice(move);
        sides[0] = sides[0]! + moved;
        sides[1] = sides[1]! + moved;
      }
    }
    const replacement: DiffPart[] = [];
    if (sides[0]) replacement.push({ kind: 'delete', text: sides[0] });
    if (sides[1]) replacement.push({ kind: 'insert', text: sides[1] });
    out.splice(first, i - first + 1, ...replacement);
    i = first + replacement.length - 1;
  }
  return out;
}

const BLANK = /^\s+$/u;

/**
 * Normal form of a part list: no empty parts; an equal part that is only spaces between two
 * changes becomes part of them; each run of changes is one delete then one insert; adjacent
 * equal parts are joined. The text each side spells is unchanged.
 */
export function tidyParts(parts: readonly DiffPart[]): DiffPart[] {
  const input = parts.filter((part) => part.text !== '');
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  let pendingChange = false;
  const flush = () => {
    if (deleted) out.push({ kind: 'delete', text: deleted });
    if (inserted) out.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
    pendingChange = false;
  };
  for (let i = 0; i < input.length; i++) {
    const part = input[i]!;
    if (part.kind === 'delete') {
      deleted += part.text;
      pendingChange = true;
    } else if (part.kind === 'insert') {
      inserted += part.text;
      pendingChange = true;
    } else if (pendingChange && BLANK.test(part.text) && input[i + 1] !== undefined && input[i + 1]!.kind !== 'equal') {
      deleted += part.text;
      inserted += part.text;
    } else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'equal') last.text += part.text;
      else out.push({ kind: 'equal', text: part.text });
    }
  }
  flush();
  return slideToWordStarts(out);
}

/**
 * A lone insert or delete that could sit one space further on (" plain" before " English"
 * reads the same as "plain " before "English") is moved there, so changes start at a word.
 */
function slideToWordStarts(parts: DiffPart[]): DiffPart[] {
  for (let i = 1; i + 1 < parts.length; i++) {
    const before = parts[i - 1]!;
    const change = parts[i]!;
    const after = parts[i + 1]!;
    if (before.kind !== 'equal' || after.kind !== 'equal' || change.kind === 'equal') continue;
    let shift = 0;
    while (shift < change.text.length && shift + 1 < after.text.length && change.text[shift] === after.text[shift] && SPACE.has(change.text.charCodeAt(shift))) shift++;
    if (shift === 0) continue;
    before.text += change.text.slice(0, shift);
    change.text = change.text.slice(shift) + after.text.slice(0, shift);
    after.text = after.text.slice(shift);
  }
  return parts.filter((part) => part.text !== '');
}

/** The older text (`'a'`) or the newer (`'b'`) spelled by a part list. */
export function sideText(parts: readonly DiffPart[], side: 'a' | 'b'): string {
  const skip: DiffPartKind = side === 'a' ? 'insert' : 'delete';
  let text = '';
  for (const part of parts) if (part.kind !== skip) text += part.text;
  return text;
}

/** Characters (code points, so one Chinese character or emoji is one) inserted and deleted. */
export function countChanges(parts: readonly DiffPart[]): { insertions: number; deletions: number } {
  let insertions = 0;
  let deletions = 0;
  for (const part of parts) {
    if (part.kind === 'insert') insertions += codePoints(part.text);
    else if (part.kind === 'delete') deletions += codePoints(part.text);
  }
  return { insertions, deletions };
}

function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}

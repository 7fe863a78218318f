import { diffText, type DiffPart } from '../history/text-diff';

/** One change to a text: [start, end) of the older text becomes `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The changes that turn the older text of `parts` into the newer, in the older text's positions. */
function editsOf(parts: readonly DiffPart[]): Edit[] {
  const edits: Edit[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.kind === 'equal') {
      at += part.text.length;
      continue;
    }
    const last = edits[edits.length - 1];
    const open = last && last.end === at ? last : null;
    if (part.kind === 'delete') {
      if (open) open.end += part.text.length;
      else edits.push({ start: at, end: at + part.text.length, text: '' });
      at += part.text.length;
    } else if (open) open.text += part.text;
    else edits.push({ start: at, end: at, text: part.text });
  }
  return edits;
}

function sameEdit(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/** Two changes clash when they touch the same text, or insert different text at one place. */
function clash(a: Edit, b: Edit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  const point = (x: Edit, y: Edit) => x.start === x.end && y.start < x.start && x.start < y.end;
  if (point(a, b) || point(b, a)) return true;
  return a.start === a.end && b.start === b.end && a.start === b.start;
}

/**
 * Three-way merge of plain text with the history's Chinese-aware word diff: the changes from
 * `base` to `ours` and from `base` to `theirs` are applied together. Changes to different words
 * merge; changes that touch the same words (unless they are the same change) are a conflict,
 * given as null.
 */
export function mergeText(base: string, ours: string, theirs: string, language: string): string | null {
  if (ours === theirs) return ours;
  if (base === ours) return theirs;
  if (base === theirs) return ours;
  const mine = editsOf(diffText(base, ours, language));
  const other = editsOf(diffText(base, theirs, language));
  const all: Array<Edit & { side: 0 | 1 }> = [];
  for (const edit of mine) all.push({ ...edit, side: 0 });
  for (const edit of other) {
    if (mine.some((m) => sameEdit(m, edit))) continue;
    if (mine.some((m) => clash(m, edit))) return null;
    all.push({ ...edit, side: 1 });
  }
  // At one place, an insertion goes before a change that starts there; ours before theirs.
  all.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.side - b.side);
  let out = '';
  let at = 0;
  for (const edit of all) {
    out += base.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + base.slice(at);
}

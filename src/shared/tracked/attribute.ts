/**
 * Changes since a chosen base, attributed: walking the revisions from the base to the current
 * copy, every inserted or deleted span of the headline, deck, byline, body blocks, captions and
 * credits is credited to the revision (person, time, stage) that brought it in. Text inserted
 * and deleted again within the walk appears nowhere; the copy reads, with the insertions kept and
 * the deletions left out, as the current copy, and with the insertions left out and the
 * deletions kept, as the base. Uses the history's word diff (Chinese by words).
 */
import type { ArticleContent } from '../article/article';
import type { FigureFields } from '../article/body';
import { bodyItems, diffBodyItems, figureItem, textItem, type BlockKind, type BodyItem } from '../history/article-diff';
import type { Stage } from '../review/stages';
import { diffText } from '../history/text-diff';

/** Who made a change: the revision that brought it in. */
export interface ChangeAuthor {
  /** The revision's id; null for edits not yet saved. */
  revision: string | null;
  by: string;
  byName: string;
  at: string;
  stage: Stage;
}

/** A run of text: in both (equal), brought in by `who` (insert), or taken out by `who` (delete); `who` indexes `authors`. */
export interface TrackedPart {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
  who?: number;
}

interface RemovedMark {
  /** Set on a block or figure the base did not have: who added it. */
  addedBy?: number;
  /** Set on a block or figure the copy no longer has: who took it out. */
  removedBy?: number;
}
export interface TrackedTextBlock extends RemovedMark {
  type: 'text';
  kind: BlockKind;
  parts: TrackedPart[];
}
export interface TrackedFigure extends RemovedMark {
  type: 'figure';
  /** The figure as the copy has it (or last had it). */
  figure: FigureFields;
  caption: TrackedPart[];
  credit: TrackedPart[];
}
export type TrackedBlock = TrackedTextBlock | TrackedFigure;

export const TRACKED_FIELDS = ['headline', 'deck', 'byline'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

export interface TrackedCopy {
  authors: ChangeAuthor[];
  fields: Record<TrackedField, TrackedPart[]>;
  /** The body in the current copy's order, with removed blocks where they were. */
  body: TrackedBlock[];
}

/** One version after the base: its content and who made it. */
export interface AttributedVersion {
  content: ArticleContent;
  author: ChangeAuthor;
}

/** What the parts spell with the insertions kept and the deletions left out (`'final'`), or the other way round (`'original'`). */
export function trackedText(parts: readonly TrackedPart[], side: 'final' | 'original'): string {
  const skip = side === 'final' ? 'delete' : 'insert';
  let text = '';
  for (const part of parts) if (part.kind !== skip) text += part.text;
  return text;
}

function push(out: TrackedPart[], part: TrackedPart): void {
  if (part.text === '') return;
  const last = out[out.length - 1];
  if (last && last.kind === part.kind && last.who === part.who) last.text += part.text;
  else out.push(part.who === undefined ? { kind: part.kind, text: part.text } : { ...part });
}

/**
 * The parts after the live text (equal and insert parts) became `next`, the change made by
 * author `who`: what the word diff inserts is credited to `who`; what it deletes becomes a
 * deletion by `who` if it was in the base, and disappears if it was itself inserted since.
 */
export function stepText(parts: readonly TrackedPart[], next: string, who: number, language: string): TrackedPart[] {
  const live = trackedText(parts, 'final');
  if (live === next) return [...parts];
  const out: TrackedPart[] = [];
  let index = 0;
  let offset = 0;
  /** Copies the removed text at the current place (deletions made earlier). */
  const passDeleted = () => {
    while (index < parts.length && parts[index]!.kind === 'delete' && offset === 0) push(out, parts[index++]!);
  };
  /** Takes `length` characters of live text, keeping them (`keep`) or deleting them as `who`. */
  const take = (length: number, keep: boolean) => {
    let left = length;
    while (left > 0) {
      passDeleted();
      const part = parts[index]!;
      const count = Math.min(left, part.text.length - offset);
      const text = part.text.slice(offset, offset + count);
      if (keep) push(out, part.who === undefined ? { kind: part.kind, text } : { kind: part.kind, text, who: part.who });
      else if (part.kind === 'equal') push(out, { kind: 'delete', text, who });
      offset += count;
      left -= count;
      if (offset === part.text.length) {
        index++;
        offset = 0;
      }
    }
  };
  for (const change of diffText(live, next, language)) {
    if (change.kind === 'equal') take(change.text.length, true);
    else if (change.kind === 'delete') take(change.text.length, false);
    else {
      passDeleted();
      push(out, { kind: 'insert', text: change.text, who });
    }
  }
  while (index < parts.length) {
    push(out, offset === 0 ? parts[index]! : { ...parts[index]!, text: parts[index]!.text.slice(offset) });
    index++;
    offset = 0;
  }
  return cancelled(out);
}

/**
 * Where a run of changes deletes exactly what it inserts (a word taken out and put back), the
 * text is as the base had it: the run becomes equal again.
 */
function cancelled(parts: TrackedPart[]): TrackedPart[] {
  const out: TrackedPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.kind === 'equal') {
      push(out, parts[i]!);
      continue;
    }
    let end = i;
    while (end < parts.length && parts[end]!.kind !== 'equal') end++;
    const run = parts.slice(i, end);
    if (trackedText(run, 'final') === trackedText(run, 'original')) push(out, { kind: 'equal', text: trackedText(run, 'final') });
    else for (const part of run) push(out, part);
    i = end - 1;
  }
  return out;
}

/** Text as it stood at the base: every character equal. */
function unchanged(text: string): TrackedPart[] {
  return text === '' ? [] : [{ kind: 'equal', text }];
}

function inserted(text: string, who: number): TrackedPart[] {
  return text === '' ? [] : [{ kind: 'insert', text, who }];
}

/** What is left of a block when it is taken out: its base text, deleted by `who`; null when none of it was in the base. */
function removedParts(parts: readonly TrackedPart[], who: number): TrackedPart[] {
  const out: TrackedPart[] = [];
  for (const part of parts) {
    if (part.kind === 'equal') push(out, { kind: 'delete', text: part.text, who });
    else if (part.kind === 'delete') push(out, part);
  }
  return out;
}

function itemOf(block: TrackedBlock): BodyItem {
  if (block.type === 'text') return textItem(block.kind, trackedText(block.parts, 'final'));
  return figureItem({ ...block.figure, caption: trackedText(block.caption, 'final'), credit: trackedText(block.credit, 'final') });
}

function fresh(item: BodyItem, who: number | undefined): TrackedBlock {
  const parts = (text: string) => (who === undefined ? unchanged(text) : inserted(text, who));
  const added = who === undefined ? {} : { addedBy: who };
  if (item.type === 'text') return { type: 'text', kind: item.kind, parts: parts(item.text), ...added };
  return { type: 'figure', figure: item.figure, caption: parts(item.figure.caption), credit: parts(item.figure.credit), ...added };
}

function edited(block: TrackedBlock, item: BodyItem, who: number, language: string): TrackedBlock {
  const added = block.addedBy === undefined ? {} : { addedBy: block.addedBy };
  if (block.type === 'text' && item.type === 'text') return { type: 'text', kind: item.kind, parts: stepText(block.parts, item.text, who, language), ...added };
  if (block.type === 'figure' && item.type === 'figure') {
    const caption = stepText(block.caption, item.figure.caption, who, language);
    return { type: 'figure', figure: item.figure, caption, credit: stepText(block.credit, item.figure.credit, who, language), ...added };
  }
  return fresh(item, who);
}

/** A block taken out by `who`: shown with its base text deleted; one added since the base simply goes. */
function removed(block: TrackedBlock, who: number): TrackedBlock | null {
  if (block.addedBy !== undefined) return null;
  if (block.type === 'text') {
    const parts = removedParts(block.parts, who);
    return parts.length > 0 ? { ...block, parts, removedBy: who } : null;
  }
  return { ...block, caption: removedParts(block.caption, who), credit: removedParts(block.credit, who), removedBy: who };
}

/** The body after the copy became `items`, the change made by `who`. */
function stepBody(body: readonly TrackedBlock[], items: readonly BodyItem[], who: number, language: string): TrackedBlock[] {
  const live = body.filter((block) => block.removedBy === undefined);
  // Removed blocks travel with the live block after them (or the end).
  const before = new Map<number, TrackedBlock[]>();
  let waiting: TrackedBlock[] = [];
  let liveIndex = 0;
  for (const block of body) {
    if (block.removedBy !== undefined) waiting.push(block);
    else {
      if (waiting.length > 0) before.set(liveIndex, waiting);
      waiting = [];
      liveIndex++;
    }
  }
  const out: TrackedBlock[] = [];
  for (const entry of diffBodyItems(live.map(itemOf), items, language)) {
    if (entry.a !== null) out.push(...(before.get(entry.a) ?? []));
    if (entry.status === 'inserted') out.push(fresh(items[entry.b!]!, who));
    else if (entry.status === 'deleted') {
      const gone = removed(live[entry.a!]!, who);
      if (gone) out.push(gone);
    } else {
      const block = live[entry.a!]!;
      const item = items[entry.b!]!;
      if (block.type === item.type) out.push(edited(block, item, who, language));
      else {
        const gone = removed(block, who);
        if (gone) out.push(gone);
        out.push(fresh(item, who));
      }
    }
  }
  out.push(...waiting);
  return out;
}

/** The copy at the base, nothing changed yet. */
export function untracked(base: ArticleContent): TrackedCopy {
  return {
    authors: [],
    fields: { headline: unchanged(base.headline), deck: unchanged(base.deck), byline: unchanged(base.byline) },
    body: bodyItems(base).map((item) => fresh(item, undefined)),
  };
}

/** The tracked copy after one more version (every pending suggestion in it left aside). */
export function stepCopy(tracked: TrackedCopy, version: AttributedVersion, language: string): TrackedCopy {
  const who = tracked.authors.length;
  const { content } = version;
  const fields = {
    headline: stepText(tracked.fields.headline, content.headline, who, language),
    deck: stepText(tracked.fields.deck, content.deck, who, language),
    byline: stepText(tracked.fields.byline, content.byline, who, language),
  };
  const body = stepBody(tracked.body, bodyItems(content), who, language);
  return { authors: [...tracked.authors, version.author], fields, body };
}

/** Every change from `base` through `versions` (oldest first), each credited to the version that made it. */
export function attributeChanges(base: ArticleContent, versions: readonly AttributedVersion[], language: string): TrackedCopy {
  let tracked = untracked(base);
  for (const version of versions) tracked = stepCopy(tracked, version, language);
  return withoutSilentAuthors(tracked);
}

/** Keeps only the authors some part still names, renumbered in the order they came. */
function withoutSilentAuthors(tracked: TrackedCopy): TrackedCopy {
  const named = new Set<number>();
  const visit = (parts: TrackedPart[]) => parts.forEach((p) => p.who !== undefined && named.add(p.who));
  for (const field of TRACKED_FIELDS) visit(tracked.fields[field]);
  for (const block of tracked.body) {
    for (const mark of [block.addedBy, block.removedBy]) if (mark !== undefined) named.add(mark);
    if (block.type === 'text') visit(block.parts);
    else {
      visit(block.caption);
      visit(block.credit);
    }
  }
  const used = new Map([...named].sort((a, b) => a - b).map((old, now) => [old, now]));
  const renumber = (parts: TrackedPart[]) => parts.map((p) => (p.who === undefined ? p : { ...p, who: used.get(p.who)! }));
  const authors: ChangeAuthor[] = [];
  for (const [old, now] of used) authors[now] = tracked.authors[old]!;
  return {
    authors,
    fields: { headline: renumber(tracked.fields.headline), deck: renumber(tracked.fields.deck), byline: renumber(tracked.fields.byline) },
    body: tracked.body.map((block) => {
      const marks = {
        ...(block.addedBy === undefined ? {} : { addedBy: used.get(block.addedBy)! }),
        ...(block.removedBy === undefined ? {} : { removedBy: used.get(block.removedBy)! }),
      };
      if (block.type === 'text') return { type: 'text', kind: block.kind, parts: renumber(block.parts), ...marks };
      return { type: 'figure', figure: block.figure, caption: renumber(block.caption), credit: renumber(block.credit), ...marks };
    }),
  };
}

import { formatChannel, type ArticleContent } from '../article/article';
import type { FigureFields } from '../article/body';
import { walkBody, type BodyBlock } from '../article/body-walk';
import { alignKeys } from './align';
import { countChanges, diffText, type DiffPart } from './text-diff';

export const DIFF_FIELDS = ['headline', 'deck', 'byline', 'channel'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface FieldDiff {
  changed: boolean;
  parts: DiffPart[];
}

export type BlockKind = BodyBlock['kind'];

/**
 * equal: the same in both; changed: the same block, edited (text, kind, or for a figure its
 * image, caption, credit or alt); inserted / deleted: only in the newer / older version;
 * moved: the same block, unchanged, at another place (listed where it now is).
 */
export type EntryStatus = 'equal' | 'changed' | 'inserted' | 'deleted' | 'moved';

interface EntryBase {
  status: EntryStatus;
  /** Position among the older version's blocks and figures (document order), null if absent there. */
  a: number | null;
  /** Position among the newer version's blocks and figures, null if absent there. */
  b: number | null;
}

export interface TextEntry extends EntryBase {
  type: 'text';
  /** The block's kind in the newer version (the older one for a deleted block). */
  kind: BlockKind;
  /** Set when the kind changed (a paragraph turned into a heading, say). */
  previousKind?: BlockKind;
  parts: DiffPart[];
}

export interface FigureEntry extends EntryBase {
  type: 'figure';
  before: FigureFields | null;
  after: FigureFields | null;
  /** A different image (asset) in the same place. */
  imageChanged: boolean;
  caption: DiffPart[];
  credit: DiffPart[];
  alt: DiffPart[];
}

export type BodyEntry = TextEntry | FigureEntry;

export interface DiffSummary {
  /** Characters (code points) inserted and deleted, over every field, block, caption, credit and alt. */
  insertions: number;
  deletions: number;
  figuresAdded: number;
  figuresRemoved: number;
  figuresChanged: number;
  blocksAdded: number;
  blocksRemoved: number;
  blocksChanged: number;
  /** Blocks and figures moved unchanged. */
  moved: number;
}

export interface ArticleDiff {
  /** Anything differs at all. */
  changed: boolean;
  fields: Record<DiffField, FieldDiff>;
  /** The body in the newer version's order, with deleted blocks where they were. */
  body: BodyEntry[];
  summary: DiffSummary;
}

/** A text block or a figure of the body, with the key that says two are the same. */
export type BodyItem = { type: 'text'; kind: BlockKind; text: string; key: string } | { type: 'figure'; figure: FigureFields; key: string };
type Item = BodyItem;

/** Blocks a hunk's pairing looks ahead for the best partner of a deleted block. */
const PAIR_WINDOW = 8;
/** Least similarity for a deleted and an inserted block to count as one block, edited. */
const PAIR_THRESHOLD = 0.4;

/** The body's text blocks and figures (the copy as it stands), in document order. */
export function bodyItems(content: ArticleContent): Item[] {
  const items: Item[] = [];
  walkBody(content.body, {
    block: (block) => items.push(textItem(block.kind, block.text)),
    figure: (figure) =>
      items.push(
        figureItem({
          asset: figure.asset,
          mime: figure.mime,
          width: figure.width,
          height: figure.height,
          caption: String(figure.caption ?? ''),
          credit: String(figure.credit ?? ''),
          alt: String(figure.alt ?? ''),
        }),
      ),
  });
  return items;
}

export function textItem(kind: BlockKind, text: string): BodyItem {
  return { type: 'text', kind, text, key: `t\u0000${kind}\u0000${text}` };
}

export function figureItem(fields: FigureFields): BodyItem {
  return { type: 'figure', figure: fields, key: `f\u0000${fields.asset}\u0000${fields.caption}\u0000${fields.credit}\u0000${fields.alt}` };
}

function fieldDiff(a: string, b: string, language: string): FieldDiff {
  return { changed: a !== b, parts: diffText(a, b, language) };
}

/**
 * How alike two blocks are, 0…1 for text and 2 for figures of the same image: for text the
 * share of the longer text in a common start and end when that is at least 0.6 (an edit in
 * one place), else the Dice coefficient over character bigrams (hashed into a small table,
 * so a rare collision can only flatter a pair a little).
 */
class Similarity {
  private static readonly SIZE = 1 << 12;
  private readonly counts = new Int32Array(Similarity.SIZE);
  private readonly used = new Int32Array(Similarity.SIZE);
  private loaded: string | null = null;

  of(a: Item, b: Item): number {
    if (a.type === 'figure' || b.type === 'figure') {
      if (a.type !== b.type) return 0;
      // The same image is the same figure; another image in the same place is that figure replaced.
      return (a as Extract<Item, { type: 'figure' }>).figure.asset === (b as Extract<Item, { type: 'figure' }>).figure.asset ? 2 : PAIR_THRESHOLD;
    }
    return this.text(a.text, b.text);
  }

  private text(a: string, b: string): number {
    if (a === b) return 1;
    if (a.length === 0 || b.length === 0) return 0;
    const longest = Math.max(a.length, b.length);
    const limit = Math.min(a.length, b.length);
    // Dice can reach at most 2·shorter/(sum): skip pairs of very different length.
    if ((2 * limit) / (a.length + b.length) < PAIR_THRESHOLD) return 0;
    let start = 0;
    while (start < limit && a.charCodeAt(start) === b.charCodeAt(start)) start++;
    let end = 0;
    while (end < limit - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
    if ((start + end) / longest >= 0.6) return (start + end) / longest;
    if (a.length < 2 || b.length < 2) return 0;
    this.load(a);
    const mask = Similarity.SIZE - 1;
    let shared = 0;
    for (let i = 0; i < b.length - 1; i++) {
      const h = bigram(b, i) & mask;
      if (this.used[h]! < this.counts[h]!) {
        this.used[h]!++;
        shared++;
      }
    }
    for (let i = 0; i < b.length - 1; i++) this.used[bigram(b, i) & mask] = 0;
    return (2 * shared) / (a.length - 1 + b.length - 1);
  }

  /** Counts the bigrams of `a` into the table (kept while the same text is compared again). */
  private load(a: string): void {
    if (this.loaded === a) return;
    const mask = Similarity.SIZE - 1;
    if (this.loaded !== null) for (let i = 0; i < this.loaded.length - 1; i++) this.counts[bigram(this.loaded, i) & mask] = 0;
    for (let i = 0; i < a.length - 1; i++) this.counts[bigram(a, i) & mask]!++;
    this.loaded = a;
  }
}

function bigram(text: string, i: number): number {
  return Math.imul(text.charCodeAt(i), 0x9e3779b1) ^ Math.imul(text.charCodeAt(i + 1), 0x85ebca6b) ^ (text.charCodeAt(i + 1) >>> 3);
}

/**
 * Order-keeping pairs (positions in `dels` and `ins`) of blocks that are one block edited:
 * first figures showing the same image, then, between those, the most alike blocks within a
 * few places of each other (a figure beside another figure counts as its image replaced).
 */
function pairHunk(itemsA: readonly Item[], itemsB: readonly Item[], dels: readonly number[], ins: readonly number[], similarity: Similarity): Array<[number, number]> {
  const anchors: Array<[number, number]> = [];
  let next = 0;
  dels.forEach((d, di) => {
    const item = itemsA[d]!;
    if (item.type !== 'figure') return;
    for (let j = next; j < ins.length; j++) {
      const other = itemsB[ins[j]!]!;
      if (other.type === 'figure' && other.figure.asset === item.figure.asset) {
        anchors.push([di, j]);
        next = j + 1;
        return;
      }
    }
  });
  const pairs: Array<[number, number]> = [];
  let fromDel = 0;
  let fromIns = 0;
  for (const anchor of [...anchors, [dels.length, ins.length] as [number, number]]) {
    let from = fromIns;
    for (let di = fromDel; di < anchor[0]; di++) {
      let best = -1;
      let bestScore = 0;
      for (let j = from; j < Math.min(anchor[1], from + PAIR_WINDOW); j++) {
        const score = similarity.of(itemsA[dels[di]!]!, itemsB[ins[j]!]!);
        if (score >= PAIR_THRESHOLD && score > bestScore) {
          best = j;
          bestScore = score;
        }
      }
      if (best >= 0) {
        pairs.push([di, best]);
        from = best + 1;
      }
    }
    if (anchor[0] < dels.length) pairs.push(anchor);
    fromDel = anchor[0] + 1;
    fromIns = anchor[1] + 1;
  }
  return pairs;
}

function isMovable(item: Item): boolean {
  return item.type === 'figure' || item.text.trim() !== '';
}

/**
 * Compares two versions of an article for the history panel: word-level changes in the
 * headline, deck, byline and channel; the body's blocks aligned (unchanged blocks matched by
 * a longest common subsequence of their kind and text, moved blocks found across the whole
 * body, edited blocks paired by similarity with a word-level diff inside); figures matched
 * by image and position with changes of image, caption, credit and alt. `language` picks the
 * word segmentation (Intl.Segmenter), which handles Chinese and Latin text alike.
 */
export function diffArticles(a: ArticleContent, b: ArticleContent, language: string): ArticleDiff {
  const fields = {
    headline: fieldDiff(a.headline, b.headline, language),
    deck: fieldDiff(a.deck, b.deck, language),
    byline: fieldDiff(a.byline, b.byline, language),
    channel: fieldDiff(formatChannel(a.channel), formatChannel(b.channel), language),
  };

  const body = diffBodyItems(bodyItems(a), bodyItems(b), language);
  const summary: DiffSummary = {
    insertions: 0,
    deletions: 0,
    figuresAdded: 0,
    figuresRemoved: 0,
    figuresChanged: 0,
    blocksAdded: 0,
    blocksRemoved: 0,
    blocksChanged: 0,
    moved: 0,
  };
  for (const field of DIFF_FIELDS) {
    const counted = countChanges(fields[field].parts);
    summary.insertions += counted.insertions;
    summary.deletions += counted.deletions;
  }
  for (const entry of body) {
    const partLists = entry.type === 'text' ? [entry.parts] : [entry.caption, entry.credit, entry.alt];
    for (const parts of partLists) {
      const counted = countChanges(parts);
      summary.insertions += counted.insertions;
      summary.deletions += counted.deletions;
    }
    if (entry.status === 'moved') summary.moved++;
    else if (entry.type === 'figure') {
      if (entry.status === 'inserted') summary.figuresAdded++;
      else if (entry.status === 'deleted') summary.figuresRemoved++;
      else if (entry.status === 'changed') summary.figuresChanged++;
    } else if (entry.status === 'inserted') summary.blocksAdded++;
    else if (entry.status === 'deleted') summary.blocksRemoved++;
    else if (entry.status === 'changed') summary.blocksChanged++;
  }
  const changed = DIFF_FIELDS.some((field) => fields[field].changed) || body.some((entry) => entry.status !== 'equal');
  return { changed, fields, body, summary };
}

/**
 * The body's blocks aligned, older to newer: the newer version's order, with deleted blocks
 * where they were; `a` and `b` of each entry index `itemsA` and `itemsB`.
 */
export function diffBodyItems(itemsA: readonly Item[], itemsB: readonly Item[], language: string): BodyEntry[] {
  const ids = new Map<string, number>();
  const idOf = (item: Item) => {
    let id = ids.get(item.key);
    if (id === undefined) {
      id = ids.size;
      ids.set(item.key, id);
    }
    return id;
  };
  const keysA = itemsA.map(idOf);
  const keysB = itemsB.map(idOf);

  // Runs of equal blocks and, between them, hunks of deleted and inserted ones.
  type Segment = { equal: true; a: number; b: number; count: number } | { equal: false; dels: number[]; ins: number[] };
  const segments: Segment[] = [];
  let posA = 0;
  let posB = 0;
  let hunk: { equal: false; dels: number[]; ins: number[] } | null = null;
  const openHunk = () => {
    if (!hunk) {
      hunk = { equal: false, dels: [], ins: [] };
      segments.push(hunk);
    }
    return hunk;
  };
  for (const [ia, ib] of [...alignKeys(keysA, keysB), [itemsA.length, itemsB.length] as [number, number]]) {
    while (posA < ia) openHunk().dels.push(posA++);
    while (posB < ib) openHunk().ins.push(posB++);
    if (ia === itemsA.length) break;
    const last = segments[segments.length - 1];
    if (last?.equal && last.a + last.count === ia && last.b + last.count === ib) last.count++;
    else segments.push({ equal: true, a: ia, b: ib, count: 1 });
    hunk = null;
    posA++;
    posB++;
  }

  // Moves: a block deleted in one place and inserted unchanged in another.
  const deletedByKey = new Map<number, number[]>();
  for (const segment of segments) {
    if (segment.equal) continue;
    for (const d of segment.dels) {
      if (!isMovable(itemsA[d]!)) continue;
      const list = deletedByKey.get(keysA[d]!);
      if (list) list.push(d);
      else deletedByKey.set(keysA[d]!, [d]);
    }
  }
  const movedFrom = new Map<number, number>();
  const movedAway = new Set<number>();
  for (const segment of segments) {
    if (segment.equal) continue;
    for (const i of segment.ins) {
      const from = deletedByKey.get(keysB[i]!)?.shift();
      if (from !== undefined) {
        movedFrom.set(i, from);
        movedAway.add(from);
      }
    }
  }

  const body: BodyEntry[] = [];
  const similarity = new Similarity();
  const emit = (entry: BodyEntry) => body.push(entry);
  const entryFor = (status: EntryStatus, ia: number | null, ib: number | null): BodyEntry =>
    makeEntry(status, ia, ib, ia === null ? null : itemsA[ia]!, ib === null ? null : itemsB[ib]!, language);

  for (const segment of segments) {
    if (segment.equal) {
      for (let i = 0; i < segment.count; i++) emit(entryFor('equal', segment.a + i, segment.b + i));
      continue;
    }
    const dels = segment.dels.filter((d) => !movedAway.has(d));
    const ins = segment.ins.filter((i) => !movedFrom.has(i));
    const pairs = pairHunk(itemsA, itemsB, dels, ins, similarity);
    let di = 0;
    // Walks the hunk's inserted blocks in order, so moved blocks land where they now are.
    let allIns = 0;
    const emitInsertedUpTo = (stop: number | null) => {
      while (allIns < segment.ins.length && (stop === null || segment.ins[allIns]! < stop)) {
        const i = segment.ins[allIns++]!;
        const from = movedFrom.get(i);
        if (from !== undefined) emit(entryFor('moved', from, i));
        else emit(entryFor('inserted', null, i));
      }
    };
    for (const [pd, pi] of pairs) {
      while (di < pd) emit(entryFor('deleted', dels[di++]!, null));
      emitInsertedUpTo(ins[pi]!);
      emit(entryFor('changed', dels[di++]!, ins[pi]!));
      allIns++;
    }
    while (di < dels.length) emit(entryFor('deleted', dels[di++]!, null));
    emitInsertedUpTo(null);
  }
  return body;
}

function makeEntry(status: EntryStatus, ia: number | null, ib: number | null, before: Item | null, after: Item | null, language: string): BodyEntry {
  const item = (after ?? before)!;
  if (item.type === 'text') {
    const old = before as Extract<Item, { type: 'text' }> | null;
    const now = after as Extract<Item, { type: 'text' }> | null;
    const entry: TextEntry = { type: 'text', status, a: ia, b: ib, kind: item.kind, parts: textParts(status, old?.text ?? '', now?.text ?? '', language) };
    if (old && now && old.kind !== now.kind) entry.previousKind = old.kind;
    return entry;
  }
  const old = before as Extract<Item, { type: 'figure' }> | null;
  const now = after as Extract<Item, { type: 'figure' }> | null;
  const fieldParts = (field: 'caption' | 'credit' | 'alt') => textParts(status, old?.figure[field] ?? '', now?.figure[field] ?? '', language);
  return {
    type: 'figure',
    status,
    a: ia,
    b: ib,
    before: old?.figure ?? null,
    after: now?.figure ?? null,
    imageChanged: old !== null && now !== null && old.figure.asset !== now.figure.asset,
    caption: fieldParts('caption'),
    credit: fieldParts('credit'),
    alt: fieldParts('alt'),
  };
}

function textParts(status: EntryStatus, a: string, b: string, language: string): DiffPart[] {
  if (status === 'changed') return diffText(a, b, language);
  if (status === 'inserted') return b ? [{ kind: 'insert', text: b }] : [];
  if (status === 'deleted') return a ? [{ kind: 'delete', text: a }] : [];
  return b ? [{ kind: 'equal', text: b }] : [];
}

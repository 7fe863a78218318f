/**
 * The article as a flat list of plain-text segments, in reading order: headline, deck, byline,
 * channel, then the body — one segment per top-level block, and for each figure (at its place
 * in the body) its caption, credit and alt text. Rules see only segment text; offsets are
 * relative to it.
 *
 * A block's plain text follows src/shared/article/body-walk.ts: text nodes as they are (a
 * MarkNode or LinkNode contributes the text inside it), a line break as '\n', a tab as '\t';
 * a list is its items' text joined with '\n', nested items in document order.
 */
import type { ArticleContent } from '../article/article';
import { CHANNEL_SEPARATOR } from '../article/article';
import type { BodyNode } from '../article/body';
import type { Field } from './finding';
import { isWhitespace } from './text';

export interface Segment {
  field: Field;
  /** Index of the top-level body block (body segments only). */
  block?: number;
  /** Index of the figure among the body's figures (caption, credit and alt segments only). */
  figure?: number;
  /** The block's node type for body segments ('paragraph', 'heading', 'quote', 'list', …), else the field. */
  kind: string;
  /**
   * Body segments: the block's number as a reader counts, from 1 — headings among headings, every
   * other block with text among those (figures and empty paragraphs are not counted; an empty
   * paragraph takes the number of the next one).
   */
  number?: number;
  text: string;
  /** A short name of the place, used in finding ids: 'headline', 'body.12', 'caption.3'. */
  where: string;
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem']);

function isStructural(type: string): boolean {
  return BLOCK_TYPES.has(type) || type === 'list' || type === 'figure';
}

function leafText(node: BodyNode): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  return '';
}

/** The inline text of an element: what its text, link, mark, line-break and tab children hold. */
function inlineText(node: BodyNode): string {
  const children = node.children;
  if (!children) return leafText(node);
  if (children.length === 1 && children[0]!.type === 'text') return leafText(children[0]!);
  let out = '';
  for (const child of children) {
    if (child.type === 'text') out += typeof child.text === 'string' ? child.text : '';
    else if (!isStructural(child.type)) out += inlineText(child);
  }
  return out;
}

function visitListItems(list: BodyNode, visit: (item: BodyNode, path: number[]) => void, path: number[]): void {
  const children = list.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const item = children[i]!;
    if (item.type !== 'listitem') continue;
    visit(item, [...path, i]);
    const inner = item.children ?? [];
    for (let j = 0; j < inner.length; j++) if (inner[j]!.type === 'list') visitListItems(inner[j]!, visit, [...path, i, j]);
  }
}

/** The plain text of one top-level body block. */
export function blockText(node: BodyNode): string {
  if (node.type !== 'list') return inlineText(node);
  const parts: string[] = [];
  visitListItems(node, (item) => parts.push(inlineText(item)), []);
  return parts.join('\n');
}

/** A stretch of a block's plain text and the node it comes from. */
export interface TextPiece {
  start: number;
  end: number;
  /** Child indices from the block node down to the text node; null for a line break, a tab or a list separator. */
  path: number[] | null;
}

function inlinePieces(node: BodyNode, path: number[], out: { text: string; pieces: TextPiece[] }): void {
  const children = node.children;
  if (!children) {
    const text = leafText(node);
    if (text.length === 0 && node.type !== 'text') return;
    out.pieces.push({ start: out.text.length, end: out.text.length + text.length, path: node.type === 'text' ? path : null });
    out.text += text;
    return;
  }
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (!isStructural(child.type)) inlinePieces(child, [...path, i], out);
  }
}

/** The block's plain text (equal to blockText) with where each stretch of it lives. */
export function blockPieces(node: BodyNode): { text: string; pieces: TextPiece[] } {
  const out = { text: '', pieces: [] as TextPiece[] };
  if (node.type !== 'list') {
    inlinePieces(node, [], out);
    return out;
  }
  let first = true;
  visitListItems(
    node,
    (item, path) => {
      if (!first) {
        out.pieces.push({ start: out.text.length, end: out.text.length + 1, path: null });
        out.text += '\n';
      }
      first = false;
      inlinePieces(item, path, out);
    },
    [],
  );
  return out;
}

/**
 * Figures inside a block, found the way body-walk's walkBody finds them (through blocks and
 * lists, not through links or marks), with their paths from the block.
 */
export function nestedFigures(node: BodyNode, visit: (figure: BodyNode, path: number[]) => void, path: number[] = []): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'figure') visit(child, [...path, i]);
    else if (BLOCK_TYPES.has(child.type) || child.type === 'list') nestedFigures(child, visit, [...path, i]);
  }
}

/** Where each figure of the body is: its path from the root, in the order of bodyFigures. */
export function figurePaths(content: ArticleContent): number[][] {
  const paths: number[][] = [];
  const children = content.body.root.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'figure') paths.push([i]);
    else nestedFigures(child, (_figure, path) => paths.push([i, ...path]));
  }
  return paths;
}

const whereCache: { body: string[]; caption: string[]; credit: string[]; alt: string[] } = { body: [], caption: [], credit: [], alt: [] };

function where(kind: keyof typeof whereCache, index: number): string {
  const list = whereCache[kind];
  return list[index] ?? (list[index] = `${kind}.${index}`);
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return true;
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function pushFigure(out: Segment[], figure: BodyNode, index: number): void {
  out.push({ field: 'caption', figure: index, kind: 'caption', text: stringOr(figure.caption), where: where('caption', index) });
  out.push({ field: 'credit', figure: index, kind: 'credit', text: stringOr(figure.credit), where: where('credit', index) });
  out.push({ field: 'alt', figure: index, kind: 'alt', text: stringOr(figure.alt), where: where('alt', index) });
}

/** The article's segments in reading order. */
export function extractSegments(content: ArticleContent): Segment[] {
  const out: Segment[] = [
    { field: 'headline', kind: 'headline', text: content.headline, where: 'headline' },
    { field: 'deck', kind: 'deck', text: content.deck, where: 'deck' },
    { field: 'byline', kind: 'byline', text: content.byline, where: 'byline' },
    { field: 'channel', kind: 'channel', text: content.channel.join(CHANNEL_SEPARATOR), where: 'channel' },
  ];
  const children = content.body.root.children ?? [];
  let figures = 0;
  let headings = 0;
  let paragraphs = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'figure') {
      pushFigure(out, child, figures++);
      continue;
    }
    const text = blockText(child);
    let number: number;
    if (child.type === 'heading') number = ++headings;
    else if (isBlank(text)) number = paragraphs + 1;
    else number = ++paragraphs;
    out.push({ field: 'body', block: i, kind: child.type, text, where: where('body', i), number });
    if (child.children) nestedFigures(child, (figure) => pushFigure(out, figure, figures++));
  }
  return out;
}

import type { ArticleContent } from '../article/article';
import type { BodyNode } from '../article/body';
import { suggestionNode } from './build';
import { FIGURE_PROPOSAL_FIELDS, META_PROPOSAL_FIELDS, PROPOSAL_LIMITS, type FieldProposal, type ProposalField, type SuggestionAttrs } from './model';

/**
 * Tracked changes read from a Word file. The import marks where each change starts and ends in
 * the text it converts (private-use characters a document never holds: start, the change's
 * number, separator; end), and lists the changes by number; this module turns the marked copy
 * into suggestions attributed to the authors Word names.
 */
export const CHANGE_START = '\uE000';
export const CHANGE_NUMBER_END = '\uE001';
export const CHANGE_END = '\uE002';
const MARKER = /\uE000(\d{1,7})\uE001|\uE002/g;
const ANY_MARK = /[\uE000-\uE002]/;

export interface ImportedChange {
  kind: 'insert' | 'delete';
  /** The author as the file names them. */
  author: string;
  /** When, as the file says (ISO 8601), or null when it does not. */
  at: string | null;
}

/** Opens and closes changes along a text: what the text between the marks is part of. */
class ChangeStack {
  private open: number[] = [];

  /** Splits `text` at its marks: each piece with the changes open over it. */
  pieces(text: string): Array<{ text: string; open: number[] }> {
    const out: Array<{ text: string; open: number[] }> = [];
    let last = 0;
    for (const match of text.matchAll(MARKER)) {
      if (match.index > last) out.push({ text: text.slice(last, match.index), open: this.open.slice() });
      if (match[1] !== undefined) this.open.push(Number(match[1]));
      else this.open.pop();
      last = match.index + match[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last), open: this.open.slice() });
    return out;
  }

  get state(): number[] {
    return this.open.slice();
  }
}

const stripMarks = (text: string) => text.replace(MARKER, '');

/** What a piece is: a change's text, plain copy, or inserted and then deleted again (neither copy). */
function effect(open: readonly number[], changes: readonly ImportedChange[]): number | null | 'none' {
  const kinds = open.map((n) => changes[n]?.kind);
  if (kinds.includes('insert') && kinds.includes('delete')) return 'none';
  return open.length > 0 && changes[open[open.length - 1]!] ? open[open.length - 1]! : null;
}

export interface ImportContext {
  changes: readonly ImportedChange[];
  newId: () => string;
  /** When the file gives no time (or a time that cannot be read). */
  now: string;
}

function authorship(change: ImportedChange, context: ImportContext) {
  const time = change.at ? new Date(change.at) : null;
  return {
    by: '' as const,
    byName: change.author.trim().slice(0, 80) || 'Word',
    at: time && !Number.isNaN(time.getTime()) ? time.toISOString() : context.now,
    stage: 'draft' as const,
  };
}

const INLINE = new Set(['text', 'linebreak', 'tab', 'link', 'autolink', 'mark']);

/** Strips the marks from an inline node's text (inside links and annotation marks), following the changes along. */
function stripNode(node: BodyNode, stack: ChangeStack): BodyNode {
  if (node.type === 'text') return { ...node, text: stack.pieces(node.text ?? '').map((p) => p.text).join('') };
  if (!Array.isArray(node.children)) return node;
  return { ...node, children: node.children.map((child) => stripNode(child, stack)) };
}

/** A line of inline nodes with its changes made into suggestion nodes. */
function inlineWithSuggestions(children: readonly BodyNode[], context: ImportContext): BodyNode[] {
  const stack = new ChangeStack();
  const out: BodyNode[] = [];
  let group: { change: number; nodes: BodyNode[]; attrs: SuggestionAttrs } | null = null;
  const flush = () => {
    if (group && group.nodes.length > 0) out.push(suggestionNode(group.attrs, group.nodes));
    group = null;
  };
  const place = (node: BodyNode, at: number | null | 'none') => {
    if (at === 'none') return;
    if (at === null) {
      flush();
      out.push(node);
      return;
    }
    if (!group || group.change !== at) {
      flush();
      const change = context.changes[at]!;
      group = { change: at, nodes: [], attrs: { ...authorship(change, context), kind: change.kind, id: context.newId() } };
    }
    group.nodes.push(node);
  };
  for (const child of children) {
    if (child.type === 'text') {
      for (const piece of stack.pieces(child.text ?? '')) if (piece.text) place({ ...child, text: piece.text }, effect(piece.open, context.changes));
    } else {
      const at = effect(stack.state, context.changes);
      place(stripNode(child, stack), at);
    }
  }
  flush();
  return out;
}

/** The value and the proposal a marked plain field (a caption, the headline) stands for. */
function fieldOf(text: string, field: ProposalField, context: ImportContext): { value: string; proposal: FieldProposal | null } {
  if (!ANY_MARK.test(text)) return { value: text, proposal: null };
  const stack = new ChangeStack();
  let base = '';
  let proposed = '';
  let first: ImportedChange | null = null;
  for (const piece of stack.pieces(text)) {
    const at = effect(piece.open, context.changes);
    if (at === 'none') continue;
    const change = at === null ? null : context.changes[at]!;
    first ??= change;
    if (!change || change.kind === 'delete') base += piece.text;
    if (!change || change.kind === 'insert') proposed += piece.text;
  }
  const limit = PROPOSAL_LIMITS[field];
  if (!first || base === proposed || proposed.length > limit || base.length > limit) return { value: base, proposal: null };
  return { value: base, proposal: { ...authorship(first, context), id: context.newId(), field, base, proposed } };
}

function withSuggestions(node: BodyNode, context: ImportContext): BodyNode {
  if (node.type === 'figure') {
    const out: BodyNode = { ...node };
    const proposals: FieldProposal[] = [];
    for (const field of FIGURE_PROPOSAL_FIELDS) {
      const { value, proposal } = fieldOf(String(node[field] ?? ''), field, context);
      out[field] = value;
      if (proposal) proposals.push(proposal);
    }
    if (proposals.length > 0) out.proposals = proposals;
    return out;
  }
  if (!Array.isArray(node.children)) return node;
  const inline = node.children.some((child) => INLINE.has(child.type));
  const children = inline ? inlineWithSuggestions(node.children, context) : node.children.map((child) => withSuggestions(child, context));
  return { ...node, children };
}

/**
 * The imported copy with the Word file's tracked changes as pending suggestions, each by the
 * author the file names (known only by name: `by` is ''), at the time it gives: insertions and
 * deletions in the body, and proposals on the headline, deck, byline, captions and credits. Text
 * inserted and deleted again is neither. Every mark is gone from what comes back.
 */
export function suggestionsFromChanges(content: ArticleContent, context: ImportContext): ArticleContent {
  const out: ArticleContent = { ...content, channel: content.channel.map(stripMarks), body: { ...content.body, root: withSuggestions(content.body.root, context) } };
  const proposals: FieldProposal[] = [];
  for (const field of META_PROPOSAL_FIELDS) {
    const { value, proposal } = fieldOf(content[field], field, context);
    out[field] = value;
    if (proposal) proposals.push(proposal);
  }
  if (proposals.length > 0) out.proposals = proposals as ArticleContent['proposals'];
  return out;
}

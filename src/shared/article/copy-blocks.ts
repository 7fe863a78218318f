import { safeLinkTarget } from '../security/urls';
import type { BodyNode, FigureFields, SerializedBody } from './body';
import { baseBody } from '../suggestions/views';
import { SUGGESTION_TYPE, suggestionAttrs, type FieldProposal } from '../suggestions/model';
import type { ChangeMark } from '../suggestions/tracked';

/**
 * A run of text with its emphasis; annotations (marks) are not part of the copy. `href` is a
 * link target the link rule accepts (security/urls.ts), normalized; any other link is plain text.
 */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  href: string | null;
  /** A pending suggestion's text, when the copy is read with its changes (`withChanges`). */
  change?: ChangeMark;
}

export type CopyBlock =
  | { kind: 'paragraph' | 'quote'; runs: TextRun[] }
  | { kind: 'heading'; level: 2 | 3; runs: TextRun[] }
  | { kind: 'list'; ordered: boolean; items: TextRun[][] }
  | { kind: 'figure'; figure: FigureFields; proposals?: FieldProposal[] };

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 8;

function runsOf(node: BodyNode, href: string | null = null, out: TextRun[] = [], change?: ChangeMark): TextRun[] {
  const push = (run: TextRun) => {
    if (change) run.change = change;
    const last = out[out.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.underline === run.underline && last.href === run.href && last.change === run.change) last.text += run.text;
    else out.push(run);
  };
  for (const child of node.children ?? []) {
    if (child.type === 'text' || child.type === 'tab') {
      const format = typeof child.format === 'number' ? child.format : 0;
      const text = child.type === 'tab' ? '\t' : (child.text ?? '');
      push({ text, bold: (format & BOLD) !== 0, italic: (format & ITALIC) !== 0, underline: (format & UNDERLINE) !== 0, href });
    } else if (child.type === 'linebreak') {
      push({ text: '\n', bold: false, italic: false, underline: false, href });
    } else if (child.type === 'link' || child.type === 'autolink') {
      runsOf(child, safeLinkTarget(child.url), out, change);
    } else if (child.type === 'mark') {
      runsOf(child, href, out, change);
    } else if (child.type === SUGGESTION_TYPE) {
      const attrs = suggestionAttrs(child)!;
      runsOf(child, href, out, { kind: attrs.kind, author: attrs.byName, at: attrs.at });
    }
  }
  return out;
}

function listItems(list: BodyNode): TextRun[][] {
  const items: TextRun[][] = [];
  for (const item of list.children ?? []) {
    const nested = (item.children ?? []).find((c) => c.type === 'list');
    if (nested) items.push(...listItems(nested));
    else items.push(runsOf(item));
  }
  return items;
}

/**
 * The body as the finished copy shows it: blocks of plain runs, figures, no annotations and no
 * pending suggestions (the copy as it stands: suggestions/views.ts). `withChanges` keeps the
 * pending suggestions instead, as runs marked with their change, and each figure's proposals.
 */
export function copyBlocks(body: SerializedBody, options: { withChanges?: boolean } = {}): CopyBlock[] {
  const blocks: CopyBlock[] = [];
  for (const node of (options.withChanges ? body : baseBody(body)).root.children ?? []) {
    switch (node.type) {
      case 'paragraph':
        blocks.push({ kind: 'paragraph', runs: runsOf(node) });
        break;
      case 'quote':
        blocks.push({ kind: 'quote', runs: runsOf(node) });
        break;
      case 'heading':
        blocks.push({ kind: 'heading', level: node.tag === 'h3' ? 3 : 2, runs: runsOf(node) });
        break;
      case 'list':
        blocks.push({ kind: 'list', ordered: node.listType === 'number', items: listItems(node) });
        break;
      case 'figure':
        blocks.push({ kind: 'figure', figure: node as unknown as FigureFields, ...(Array.isArray(node.proposals) && node.proposals.length > 0 ? { proposals: node.proposals as FieldProposal[] } : {}) });
        break;
    }
  }
  return blocks.filter((block) => block.kind !== 'paragraph' || block.runs.some((run) => run.text.trim() !== ''));
}

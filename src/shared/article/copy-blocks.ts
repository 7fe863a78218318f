import { safeLinkTarget } from '../security/urls';
import type { BodyNode, FigureFields, SerializedBody } from './body';
import { baseBody } from '../suggestions/views';

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
}

export type CopyBlock =
  | { kind: 'paragraph' | 'quote'; runs: TextRun[] }
  | { kind: 'heading'; level: 2 | 3; runs: TextRun[] }
  | { kind: 'list'; ordered: boolean; items: TextRun[][] }
  | { kind: 'figure'; figure: FigureFields };

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 8;

function runsOf(node: BodyNode, href: string | null = null, out: TextRun[] = []): TextRun[] {
  for (const child of node.children ?? []) {
    if (child.type === 'text' || child.type === 'tab') {
      const format = typeof child.format === 'number' ? child.format : 0;
      const text = child.type === 'tab' ? '\t' : (child.text ?? '');
      const run: TextRun = { text, bold: (format & BOLD) !== 0, italic: (format & ITALIC) !== 0, underline: (format & UNDERLINE) !== 0, href };
      const last = out[out.length - 1];
      if (last && last.bold === run.bold && last.italic === run.italic && last.underline === run.underline && last.href === run.href) last.text += run.text;
      else out.push(run);
    } else if (child.type === 'linebreak') {
      out.push({ text: '\n', bold: false, italic: false, underline: false, href });
    } else if (child.type === 'link' || child.type === 'autolink') {
      runsOf(child, safeLinkTarget(child.url), out);
    } else if (child.type === 'mark') {
      runsOf(child, href, out);
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
 * pending suggestions (the copy as it stands: suggestions/views.ts).
 */
export function copyBlocks(body: SerializedBody): CopyBlock[] {
  const blocks: CopyBlock[] = [];
  for (const node of baseBody(body).root.children ?? []) {
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
        blocks.push({ kind: 'figure', figure: node as unknown as FigureFields });
        break;
    }
  }
  return blocks.filter((block) => block.kind !== 'paragraph' || block.runs.some((run) => run.text.trim() !== ''));
}

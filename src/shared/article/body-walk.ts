import type { BodyNode, FigureFields, SerializedBody } from './body';
import { baseBody } from '../suggestions/views';

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem']);

export interface BodyBlock {
  kind: 'paragraph' | 'heading' | 'quote' | 'listitem';
  text: string;
}

function inlineText(node: BodyNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (!node.children) return '';
  let out = '';
  for (const child of node.children) {
    if (!BLOCK_TYPES.has(child.type) && child.type !== 'list') out += inlineText(child);
  }
  return out;
}

/** Visits text blocks and figures of the copy as it stands (no pending suggestion), in document order. */
export function walkBody(
  body: SerializedBody,
  visit: { block?: (block: BodyBlock) => void; figure?: (figure: FigureFields) => void },
): void {
  const stack: BodyNode[] = [baseBody(body).root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'figure') {
      visit.figure?.(node as unknown as FigureFields);
      continue;
    }
    if (BLOCK_TYPES.has(node.type)) {
      visit.block?.({ kind: node.type as BodyBlock['kind'], text: inlineText(node) });
    }
    const children = node.children;
    if (children) {
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i]!;
        if (child.type === 'figure' || BLOCK_TYPES.has(child.type) || child.type === 'list') stack.push(child);
      }
    }
  }
}

export function bodyPlainText(body: SerializedBody): string {
  const parts: string[] = [];
  walkBody(body, { block: (b) => parts.push(b.text) });
  return parts.join('\n');
}

export function bodyFigures(body: SerializedBody): FigureFields[] {
  const figures: FigureFields[] = [];
  walkBody(body, { figure: (f) => figures.push(f) });
  return figures;
}

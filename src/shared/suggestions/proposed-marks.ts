import type { ArticleContent } from '../article/article';
import type { BodyNode } from '../article/body';
import { diffText } from '../history/text-diff';
import { FIGURE_PROPOSAL_FIELDS, META_PROPOSAL_FIELDS, suggestionAttrs, suggestionKey, type FieldProposal } from './model';
import { proposedValue } from './proposals';

/**
 * Where a suggestion shows in the copy with every suggestion accepted (the text proofreading
 * reads): the text it inserts, [start, end), or for a deletion the point where text went.
 */
export interface ProposedMark {
  key: string;
  start: number;
  end: number;
}

const STRUCTURAL = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list', 'figure']);

/** Walks a block as proofreading's segments read it (checks/segments.ts), suggestions accepted. */
function blockMarks(block: BodyNode): ProposedMark[] {
  const marks: ProposedMark[] = [];
  let offset = 0;
  const inline = (node: BodyNode): void => {
    if (node.type === 'text') offset += typeof node.text === 'string' ? node.text.length : 0;
    else if (node.type === 'linebreak' || node.type === 'tab') offset += 1;
    const attrs = suggestionAttrs(node);
    if (attrs?.kind === 'delete') {
      marks.push({ key: suggestionKey(attrs), start: offset, end: offset });
      return;
    }
    const start = offset;
    for (const child of node.children ?? []) if (!STRUCTURAL.has(child.type)) inline(child);
    if (attrs) marks.push({ key: suggestionKey(attrs), start, end: offset });
  };
  if (block.type !== 'list') {
    inline(block);
    return marks;
  }
  let first = true;
  const items = (list: BodyNode): void => {
    for (const item of list.children ?? []) {
      if (item.type !== 'listitem') continue;
      if (!first) offset += 1;
      first = false;
      inline(item);
      for (const inner of item.children ?? []) if (inner.type === 'list') items(inner);
    }
  };
  items(block);
  return marks;
}

/** Marks of a field's proposals: each change from the value to the proposed value, given to the proposal that makes it. */
function fieldMarks(value: string, proposals: readonly FieldProposal[], language: string): ProposedMark[] {
  if (proposals.length === 0) return [];
  const proposed = proposedValue(value, proposals, language);
  const marks: ProposedMark[] = [];
  let offset = 0;
  for (const part of diffText(value, proposed, language)) {
    if (part.kind === 'delete') {
      const owner = proposals.find((p) => !p.proposed.includes(part.text)) ?? proposals[proposals.length - 1]!;
      marks.push({ key: owner.id, start: offset, end: offset });
      continue;
    }
    if (part.kind === 'insert') {
      const owner = proposals.find((p) => p.proposed.includes(part.text)) ?? proposals[proposals.length - 1]!;
      marks.push({ key: owner.id, start: offset, end: offset + part.text.length });
    }
    offset += part.text.length;
  }
  return marks;
}

/**
 * Every suggestion's marks, by the place proofreading names (the `where` of checks/segments.ts:
 * 'headline', 'body.12', 'caption.3'…). Places without suggestions are absent.
 */
export function proposedMarks(content: ArticleContent): Map<string, ProposedMark[]> {
  const out = new Map<string, ProposedMark[]>();
  const put = (where: string, marks: ProposedMark[]) => {
    if (marks.length > 0) out.set(where, marks);
  };
  for (const field of META_PROPOSAL_FIELDS) put(field, fieldMarks(content[field], (content.proposals ?? []).filter((p) => p.field === field), content.language));
  let figure = 0;
  const visitFigure = (node: BodyNode) => {
    const proposals = (node.proposals as FieldProposal[] | undefined) ?? [];
    for (const field of FIGURE_PROPOSAL_FIELDS) put(`${field}.${figure}`, fieldMarks(String(node[field] ?? ''), proposals.filter((p) => p.field === field), content.language));
    figure++;
  };
  const nested = (node: BodyNode) => {
    for (const child of node.children ?? []) {
      if (child.type === 'figure') visitFigure(child);
      else if (STRUCTURAL.has(child.type)) nested(child);
    }
  };
  (content.body.root.children ?? []).forEach((block, index) => {
    if (block.type === 'figure') return visitFigure(block);
    if (hasSuggestion(block)) put(`body.${index}`, blockMarks(block));
    nested(block);
  });
  return out;
}

function hasSuggestion(node: BodyNode): boolean {
  if (node.type === 'suggestion') return true;
  return node.children?.some(hasSuggestion) ?? false;
}

/** The suggestion a finding over [start, end) comes from: one whose text it covers or touches. */
export function markAt(marks: readonly ProposedMark[], start: number, end: number): string | null {
  for (const mark of marks) {
    if (mark.start === mark.end ? start <= mark.start && mark.start <= end : start < mark.end && mark.start < end) return mark.key;
  }
  for (const mark of marks) if (start === end && mark.start <= start && start <= mark.end) return mark.key;
  return null;
}

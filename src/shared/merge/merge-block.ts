/**
 * Three-way merge of one body block that both sides changed: a paragraph, heading or quote of
 * plain runs is merged by words; a figure field by field (caption, credit, alt text), each by
 * words. Anything else both sides changed differently collides.
 */
import { canonicalJson } from '../article/canonical';
import type { BodyNode } from '../article/body';
import { mergeText } from './merge-text';

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'quote']);
const FIGURE_TEXT = ['caption', 'credit', 'alt'] as const;

export function mergeBlock(base: BodyNode, a: BodyNode, b: BodyNode, language: string): BodyNode | null {
  const [kBase, kA, kB] = [base, a, b].map((node) => canonicalJson(node));
  if (kA === kBase) return b;
  if (kB === kBase || kA === kB) return a;
  if (base.type === 'figure' && a.type === 'figure' && b.type === 'figure') return mergeFigure(base, a, b, language);
  if (TEXT_BLOCKS.has(base.type) && a.type === base.type && b.type === base.type) return mergeRuns(base, a, b, language);
  return null;
}

function mergeFigure(base: BodyNode, a: BodyNode, b: BodyNode, language: string): BodyNode | null {
  const rest = (node: BodyNode) => canonicalJson({ ...node, caption: '', credit: '', alt: '' });
  if (rest(a) !== rest(base) || rest(b) !== rest(base)) return null;
  const merged: BodyNode = { ...a };
  for (const field of FIGURE_TEXT) {
    const text = mergeText(String(base[field] ?? ''), String(a[field] ?? ''), String(b[field] ?? ''), language);
    if (text === null) return null;
    merged[field] = text;
  }
  return merged;
}

/** A block whose children are one run of text (or none) on every side, with the same look. */
function mergeRuns(base: BodyNode, a: BodyNode, b: BodyNode, language: string): BodyNode | null {
  const runs = [base, a, b].map(singleRun);
  if (runs.some((run) => run === undefined)) return null;
  const blockLooks = new Set([base, a, b].map((node) => canonicalJson({ ...node, children: [] })));
  const runLooks = new Set(runs.filter((run) => run).map((run) => canonicalJson({ ...run, text: '' })));
  if (blockLooks.size > 1 || runLooks.size > 1) return null;
  const text = mergeText(runs[0]?.text ?? '', runs[1]?.text ?? '', runs[2]?.text ?? '', language);
  if (text === null) return null;
  const template = runs[1] ?? runs[2] ?? runs[0];
  return { ...a, children: text === '' || !template ? [] : [{ ...template, text }] };
}

/** The block's only text run; null when it has no children; undefined when it has anything else. */
function singleRun(node: BodyNode): BodyNode | null | undefined {
  const children = node.children ?? [];
  if (children.length === 0) return null;
  if (children.length === 1 && children[0]!.type === 'text') return children[0]!;
  return undefined;
}

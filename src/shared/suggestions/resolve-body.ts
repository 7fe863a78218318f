import type { BodyNode, SerializedBody } from '../article/body';
import { suggestionAttrs, type SuggestionAttrs, type SuggestionKind } from './model';

export type Decision = 'accept' | 'reject';
/** What becomes of each suggestion node: decided one way or the other, or left pending. */
export type Decide = (attrs: SuggestionAttrs) => Decision | 'keep';

/**
 * The one rule of deciding a body suggestion: an accepted insertion and a rejected deletion leave
 * their text in the copy (the node is unwrapped); a rejected insertion and an accepted deletion
 * take it away (the node and its text are removed).
 */
export function decisionEffect(kind: SuggestionKind, decision: Decision): 'unwrap' | 'remove' {
  return (kind === 'insert') === (decision === 'accept') ? 'unwrap' : 'remove';
}

const INLINE_WRAPPERS = new Set(['link', 'autolink', 'mark']);

export interface BodyMapping {
  decide: Decide;
  /** A figure node as it should be (its field proposals dropped or applied), or the same node. */
  figure?: (node: BodyNode) => BodyNode;
}

/**
 * The body with suggestions decided as `decide` says. Nothing else changes: unchanged nodes are
 * the same objects (a body without suggestions comes back as it is), and text nodes that end up
 * side by side with the same attributes are joined, as Lexical itself joins them, so rejecting
 * every suggestion gives back exactly the body they were made on.
 */
export function resolveBody(body: SerializedBody, mapping: BodyMapping): SerializedBody {
  const root = resolveNode(body.root, mapping);
  return root === body.root ? body : { ...body, root };
}

function resolveNode(node: BodyNode, mapping: BodyMapping): BodyNode {
  if (node.type === 'figure') return mapping.figure ? mapping.figure(node) : node;
  if (!Array.isArray(node.children)) return node;
  const children = resolveChildren(node.children, mapping);
  return children === node.children ? node : { ...node, children };
}

function resolveChildren(children: BodyNode[], mapping: BodyMapping): BodyNode[] {
  let out: BodyNode[] | null = null;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const attrs = suggestionAttrs(child);
    const decision = attrs ? mapping.decide(attrs) : 'keep';
    let replacement: BodyNode[] | null = null;
    if (attrs && decision !== 'keep') {
      replacement = decisionEffect(attrs.kind, decision) === 'remove' ? [] : resolveChildren(child.children ?? [], mapping);
    } else {
      const next = resolveNode(child, mapping);
      const emptied = INLINE_WRAPPERS.has(child.type) && (child.children?.length ?? 0) > 0 && (next.children?.length ?? 0) === 0;
      if (emptied) replacement = [];
      else if (next !== child) replacement = [next];
    }
    if (replacement === null) {
      out?.push(child);
      continue;
    }
    out ??= children.slice(0, i);
    out.push(...replacement);
  }
  return out === null ? children : joinTexts(out);
}

/** Joins neighbouring plain text nodes of the same format, style and mode. */
function joinTexts(nodes: BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last && isJoinable(last) && isJoinable(node) && sameAttributes(last, node)) out[out.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` };
    else out.push(node);
  }
  return out;
}

function isJoinable(node: BodyNode): boolean {
  return node.type === 'text' && (node.mode === undefined || node.mode === 'normal');
}

function sameAttributes(a: BodyNode, b: BodyNode): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === 'text') continue;
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

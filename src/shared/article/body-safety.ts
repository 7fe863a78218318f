import { safeLinkTarget } from '../security/urls';
import type { BodyNode, SerializedBody } from './body';

/**
 * The editor makes no inline styles (it has no colour, font or size controls, and pasted HTML
 * keeps only its structure): the only style it produces is none. A text node's `style` is set
 * on the page as it stands, so anything else — `position:fixed` over the whole window, say — is
 * never accepted from a file, a save or a paste.
 */
export function isEditorStyle(value: unknown): boolean {
  return value === undefined || value === '';
}

const LINK_TYPES = new Set(['link', 'autolink']);

/** A link node whose target the link rule refuses is kept as its text. */
function isRefusedLink(node: BodyNode): boolean {
  return LINK_TYPES.has(node.type) && safeLinkTarget(node.url) === null;
}

/** Whether `body` is already as the editor would make it: no style, no refused link. */
export function isEditorBody(body: SerializedBody): boolean {
  return normaliseBody(body) === body;
}

/**
 * The body as the editor itself would make it: styles it does not produce are cleared and a
 * link to any target other than http(s) or mailto is replaced by its text. Nothing else
 * changes; a body that needs nothing is returned as it is (the same object).
 */
export function normaliseBody(body: SerializedBody): SerializedBody {
  const root = normaliseNode(body.root);
  return root === body.root ? body : { ...body, root };
}

function normaliseNode(node: BodyNode): BodyNode {
  let out = node;
  if (!isEditorStyle(node.style)) out = { ...out, style: '' };
  if (!isEditorStyle(node.textStyle)) out = { ...out, textStyle: '' };
  if (Array.isArray(node.children)) {
    const children = normaliseChildren(node.children);
    if (children !== node.children) out = { ...out, children };
  }
  return out;
}

function normaliseChildren(children: BodyNode[]): BodyNode[] {
  let changed = false;
  const out: BodyNode[] = [];
  for (const child of children) {
    const next = normaliseNode(child);
    if (isRefusedLink(next)) {
      changed = true;
      out.push(...(next.children ?? []));
    } else {
      if (next !== child) changed = true;
      out.push(next);
    }
  }
  return changed ? out : children;
}

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ArticleContent } from './article';
import type { BodyNode, SerializedBody } from './body';
import { baseView } from '../suggestions/views';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * JSON with object keys sorted (by UTF-16 code units) at every level, no whitespace, and
 * `undefined` properties left out, so equal values always give the same string.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      if (record[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The publishable copy as one deterministic string: annotations, layout details and pending
 * suggestions (every one rejected: suggestions/views.ts) do not count.
 */
export function canonicalContent(article: ArticleContent): string {
  const content = baseView(article);
  return canonicalJson({
    channel: content.channel,
    headline: content.headline,
    deck: content.deck,
    byline: content.byline,
    language: content.language,
    body: canonicalBody(content.body),
  });
}

/** SHA-256 hex of `canonicalContent`: what a reviewer's approval is bound to. */
export function contentHash(content: ArticleContent): string {
  return sha256Hex(canonicalContent(content));
}

const ALWAYS_DROPPED = new Set(['version', 'direction', 'textFormat', 'textStyle']);

function isPresentational(key: string, value: unknown): boolean {
  if (ALWAYS_DROPPED.has(key)) return true;
  if (key === 'indent') return value === 0;
  if (key === 'format') return value === '' || value === 0;
  if (key === 'style') return value === '';
  return false;
}

function canonicalBody(body: SerializedBody): SerializedBody {
  return { root: canonicalNode(body.root) };
}

function canonicalNode(node: BodyNode): BodyNode {
  // fromEntries defines own properties, so a "__proto__" key stays an ordinary key.
  const entries = Object.entries(node)
    .filter(([key, value]) => key !== 'children' && !isPresentational(key, value));
  if (Array.isArray(node.children)) entries.push(['children', canonicalChildren(node.children)]);
  return Object.fromEntries(entries) as BodyNode;
}

/** Mark nodes only anchor annotations: their children take their place. */
function canonicalChildren(children: readonly BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  for (const child of children) {
    if (child.type === 'mark') {
      for (const grandchild of canonicalChildren(child.children ?? [])) appendMerged(out, grandchild);
    } else {
      appendMerged(out, canonicalNode(child));
    }
  }
  return out;
}

/** Joins a text node to a preceding one with the same attributes, as Lexical itself does. */
function appendMerged(out: BodyNode[], node: BodyNode): void {
  if (node.type === 'text' && !node.text) return;
  const last = out[out.length - 1];
  if (last && node.type === 'text' && last.type === 'text' && textAttributes(last) === textAttributes(node)) {
    out[out.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` };
    return;
  }
  out.push(node);
}

function textAttributes(node: BodyNode): string {
  return canonicalJson({ ...node, text: undefined });
}

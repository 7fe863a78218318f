/**
 * Three-way merge of two copies of an article saved from one base (two desks that crossed):
 * headline, deck, byline, channel and language field by field, the body block by block
 * (paragraph, heading, list, figure), and a block both changed by words (merge-block.ts).
 * What collides is kept as a collision naming both versions; a person picks one, or both for
 * body blocks. The same three copies give the same merge on every desk.
 */
import type { ArticleContent } from '../article/article';
import { bodyOf, type BodyNode } from '../article/body';
import { canonicalJson } from '../article/canonical';
import { diff3 } from './diff3';
import { mergeBlock } from './merge-block';
import { mergeText } from './merge-text';

export const MERGE_FIELDS = ['headline', 'deck', 'byline', 'channel', 'language'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export type MergeCollision =
  | { id: number; where: 'field'; field: MergeField; base: string; a: string; b: string }
  | { id: number; where: 'body'; base: BodyNode[]; a: BodyNode[]; b: BodyNode[] };

/** Which version of a collision to keep: a's, b's, or (body blocks) a's then b's. */
export type MergePick = 'a' | 'b' | 'both';

type BodyPart = { kind: 'fixed'; nodes: BodyNode[] } | { kind: 'collision'; id: number };

export interface ContentMerge {
  /** The fields as merged; a colliding field holds null until picked. */
  fields: { [F in MergeField]: ArticleContent[F] | null };
  body: BodyPart[];
  collisions: MergeCollision[];
}

/** Joins a channel path into one text to merge (a character no channel name holds). */
const CHANNEL_JOIN = '\u0000';

export function mergeContent(base: ArticleContent, a: ArticleContent, b: ArticleContent): ContentMerge {
  const collisions: MergeCollision[] = [];
  const language = a.language;
  const textOf = (content: ArticleContent, field: MergeField) => (field === 'channel' ? content.channel.join(CHANNEL_JOIN) : content[field]);
  const fields = {} as ContentMerge['fields'];
  for (const field of MERGE_FIELDS) {
    const [x, y, z] = [textOf(base, field), textOf(a, field), textOf(b, field)];
    const merged = field === 'language' || field === 'channel' ? scalar(x, y, z) : mergeText(x, y, z, language);
    if (merged === null) collisions.push({ id: collisions.length, where: 'field', field, base: x, a: y, b: z });
    (fields as Record<MergeField, unknown>)[field] = merged === null ? null : field === 'channel' ? splitChannel(merged) : merged;
  }
  const body: BodyPart[] = [];
  const fixed = (nodes: BodyNode[]) => {
    const last = body.at(-1);
    if (last?.kind === 'fixed') last.nodes.push(...nodes);
    else if (nodes.length > 0) body.push({ kind: 'fixed', nodes: [...nodes] });
  };
  const collide = (x: BodyNode[], y: BodyNode[], z: BodyNode[]) => {
    const id = collisions.length;
    collisions.push({ id, where: 'body', base: x, a: y, b: z });
    body.push({ kind: 'collision', id });
  };
  for (const region of diff3(blocksOf(base), blocksOf(a), blocksOf(b), canonicalJson)) {
    if (region.kind === 'resolved') fixed(region.items);
    else if (region.base.length === region.a.length && region.a.length === region.b.length) {
      // The same blocks changed on both sides: merge each one, and let only those that still collide collide.
      region.base.forEach((node, index) => {
        const merged = mergeBlock(node, region.a[index]!, region.b[index]!, language);
        if (merged) fixed([merged]);
        else collide([node], [region.a[index]!], [region.b[index]!]);
      });
    } else collide(region.base, region.a, region.b);
  }
  return { fields, body, collisions };
}

/** The merged copy with every collision settled by `picks` (a collision without a pick takes `fallback`). */
export function resolveMerge(merge: ContentMerge, picks: Readonly<Record<number, MergePick>>, fallback: MergePick = 'b'): ArticleContent {
  const pickOf = (id: number) => picks[id] ?? fallback;
  const field = <F extends MergeField>(name: F): ArticleContent[F] => {
    const merged = merge.fields[name];
    if (merged !== null) return merged as ArticleContent[F];
    const collision = merge.collisions.find((entry) => entry.where === 'field' && entry.field === name) as Extract<MergeCollision, { where: 'field' }>;
    const text = pickOf(collision.id) === 'b' ? collision.b : collision.a;
    return (name === 'channel' ? splitChannel(text) : text) as ArticleContent[F];
  };
  const nodes: BodyNode[] = [];
  for (const part of merge.body) {
    if (part.kind === 'fixed') {
      nodes.push(...part.nodes);
      continue;
    }
    const collision = merge.collisions[part.id] as Extract<MergeCollision, { where: 'body' }>;
    const pick = pickOf(part.id);
    if (pick !== 'b') nodes.push(...collision.a);
    if (pick !== 'a') nodes.push(...collision.b);
  }
  return {
    channel: field('channel'),
    headline: field('headline'),
    deck: field('deck'),
    byline: field('byline'),
    language: field('language'),
    body: bodyOf(nodes),
  };
}

function blocksOf(content: ArticleContent): BodyNode[] {
  return content.body.root.children ?? [];
}

function scalar(base: string, a: string, b: string): string | null {
  if (a === b || b === base) return a;
  if (a === base) return b;
  return null;
}

export function splitChannel(text: string): string[] {
  return text === '' ? [] : text.split(CHANNEL_JOIN);
}

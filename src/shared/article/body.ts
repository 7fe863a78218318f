import { z } from '../zod';
import { AssetIdSchema } from './ids';
import { normaliseBody } from './body-safety';
import { FigureProposalSchema, MAX_PROPOSALS, SerializedSuggestionSchema, SUGGESTION_CHILD_TYPES, SUGGESTION_TYPE } from '../suggestions/model';

/** The Lexical node types the body may contain, by their serialized `type`. */
export const BODY_NODE_TYPES = [
  'root',
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'text',
  'linebreak',
  'tab',
  'link',
  'autolink',
  'mark',
  'figure',
  'suggestion',
] as const;

export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageMime = (typeof IMAGE_MIME_TYPES)[number];

export const FigureFieldsSchema = z.object({
  asset: AssetIdSchema,
  mime: z.enum(IMAGE_MIME_TYPES),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  caption: z.string().max(2_000),
  credit: z.string().max(300),
  alt: z.string().max(1_000),
});
export type FigureFields = z.infer<typeof FigureFieldsSchema>;

export const SerializedFigureSchema = FigureFieldsSchema.extend({
  type: z.literal('figure'),
  version: z.literal(1),
  /** Pending proposals for the caption and credit (suggestions/model.ts). */
  proposals: z.array(FigureProposalSchema).max(MAX_PROPOSALS).optional(),
});
export type SerializedFigure = z.infer<typeof SerializedFigureSchema>;

export interface BodyNode {
  type: string;
  children?: BodyNode[];
  text?: string;
  [key: string]: unknown;
}

export interface SerializedBody {
  root: BodyNode;
}

const MAX_DEPTH = 24;
/** A node's attributes are short values (a format, a URL, a list of mark ids), never deep structures. */
const MAX_ATTRIBUTE_DEPTH = 4;
const knownTypes = new Set<string>(BODY_NODE_TYPES);

/** Why an attribute value is not what a stored file can hold (plain JSON, shallow), or null. */
function attributeProblem(value: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    // undefined is what JSON leaves out: harmless.
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'a number that is not finite';
      continue;
    }
    const plain = Array.isArray(v) || (typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v)));
    if (!plain) return 'not a JSON value';
    if (item.depth >= MAX_ATTRIBUTE_DEPTH) return 'nested too deeply';
    for (const child of Array.isArray(v) ? Array.from(v) : Object.values(v as object)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return null;
}

/**
 * Structural check of a serialized Lexical body: known node types only, bounded depth,
 * attributes that are plain, shallow JSON, well-formed figures. Lexical itself validates the finer details when it parses.
 */
export function bodyProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'body is not an object';
  const root = (value as { root?: unknown }).root;
  if (typeof root !== 'object' || root === null) return 'body has no root';
  if ((root as BodyNode).type !== 'root') return 'body root has the wrong type';
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) return 'body is nested too deeply';
    if (typeof node !== 'object' || node === null) return 'body contains a non-object node';
    const { type, children, text } = node as BodyNode;
    if (typeof type !== 'string' || !knownTypes.has(type)) return `body contains an unknown node type "${String(type)}"`;
    for (const [key, value] of Object.entries(node)) {
      const problem = key === 'children' ? null : attributeProblem(value);
      if (problem) return `body node attribute "${key}" is ${problem}`;
    }
    if (text !== undefined && typeof text !== 'string') return 'body text is not a string';
    if (type === 'figure') {
      const parsed = SerializedFigureSchema.safeParse(node);
      if (!parsed.success) return `body contains a malformed figure: ${parsed.error.issues[0]?.message ?? ''}`;
    }
    if (type === SUGGESTION_TYPE) {
      const problem = suggestionProblem(node as BodyNode, depth);
      if (problem) return problem;
    }
    if (children !== undefined) {
      if (!Array.isArray(children)) return 'body node children is not a list';
      for (const child of children) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * A suggestion node is checked strictly (every attribute, nothing unknown), sits inside a block
 * (never at the top level) and holds only inline text, never another suggestion.
 */
function suggestionProblem(node: BodyNode, depth: number): string | null {
  const parsed = SerializedSuggestionSchema.safeParse(node);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `body contains a malformed suggestion: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim();
  }
  if (depth < 2) return 'body contains a suggestion outside a paragraph';
  const stack = [...(node.children ?? [])];
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (typeof child !== 'object' || child === null) continue;
    if (!SUGGESTION_CHILD_TYPES.has(child.type)) return `body contains a suggestion holding a "${String(child.type)}" node`;
    if (Array.isArray(child.children)) stack.push(...child.children);
  }
  return null;
}

/**
 * A well-formed body, made as the editor would make it (body-safety.ts): a style or link the
 * editor does not produce is dropped wherever a body is read — a save, a file, an import.
 */
export const BodySchema = z
  .custom<SerializedBody>((value) => bodyProblem(value) === null, { message: 'body is not a valid article body' })
  .transform(normaliseBody);

/** A body holding `children` as its top-level blocks. */
export function bodyOf(children: BodyNode[]): SerializedBody {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } };
}

export function emptyBody(): SerializedBody {
  return bodyOf([paragraphNode('')]);
}

export function textNode(text: string, format = 0): BodyNode {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

export function paragraphNode(text: string): BodyNode {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: text ? [textNode(text)] : [],
  };
}

/** A link around `children` (plain text when a string is given). */
export function linkNode(url: string, children: string | BodyNode[]): BodyNode {
  const inner = typeof children === 'string' ? [textNode(children)] : children;
  return { type: 'link', version: 1, url, rel: null, target: null, title: null, direction: null, format: '', indent: 0, children: inner };
}

/** A paragraph of the given inline nodes. */
export function paragraphOf(children: BodyNode[]): BodyNode {
  return { ...paragraphNode(''), children };
}

export function headingNode(text: string, tag: 'h2' | 'h3' = 'h2'): BodyNode {
  return {
    type: 'heading',
    version: 1,
    tag,
    direction: null,
    format: '',
    indent: 0,
    children: text ? [textNode(text)] : [],
  };
}

export function figureNode(fields: FigureFields): BodyNode {
  return { type: 'figure', version: 1, ...fields };
}

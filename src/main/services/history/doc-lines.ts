import type { ArticleContent } from '../../../shared/article/article';
import type { BodyNode } from '../../../shared/article/body';
import { canonicalJson } from '../../../shared/article/canonical';

/**
 * The stored form of one revision: a list of lines, each a canonical JSON text without a
 * newline. Line 0 holds every field and the root's own attributes; each further line is one
 * top-level block of the body (paragraph, heading, list, figure…). An edit to one paragraph
 * or one caption therefore changes one line, which is what makes deltas small.
 */
export const LINES_FORMAT = 1;

interface Header {
  format: typeof LINES_FORMAT;
  /** The content with the root's children left out. */
  content: ArticleContent;
  /** Whether the root had a `children` list at all. */
  children: boolean;
}

/** The content fields a revision keeps (pending field proposals too); anything else on the object passed in is not history. */
export function pickContent(content: ArticleContent): ArticleContent {
  const { channel, headline, deck, byline, language, body, proposals } = content;
  return { channel, headline, deck, byline, language, body, ...(proposals ? { proposals } : {}) };
}

export function contentLines(content: ArticleContent): string[] {
  const picked = pickContent(content);
  const { children, ...root } = picked.body.root;
  const header: Header = {
    format: LINES_FORMAT,
    content: { ...picked, body: { ...picked.body, root: root as BodyNode } },
    children: children !== undefined,
  };
  const lines = [canonicalJson(header)];
  for (const child of children ?? []) lines.push(canonicalJson(child));
  return lines;
}

export function linesContent(lines: readonly string[]): ArticleContent {
  const first = lines[0];
  if (first === undefined) throw new Error('a stored revision has no lines');
  const header = JSON.parse(first) as Partial<Header> | null;
  if (!header || header.format !== LINES_FORMAT || typeof header.content !== 'object' || header.content === null) {
    throw new Error('a stored revision has an unknown header');
  }
  const content = header.content;
  const root = content.body?.root as BodyNode | undefined;
  if (typeof root !== 'object' || root === null) throw new Error('a stored revision has no body root');
  if (header.children) root.children = lines.slice(1).map((line) => JSON.parse(line) as BodyNode);
  else if (lines.length > 1) throw new Error('a stored revision has blocks but its root has no children');
  return content;
}

/** What the state hash covers: the exact stored lines. */
export function linesText(lines: readonly string[]): string {
  return lines.join('\n');
}

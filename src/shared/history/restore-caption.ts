import type { ArticleContent } from '../article/article';
import type { BodyNode } from '../article/body';

function figures(root: BodyNode, out: BodyNode[] = []): BodyNode[] {
  for (const child of root.children ?? []) {
    if (child.type === 'figure') out.push(child);
    else figures(child, out);
  }
  return out;
}

/**
 * The current copy with the caption (and credit) of its figure `index` taken from figure
 * `sourceIndex` of an earlier version; null when either figure does not exist.
 */
export function setFigureCaption(current: ArticleContent, earlier: ArticleContent, index: number, sourceIndex: number): ArticleContent | null {
  const source = figures(earlier.body.root)[sourceIndex];
  if (!source) return null;
  const body = structuredClone(current.body);
  const target = figures(body.root)[index];
  if (!target) return null;
  target.caption = source.caption;
  target.credit = source.credit;
  return { ...current, body };
}

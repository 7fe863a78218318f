import type { BodyNode } from '../article/body';
import { SUGGESTION_TYPE, type SuggestionAttrs } from './model';

/** A suggestion node around `children` (plain text when a string is given), as the editor stores it. */
export function suggestionNode(attrs: SuggestionAttrs, children: string | BodyNode[]): BodyNode {
  const inner = typeof children === 'string' ? [{ type: 'text', version: 1, text: children, format: 0, detail: 0, mode: 'normal', style: '' }] : children;
  const { group, ...rest } = attrs;
  return { type: SUGGESTION_TYPE, version: 1, ...rest, ...(group ? { group } : {}), direction: null, format: '', indent: 0, children: inner };
}

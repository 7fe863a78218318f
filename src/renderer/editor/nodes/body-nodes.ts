import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { FigureNode } from './FigureNode';
import { SuggestionNode } from './SuggestionNode';

/** Every node the article body may hold; the stored format lists the same types. */
export const BODY_NODES: Array<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  MarkNode,
  FigureNode,
  SuggestionNode,
];

/**
 * The parts of an article the app's own Word export marks with paragraph styles (see
 * src/main/services/import/convert-document.ts for the style map): channel, deck, byline and
 * the reviewers' footer. The footer names who signed *that* copy, so it never comes back.
 */
import { parseChannel } from '../../shared/article/article';

export const PART_CLASSES = {
  channel: 'newsroom-channel',
  deck: 'newsroom-deck',
  byline: 'newsroom-byline',
  footer: 'newsroom-footer',
  figure: 'newsroom-figure',
  caption: 'newsroom-caption',
  credit: 'newsroom-credit',
} as const;

export interface MarkedParts {
  channel: string[];
  deck: string;
  byline: string;
}

/** The text of an element as the editor holds it: a line break is '\n'; `skip` leaves parts out. */
export function plainText(element: Element, skip?: (el: Element) => boolean): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += (child as Text).data;
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') out += '\n';
        else if (!skip?.(el)) walk(el);
      }
    }
  };
  walk(element);
  return out;
}

/** Takes the marked parts out of `root`; a part that is not there is empty. */
export function takeMarkedParts(root: ParentNode): MarkedParts {
  const take = (name: string): string => {
    const found = Array.from(root.querySelectorAll(`p.${name}`));
    const text = found.map((p) => plainText(p).trim()).filter(Boolean).join('\n');
    for (const p of found) p.remove();
    return text;
  };
  const channel = parseChannel(take(PART_CLASSES.channel));
  const deck = take(PART_CLASSES.deck);
  const byline = take(PART_CLASSES.byline);
  take(PART_CLASSES.footer);
  return { channel, deck, byline };
}

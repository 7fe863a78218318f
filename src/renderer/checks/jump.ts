import type { LexicalEditor } from 'lexical';
import type { Finding } from '../../shared/checks/index';
import { blockRange } from './dom-range';

const FIELD_SELECTORS: Record<string, string> = {
  headline: '.meta-headline textarea',
  deck: '.meta-deck textarea',
  byline: '.meta-byline input',
  channel: '.meta-channel input',
};
const FIGURE_SELECTORS: Record<string, string> = { caption: '.figure-caption', credit: '.figure-credit', alt: '.figure-alt' };

/** Takes the eye, and the selection, to what a finding is about. */
export function jumpToFinding(finding: Finding, editor: LexicalEditor | null): void {
  jumpTo(finding.location, editor);
}

/** A place in the copy: a field (with its offsets), a body block, or a figure's caption or credit. */
export interface CopyPlace {
  field: string;
  block?: number;
  figure?: number;
  start: number;
  end: number;
}

/** Takes the eye, and the selection, to a place in the copy (a finding's, a search hit's). */
export function jumpTo(place: CopyPlace, editor: LexicalEditor | null): void {
  const { field, block, figure, start, end } = place;
  if (field === 'body' && editor && block !== undefined) {
    const range = blockRange(editor, block, start, end);
    if (!range) return;
    editor.getRootElement()?.focus({ preventScroll: true });
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    (range.startContainer.parentElement ?? editor.getRootElement())?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return;
  }
  let input: HTMLInputElement | HTMLTextAreaElement | null = null;
  if (field in FIELD_SELECTORS) input = document.querySelector(FIELD_SELECTORS[field]!);
  else if (figure !== undefined) {
    const figureElement = editor?.getRootElement()?.querySelectorAll('figure.figure')[figure];
    input = figureElement?.querySelector(FIGURE_SELECTORS[field] ?? '') ?? null;
  }
  if (!input) return;
  input.scrollIntoView({ block: 'center', behavior: 'smooth' });
  input.focus({ preventScroll: true });
  input.setSelectionRange(start, end);
}

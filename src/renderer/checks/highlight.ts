import type { LexicalEditor } from 'lexical';
import type { Finding } from '../../shared/checks/index';
import { blockRange } from './dom-range';

const NAMES = { required: 'check-required', recommended: 'check-recommended' } as const;

/** Underlines body findings without touching the document: CSS highlights over DOM ranges. */
export function showFindingHighlights(editor: LexicalEditor, findings: Finding[]): void {
  const registry = CSS.highlights;
  if (!registry || typeof Highlight === 'undefined') return;
  for (const severity of ['required', 'recommended'] as const) {
    const ranges = findings
      .filter((f) => f.severity === severity && !f.ignored && f.location.field === 'body' && f.location.block !== undefined && f.location.end > f.location.start)
      .map((f) => blockRange(editor, f.location.block!, f.location.start, f.location.end))
      .filter((r): r is Range => r !== null);
    registry.set(NAMES[severity], new Highlight(...ranges));
  }
}

export function clearFindingHighlights(): void {
  const registry = CSS.highlights;
  registry?.delete(NAMES.required);
  registry?.delete(NAMES.recommended);
}

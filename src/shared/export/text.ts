import { formatChannel, type Language } from '../article/article';
import type { FigureFields } from '../article/body';
import { copyBlocks, type CopyBlock, type TextRun } from '../article/copy-blocks';
import { isBlank, type ExportableArticle } from './html';
import { DRAFT_MARK, EXPORT_LABELS } from './labels';
import { cleanText, oneLine } from './text-safety';

export interface TextExportOptions {
  footer: string | null;
  draft: boolean;
  language?: Language;
}

function runsText(runs: readonly TextRun[]): string {
  return cleanText(runs.map((run) => run.text).join('')).trim();
}

function indented(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, index) => `${index === 0 ? first : rest}${line}`.trimEnd())
    .join('\n');
}

/** "[Figure n: caption — credit]"; the alt text stands in for a missing caption. */
export function figureLine(figure: FigureFields, number: number): string {
  const caption = oneLine(figure.caption) || oneLine(figure.alt);
  const credit = oneLine(figure.credit);
  const text = [caption, credit].filter(Boolean).join(' — ');
  return text ? `[Figure ${number}: ${text}]` : `[Figure ${number}]`;
}

function blockText(block: CopyBlock, figureNumber: number): string | null {
  switch (block.kind) {
    case 'paragraph':
      return runsText(block.runs);
    case 'heading':
      return isBlank(block.runs) ? null : oneLine(runsText(block.runs));
    case 'quote':
      return isBlank(block.runs) ? null : indented(runsText(block.runs), '    ', '    ');
    case 'list': {
      const items = block.items.filter((runs) => !isBlank(runs));
      if (items.length === 0) return null;
      return items
        .map((runs, index) => {
          const marker = block.ordered ? `${index + 1}. ` : '- ';
          return indented(runsText(runs), marker, ' '.repeat(marker.length));
        })
        .join('\n');
    }
    case 'figure':
      return figureLine(block.figure, figureNumber);
  }
}

/**
 * The article as plain text: channel path, headline, deck, byline, body with each figure as a
 * "[Figure n: caption — credit]" line, and the review footer. Blocks are separated by blank lines.
 */
export function exportText(article: ExportableArticle, options: TextExportOptions): string {
  const labels = EXPORT_LABELS[options.language ?? article.language];
  const out: string[] = [];
  const header: string[] = [];
  if (options.draft) header.push(`[${DRAFT_MARK}] ${labels.draftNote}`);
  const channel = article.channel.map(oneLine).filter(Boolean);
  if (channel.length > 0) header.push(formatChannel(channel));
  if (header.length > 0) out.push(header.join('\n'));
  out.push(oneLine(article.headline));
  if (article.deck.trim()) out.push(cleanText(article.deck).trim());
  if (article.byline.trim()) out.push(cleanText(article.byline).trim());
  let figures = 0;
  for (const block of copyBlocks(article.body)) {
    if (block.kind === 'figure') figures++;
    const text = blockText(block, figures);
    if (text) out.push(text);
  }
  out.push(cleanText(options.footer?.trim() || labels.footerMissing));
  return `${out.join('\n\n')}\n`;
}

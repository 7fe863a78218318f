import type { Language } from '../article/article';
import type { FigureFields } from '../article/body';
import { copyBlocks, type CopyBlock, type TextRun } from '../article/copy-blocks';
import { isBlank, type ExportableArticle, type ImageSource } from './html';
import { DRAFT_MARK, EXPORT_LABELS } from './labels';
import { cleanText, oneLine } from './text-safety';

export interface MarkdownExportOptions {
  footer: string | null;
  /** The path written for figure `index` (0-based), relative to the Markdown file. */
  imagePath: ImageSource;
  draft: boolean;
  language?: Language;
}

/** Characters with a meaning anywhere in a CommonMark (and GFM) line; a backslash makes them literal. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~#]/g;
/** `&amp;` and the like would be read as character references. */
const ENTITY_LIKE = /&(?=#?[a-z0-9]+;)/gi;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

function escapeInline(text: string): string {
  return cleanText(text).replace(INLINE_SPECIAL, '\\$&').replace(ENTITY_LIKE, '\\&');
}

/** Line breaks inside a block become hard breaks (a backslash before the line end). */
function withHardBreaks(markdown: string): string {
  return markdown.replace(/\n/g, '\\\n');
}

function isSpace(ch: string): boolean {
  return ch === '' || WHITESPACE.test(ch);
}

/**
 * Whether `*` delimiters around `inner` would be read as emphasis (CommonMark's flanking rules):
 * an opening delimiter followed by punctuation must itself follow space or punctuation, and a
 * closing one preceded by punctuation must be followed by space or punctuation. Chinese text
 * hits this often ("文字**“引语”**文字"), and then HTML tags are used instead.
 */
function delimitersWork(inner: string, before: string, after: string): boolean {
  const first = inner[0] ?? '';
  const last = inner[inner.length - 1] ?? '';
  const opens = !PUNCTUATION.test(first) || isSpace(before) || PUNCTUATION.test(before);
  const closes = !PUNCTUATION.test(last) || isSpace(after) || PUNCTUATION.test(after);
  return opens && closes;
}

interface Piece {
  run: TextRun;
  lead: string;
  core: string;
  trail: string;
  emphasized: boolean;
}

function piece(run: TextRun): Piece {
  const text = escapeInline(run.text);
  const emphasized = (run.bold || run.italic) && text.trim() !== '';
  if (!emphasized) return { run, lead: '', core: text, trail: '', emphasized: false };
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text.slice(lead.length))![0];
  return { run, lead, core: text.slice(lead.length, text.length - trail.length), trail, emphasized: true };
}

/** Runs as inline Markdown: emphasis as `**`/`*` where CommonMark reads it so, else as HTML tags. */
function inlineMarkdown(runs: readonly TextRun[]): string {
  const pieces = runs.map(piece);
  let out = '';
  pieces.forEach((p, index) => {
    if (!p.emphasized) {
      out += p.core;
      return;
    }
    const previous = pieces[index - 1];
    const next = pieces[index + 1];
    const before = p.lead ? ' ' : (out[out.length - 1] ?? '');
    const after = p.trail ? ' ' : (next ? (next.lead[0] ?? next.core[0] ?? '') : '');
    // Delimiters of two emphasized runs that touch would merge; tags keep them apart.
    const touches = (!p.lead && previous?.emphasized && !previous.trail) || (!p.trail && next?.emphasized && !next.lead);
    let text: string;
    if (!touches && delimitersWork(p.core, before, after)) {
      const delimiter = p.run.bold && p.run.italic ? '***' : p.run.bold ? '**' : '*';
      text = `${delimiter}${p.core}${delimiter}`;
    } else {
      text = p.core;
      if (p.run.italic) text = `<em>${text}</em>`;
      if (p.run.bold) text = `<strong>${text}</strong>`;
    }
    out += `${p.lead}${text}${p.trail}`;
  });
  return out;
}

/** A link destination CommonMark reads whole: no spaces, brackets or parentheses left bare. */
function destination(url: string): string {
  return cleanText(url).replace(/[\s()<>\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function runsMarkdown(runs: readonly TextRun[]): string {
  let out = '';
  let index = 0;
  while (index < runs.length) {
    const href = runs[index]!.href;
    let end = index + 1;
    while (end < runs.length && runs[end]!.href === href) end++;
    const group = runs.slice(index, end);
    const label = inlineMarkdown(group);
    out += href && label.trim() ? `[${label}](${destination(href)})` : label;
    index = end;
  }
  return out;
}

/**
 * Keeps a line from starting a list item, a heading underline or a thematic break; leading
 * spaces would make an indented code block and are dropped.
 */
function safeLineStart(line: string): string {
  const text = line.replace(/^[ \t]+/, '');
  if (/^[-=]+\s*$/.test(text) || /^[+-](?=\s|$)/.test(text)) return `\\${text}`;
  return text.replace(/^\d{1,9}(?=[.)](?:\s|$))/, '$&\\');
}

/** Inline Markdown as the lines of one block. */
function blockLines(markdown: string): string[] {
  return withHardBreaks(markdown.trim()).split('\n').map(safeLineStart);
}

function paragraph(markdown: string): string {
  return blockLines(markdown).join('\n');
}

function prefixed(lines: readonly string[], first: string, rest: string): string {
  return lines.map((line, index) => `${index === 0 ? first : rest}${line}`.trimEnd()).join('\n');
}

function figureMarkdown(figure: FigureFields, path: string): string {
  const image = `![${escapeInline(oneLine(figure.alt))}](${destination(path)})`;
  const caption = oneLine(figure.caption);
  const credit = oneLine(figure.credit);
  if (!caption && !credit) return image;
  const runs: TextRun[] = [];
  if (caption) runs.push({ text: caption, bold: false, italic: true, underline: false, href: null });
  if (credit) runs.push({ text: `${caption ? ' — ' : '— '}${credit}`, bold: false, italic: false, underline: false, href: null });
  return `${image}\n${paragraph(inlineMarkdown(runs))}`;
}

function blockMarkdown(block: CopyBlock, imagePath: ImageSource, figureIndex: number): string | null {
  switch (block.kind) {
    case 'paragraph':
      return paragraph(runsMarkdown(block.runs));
    case 'heading': {
      if (isBlank(block.runs)) return null;
      const oneLineRuns = block.runs.map((run) => ({ ...run, text: run.text.replace(/\s*\n\s*/g, ' ') }));
      return `${'#'.repeat(block.level)} ${paragraph(runsMarkdown(oneLineRuns))}`;
    }
    case 'quote':
      return isBlank(block.runs) ? null : prefixed(blockLines(runsMarkdown(block.runs)), '> ', '> ');
    case 'list': {
      const items = block.items.filter((runs) => !isBlank(runs));
      if (items.length === 0) return null;
      return items
        .map((runs, index) => {
          const marker = block.ordered ? `${index + 1}. ` : '- ';
          return prefixed(blockLines(runsMarkdown(runs)), marker, ' '.repeat(marker.length));
        })
        .join('\n');
    }
    case 'figure':
      return figureMarkdown(block.figure, imagePath(block.figure, figureIndex));
  }
}

function plainParagraph(text: string, italic = false): string {
  return paragraph(inlineMarkdown([{ text: cleanText(text).trim(), bold: false, italic, underline: false, href: null }]));
}

/**
 * The article as CommonMark: channel path, headline, deck, byline, body, each figure as an image
 * followed by its caption and credit, and the review footer after a rule. Text is escaped, so
 * nothing in the copy turns into markup; underline has no Markdown form and is left out.
 */
export function exportMarkdown(article: ExportableArticle, options: MarkdownExportOptions): string {
  const labels = EXPORT_LABELS[options.language ?? article.language];
  const out: string[] = [];
  if (options.draft) out.push(`> **${escapeInline(DRAFT_MARK)}** ${escapeInline(labels.draftNote)}`);
  const channel = article.channel.map(oneLine).filter(Boolean);
  if (channel.length > 0) out.push(paragraph(channel.map(escapeInline).join(' › ')));
  out.push(`# ${paragraph(escapeInline(oneLine(article.headline)))}`);
  if (article.deck.trim()) out.push(plainParagraph(article.deck, true));
  if (article.byline.trim()) out.push(plainParagraph(article.byline));
  let figures = 0;
  for (const block of copyBlocks(article.body)) {
    const markdown = blockMarkdown(block, options.imagePath, figures);
    if (block.kind === 'figure') figures++;
    if (markdown) out.push(markdown);
  }
  out.push('---');
  out.push(plainParagraph(options.footer?.trim() || labels.footerMissing));
  return `${out.join('\n\n')}\n`;
}

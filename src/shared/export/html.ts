import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { Article, Language } from '../article/article';
import type { FigureFields, SerializedBody } from '../article/body';
import { copyBlocks, type CopyBlock, type TextRun } from '../article/copy-blocks';
import { DRAFT_MARK, EXPORT_LABELS } from './labels';
import { escapeHtml } from './text-safety';

/** The fields of an article the copy is made of. */
export type ExportableArticle = Pick<Article, 'channel' | 'headline' | 'deck' | 'byline' | 'language' | 'body'>;

/** Gives the `src` of figure `index` (0-based, in document order): a data: URI or a relative path. */
export type ImageSource = (figure: FigureFields, index: number) => string;

export interface HtmlExportOptions {
  /** The review footer (`reviewFooter`), or null when the copy is not signed off. */
  footer: string | null;
  images: ImageSource;
  /** Not final copy: the page carries a visible DRAFT / 草稿 mark. */
  draft: boolean;
  /** Language of the few words the export adds itself; the copy's own language by default. */
  language?: Language;
}

const SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';
const SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, Georgia, "Times New Roman", serif';

/** The embedded stylesheet. Its hash goes into the page's Content-Security-Policy. */
export const EXPORT_STYLESHEET = [
  `html{font-family:${SERIF};line-height:1.75;color:#1a1a1a;background:#fff}`,
  'body{margin:0}',
  'article{max-width:42rem;margin:0 auto;padding:2.5rem 1.25rem 3rem}',
  `nav ol{list-style:none;margin:0 0 1rem;padding:0;font:0.85rem/1.4 ${SANS};color:#666}`,
  'nav li{display:inline}',
  'nav li+li::before{content:" › "}',
  'h1{font-size:2rem;line-height:1.3;margin:0 0 0.75rem}',
  'h2{font-size:1.35rem;line-height:1.4;margin:2rem 0 0.75rem}',
  'h3{font-size:1.15rem;line-height:1.4;margin:1.5rem 0 0.5rem}',
  '.deck{font-size:1.15rem;color:#444;margin:0 0 0.75rem}',
  `.byline{font:0.9rem/1.5 ${SANS};color:#555;margin:0 0 2rem}`,
  'p{margin:0 0 1rem}',
  'blockquote{margin:1.25rem 0;padding:0 0 0 1rem;border-left:3px solid #ccc;color:#333}',
  'ul,ol{margin:0 0 1rem;padding-left:1.75rem}',
  'figure{margin:1.75rem 0;break-inside:avoid}',
  'img{display:block;max-width:100%;height:auto}',
  `figcaption{font:0.875rem/1.6 ${SANS};color:#555;margin-top:0.5rem}`,
  '.credit{color:#777}',
  'a{color:#0b57d0}',
  `.review-footer{margin-top:2.5rem;padding-top:1rem;border-top:1px solid #ddd;font:0.9rem/1.6 ${SANS};color:#444}`,
  '.review-footer p{margin:0}',
  `.draft-banner{border:2px solid #b00020;color:#b00020;padding:0.5rem 0.75rem;margin:0 0 1.5rem;font:600 0.9rem/1.4 ${SANS}}`,
  `.watermark{position:fixed;inset:0;display:flex;align-items:center;justify-content:center;pointer-events:none;user-select:none;z-index:10;font:700 5.5rem/1 ${SANS};color:rgba(176,0,32,0.12);transform:rotate(-30deg)}`,
  '@media print{article{max-width:none;padding:0}a{color:inherit;text-decoration:none}}',
].join('\n');

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * A standalone file runs no script at all, loads nothing from the network and takes styles only
 * from its own stylesheet: even an escaping mistake could not run a payload.
 */
export const EXPORT_CSP = [
  "default-src 'none'",
  "img-src 'self' data: file:",
  `style-src 'sha256-${base64(sha256(utf8ToBytes(EXPORT_STYLESHEET)))}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function runHtml(run: TextRun): string {
  let html = textHtml(run.text);
  if (run.underline) html = `<u>${html}</u>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  return html;
}

/** Runs as inline HTML; neighbouring runs of one link become one <a>. */
export function runsHtml(runs: readonly TextRun[]): string {
  let out = '';
  let index = 0;
  while (index < runs.length) {
    const href = runs[index]!.href;
    let end = index + 1;
    while (end < runs.length && runs[end]!.href === href) end++;
    const inner = runs.slice(index, end).map(runHtml).join('');
    out += href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
    index = end;
  }
  return out;
}

export function isBlank(runs: readonly TextRun[]): boolean {
  return runs.every((run) => run.text.trim() === '');
}

function figureHtml(figure: FigureFields, src: string): string {
  const img = `<img src="${escapeHtml(src)}" alt="${escapeHtml(figure.alt)}" width="${figure.width}" height="${figure.height}">`;
  const caption = figure.caption.trim();
  const credit = figure.credit.trim();
  if (!caption && !credit) return `<figure>\n${img}\n</figure>`;
  const parts = [caption ? textHtml(caption) : '', credit ? `<span class="credit">${escapeHtml(credit)}</span>` : ''].filter(Boolean);
  return `<figure>\n${img}\n<figcaption>${parts.join(' ')}</figcaption>\n</figure>`;
}

function blockHtml(block: CopyBlock, images: ImageSource, figureIndex: number): string | null {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'heading':
      return isBlank(block.runs) ? null : `<h${block.level}>${runsHtml(block.runs)}</h${block.level}>`;
    case 'quote':
      return isBlank(block.runs) ? null : `<blockquote>\n<p>${runsHtml(block.runs)}</p>\n</blockquote>`;
    case 'list': {
      const items = block.items.filter((runs) => !isBlank(runs));
      if (items.length === 0) return null;
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${items.map((runs) => `<li>${runsHtml(runs)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'figure':
      return figureHtml(block.figure, images(block.figure, figureIndex));
  }
}

/** The body as clean semantic HTML: no annotations, no editor attributes, one block a line. */
export function bodyHtml(body: SerializedBody, images: ImageSource): string {
  const out: string[] = [];
  let figures = 0;
  for (const block of copyBlocks(body)) {
    const html = blockHtml(block, images, figures);
    if (block.kind === 'figure') figures++;
    if (html !== null) out.push(html);
  }
  return out.join('\n');
}

/** The review footer as a <footer>; when there is none, a note saying so. */
export function footerHtml(footer: string | null, language: Language): string {
  const text = footer?.trim();
  if (text) return `<footer class="review-footer">\n<p>${textHtml(text)}</p>\n</footer>`;
  return `<footer class="review-footer review-footer-missing">\n<p>${escapeHtml(EXPORT_LABELS[language].footerMissing)}</p>\n</footer>`;
}

/**
 * The article as a complete, standalone HTML5 document: breadcrumb, headline, deck, byline, body,
 * figures with captions and credits, and the review footer. Every field is escaped; links other
 * than http(s) and mailto are dropped (their text is kept).
 */
export function exportHtml(article: ExportableArticle, options: HtmlExportOptions): string {
  const labels = EXPORT_LABELS[options.language ?? article.language];
  const channel = article.channel.map((part) => part.trim()).filter(Boolean);
  const headline = article.headline.trim();
  const deck = article.deck.trim();
  const byline = article.byline.trim();
  const title = `${options.draft ? `[${DRAFT_MARK}] ` : ''}${headline}`;

  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EXPORT_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    ...(byline ? [`<meta name="author" content="${escapeHtml(byline)}">`] : []),
    ...(deck ? [`<meta name="description" content="${escapeHtml(deck)}">`] : []),
    `<style>${EXPORT_STYLESHEET}</style>`,
  ];
  const header = [
    ...(options.draft
      ? [`<p class="draft-banner" role="note"><strong>${escapeHtml(DRAFT_MARK)}</strong> ${escapeHtml(labels.draftNote)}</p>`]
      : []),
    ...(channel.length > 0
      ? [`<nav aria-label="${escapeHtml(labels.channel)}">\n<ol>\n${channel.map((part) => `<li>${escapeHtml(part)}</li>`).join('\n')}\n</ol>\n</nav>`]
      : []),
    `<h1>${textHtml(headline)}</h1>`,
    ...(deck ? [`<p class="deck">${textHtml(deck)}</p>`] : []),
    ...(byline ? [`<p class="byline">${textHtml(byline)}</p>`] : []),
  ];
  const body = bodyHtml(article.body, options.images);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(article.language)}">`,
    '<head>',
    ...head,
    '</head>',
    `<body${options.draft ? ' class="draft"' : ''}>`,
    ...(options.draft ? [`<div class="watermark" aria-hidden="true">${escapeHtml(DRAFT_MARK)}</div>`] : []),
    '<article>',
    '<header>',
    ...header,
    '</header>',
    ...(body ? [body] : []),
    footerHtml(options.footer, options.language ?? article.language),
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

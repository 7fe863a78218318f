import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TextRun,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { formatChannel } from '../../../shared/article/article';
import type { FigureFields, ImageMime } from '../../../shared/article/body';
import { copyBlocks, type CopyBlock, type TextRun as CopyRun } from '../../../shared/article/copy-blocks';
import { isBlank, type ExportableArticle } from '../../../shared/export/html';
import { DRAFT_MARK, EXPORT_LABELS } from '../../../shared/export/labels';
import { cleanText, oneLine } from '../../../shared/export/text-safety';

export interface DocxImage {
  bytes: Uint8Array;
  mime: ImageMime;
}

export interface DocxExportOptions {
  footer: string | null;
  draft: boolean;
  /** The image of each asset the body's figures use. */
  images: ReadonlyMap<string, DocxImage>;
  /** Document properties. */
  author?: string;
}

/** Widest and tallest a picture is drawn, in pixels at 96 per inch: the text block of A4 with 1-inch margins. */
export const MAX_IMAGE_WIDTH_PX = 600;
export const MAX_IMAGE_HEIGHT_PX = 820;

/**
 * The styles the export uses besides Word's own (Heading 1–3, Caption, List Paragraph). Import
 * reads the article's parts back by their names (convert-document.ts), so keep the two in step.
 */
export const DOCX_STYLES = { channel: 'Channel', deck: 'Deck', byline: 'Byline', quote: 'Quote', figure: 'Figure', footer: 'ReviewFooter', draft: 'DraftMark', credit: 'PhotoCredit' } as const;

const GREY = '595959';
const DRAFT_RED = 'B00020';

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  { id: DOCX_STYLES.channel, name: 'Channel', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: GREY }, paragraph: { spacing: { after: 120 } } },
  { id: DOCX_STYLES.deck, name: 'Deck', basedOn: 'Normal', next: 'Normal', run: { size: 26, color: '404040' }, paragraph: { spacing: { after: 160 } } },
  { id: DOCX_STYLES.byline, name: 'Byline', basedOn: 'Normal', next: 'Normal', run: { size: 20, color: GREY }, paragraph: { spacing: { after: 360 } } },
  {
    id: DOCX_STYLES.quote,
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    run: { color: '404040' },
    paragraph: { indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'BFBFBF', space: 8 } } },
  },
  { id: DOCX_STYLES.figure, name: 'Figure', basedOn: 'Normal', next: 'Caption', paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240, after: 80 } } },
  {
    id: DOCX_STYLES.footer,
    name: 'Review Footer',
    basedOn: 'Normal',
    next: 'Normal',
    run: { size: 20, color: '404040' },
    paragraph: { spacing: { before: 480 }, border: { top: { style: BorderStyle.SINGLE, size: 6, color: 'BFBFBF', space: 8 } } },
  },
  { id: DOCX_STYLES.draft, name: 'Draft Mark', basedOn: 'Normal', next: 'Normal', run: { bold: true, color: DRAFT_RED, size: 22 }, paragraph: { alignment: AlignmentType.CENTER } },
];

const CHARACTER_STYLES: ICharacterStyleOptions[] = [{ id: DOCX_STYLES.credit, name: 'Photo Credit', basedOn: 'DefaultParagraphFont', run: { color: GREY } }];

interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  underline?: Record<string, never>;
  style?: string;
}

/** Text as runs: line breaks become breaks, tabs become tabs, control characters go. */
function textRuns(text: string, format: RunFormat = {}): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, index) => {
      const parts = line.split('\t');
      const children = parts.flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part])).filter((child) => child !== '');
      return new TextRun({ ...format, ...(index > 0 ? { break: 1 } : {}), children });
    });
}

function runFormat(run: CopyRun, link: boolean): RunFormat {
  return {
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.underline ? { underline: {} } : {}),
    ...(link ? { style: 'Hyperlink' } : {}),
  };
}

function inlineChildren(runs: readonly CopyRun[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let index = 0;
  while (index < runs.length) {
    const href = runs[index]!.href;
    let end = index + 1;
    while (end < runs.length && runs[end]!.href === href) end++;
    const group = runs.slice(index, end).flatMap((run) => textRuns(run.text, runFormat(run, href !== null)));
    if (href) out.push(new ExternalHyperlink({ link: href, children: group }));
    else out.push(...group);
    index = end;
  }
  return out;
}

const DOCX_IMAGE_TYPES: Partial<Record<ImageMime, 'png' | 'jpg' | 'gif'>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

/** Drawn size: the figure's own, scaled down (never up) to fit the text block. */
export function fittedSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_IMAGE_WIDTH_PX / width, MAX_IMAGE_HEIGHT_PX / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function figureParagraphs(figure: FigureFields, number: number, images: ReadonlyMap<string, DocxImage>): Paragraph[] {
  const image = images.get(figure.asset);
  const type = image ? DOCX_IMAGE_TYPES[image.mime] : undefined;
  const alt = oneLine(figure.alt);
  const picture =
    image && type
      ? new ImageRun({
          type,
          data: image.bytes,
          transformation: fittedSize(figure.width, figure.height),
          altText: { name: `Figure ${number}`, title: `Figure ${number}`, description: alt },
        })
      : // Word files cannot hold WebP pictures; the place and description of the picture stay.
        new TextRun({ text: `[Figure ${number}${alt ? `: ${alt}` : ''}]`, italics: true, color: GREY });
  const out = [new Paragraph({ style: DOCX_STYLES.figure, children: [picture] })];
  const caption = oneLine(figure.caption);
  const credit = oneLine(figure.credit);
  if (caption || credit) {
    const children: ParagraphChild[] = [];
    if (caption) children.push(...textRuns(caption));
    if (caption && credit) children.push(new TextRun(' '));
    if (credit) children.push(new TextRun({ text: credit, style: DOCX_STYLES.credit }));
    out.push(new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, children }));
  }
  return out;
}

function blockParagraphs(block: CopyBlock, figureNumber: number, listNumber: number, images: ReadonlyMap<string, DocxImage>): Paragraph[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ children: inlineChildren(block.runs) })];
    case 'heading':
      if (isBlank(block.runs)) return [];
      return [new Paragraph({ heading: block.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, children: inlineChildren(block.runs) })];
    case 'quote':
      return isBlank(block.runs) ? [] : [new Paragraph({ style: DOCX_STYLES.quote, children: inlineChildren(block.runs) })];
    case 'list':
      return block.items
        .filter((runs) => !isBlank(runs))
        .map((runs) => new Paragraph({ numbering: { reference: block.ordered ? 'numbered' : 'bulleted', level: 0, instance: listNumber }, children: inlineChildren(runs) }));
    case 'figure':
      return figureParagraphs(block.figure, figureNumber, images);
  }
}

/**
 * The article as a Word document: headline (Heading 1), channel, deck, byline, the body with
 * headings, emphasis, links, lists and quotes, each figure as a picture fitted to the page with
 * its caption and credit, and the review footer. Drafts carry a DRAFT 草稿 watermark and header.
 */
export async function buildDocx(article: ExportableArticle, options: DocxExportOptions): Promise<Uint8Array> {
  const labels = EXPORT_LABELS[article.language];
  const children: Paragraph[] = [];
  const channel = article.channel.map(oneLine).filter(Boolean);
  if (channel.length > 0) children.push(new Paragraph({ style: DOCX_STYLES.channel, children: textRuns(formatChannel(channel)) }));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(oneLine(article.headline)) }));
  if (article.deck.trim()) children.push(new Paragraph({ style: DOCX_STYLES.deck, children: textRuns(article.deck.trim()) }));
  if (article.byline.trim()) children.push(new Paragraph({ style: DOCX_STYLES.byline, children: textRuns(article.byline.trim()) }));

  let figures = 0;
  let lists = 0;
  for (const block of copyBlocks(article.body)) {
    if (block.kind === 'figure') figures++;
    if (block.kind === 'list') lists++;
    children.push(...blockParagraphs(block, figures, lists, options.images));
  }
  children.push(new Paragraph({ style: DOCX_STYLES.footer, children: textRuns(options.footer?.trim() || labels.footerMissing) }));

  const draftHeader = options.draft
    ? new Header({
        children: [
          new Paragraph({ children: [new TextWatermark({ text: DRAFT_MARK.replace(' / ', ' '), color: DRAFT_RED, opacity: 0.2 })] }),
          new Paragraph({ style: DOCX_STYLES.draft, children: [new TextRun(`${DRAFT_MARK.replace(' / ', ' ')} — ${labels.draftNote}`)] }),
        ],
      })
    : null;
  const pageFooter = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 18, color: GREY, children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] })],
  });
  const language = article.language === 'zh-CN' ? 'zh-CN' : 'en-US';
  const bullet = { level: 0, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } };

  const document = new Document({
    title: oneLine(article.headline),
    description: oneLine(article.deck),
    ...(options.author ? { creator: oneLine(options.author), lastModifiedBy: oneLine(options.author) } : {}),
    styles: {
      default: { document: { run: { size: 22, language: { value: language, eastAsia: 'zh-CN' } }, paragraph: { spacing: { after: 160, line: 360 } } } },
      paragraphStyles: PARAGRAPH_STYLES,
      characterStyles: CHARACTER_STYLES,
    },
    numbering: {
      config: [
        { reference: 'bulleted', levels: [{ ...bullet, format: LevelFormat.BULLET, text: '•' }] },
        { reference: 'numbered', levels: [{ ...bullet, format: LevelFormat.DECIMAL, text: '%1.' }] },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        ...(draftHeader ? { headers: { default: draftHeader } } : {}),
        footers: { default: pageFooter },
        children,
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}

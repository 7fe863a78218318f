import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Article, Language } from '../../../shared/article/article';
import type { FigureFields, ImageMime } from '../../../shared/article/body';
import { copyBlocks } from '../../../shared/article/copy-blocks';
import { AppFailure } from '../../../shared/contract/errors';
import { exportFileName, type ExportFormat } from '../../../shared/export/formats';
import { exportGate, type ExportGate } from '../../../shared/export/gate';
import { exportHtml } from '../../../shared/export/html';
import { exportMarkdown } from '../../../shared/export/markdown';
import { exportNinjs, ninjsJson } from '../../../shared/export/ninjs';
import { exportText } from '../../../shared/export/text';
import { oneLine } from '../../../shared/export/text-safety';
import { reviewFooter } from '../../../shared/review/footer';
import { writeFileAtomic } from '../atomic-write';
import type { ArticleReview, Workspace } from '../workspace';
import { buildDocx } from './docx';
import { electronPdfOptions, playwrightPdfOptions, type ElectronPdfOptions, type PlaywrightPdfOptions } from './pdf-options';

/** The folder, beside the exported file (or inside the html-folder), that holds its pictures. */
export const IMAGES_FOLDER = 'images';
export const HTML_FOLDER_INDEX = 'index.html';

const IMAGE_EXTENSIONS: Record<ImageMime, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp' };

export interface WriteExportOptions {
  /** Export copy that is not final, marked DRAFT; without it such an export is refused. */
  allowDraft?: boolean;
  /** Language of the words the export adds (draft note, missing-footer note); the copy's by default. */
  language?: Language;
}

export interface ExportResult {
  id: string;
  format: ExportFormat;
  /** The copy was not final and is marked DRAFT. */
  draft: boolean;
  gate: ExportGate;
  /** The file written, or for html-folder the folder. */
  path: string;
  /** Every file written, pictures first and the main file last. */
  files: string[];
}

interface LoadedImage {
  bytes: Buffer;
  mime: ImageMime;
  /** File name in the images folder: the SHA-256 and the extension, so equal pictures share a file. */
  fileName: string;
}

function figuresOf(article: Article): FigureFields[] {
  const figures: FigureFields[] = [];
  for (const block of copyBlocks(article.body)) if (block.kind === 'figure') figures.push(block.figure);
  return figures;
}

/** Reads each picture once and checks it is the one the figure names. */
async function loadImages(workspace: Workspace, figures: readonly FigureFields[]): Promise<Map<string, LoadedImage>> {
  const images = new Map<string, LoadedImage>();
  for (const [index, figure] of figures.entries()) {
    if (images.has(figure.asset)) continue;
    let read: { bytes: Buffer; mime: ImageMime };
    try {
      read = await workspace.assets.read(figure.asset);
    } catch (error) {
      const reason = error instanceof AppFailure && error.code === 'unsupported' ? 'is not a readable image' : 'is missing from the workspace';
      throw new AppFailure(error instanceof AppFailure && error.code === 'unsupported' ? 'damaged' : 'not-found', `the picture of figure ${index + 1} (${figure.asset.slice(0, 12)}…) ${reason}`);
    }
    if (createHash('sha256').update(read.bytes).digest('hex') !== figure.asset) {
      throw new AppFailure('damaged', `the picture of figure ${index + 1} (${figure.asset.slice(0, 12)}…) is damaged: its content no longer matches its name`);
    }
    images.set(figure.asset, { ...read, fileName: `${figure.asset}${IMAGE_EXTENSIONS[read.mime]}` });
  }
  return images;
}

function imageOf(images: ReadonlyMap<string, LoadedImage>, figure: FigureFields): LoadedImage {
  const image = images.get(figure.asset);
  if (!image) throw new Error(`picture ${figure.asset} was not loaded`);
  return image;
}

/** Writes the pictures into `folder` (one atomic write each); gives the paths written. */
async function writeImages(folder: string, images: ReadonlyMap<string, LoadedImage>): Promise<string[]> {
  if (images.size === 0) return [];
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const image of images.values()) {
    const path = join(folder, image.fileName);
    await writeFileAtomic(path, image.bytes);
    written.push(path);
  }
  return written;
}

/** Refuses copy that is not final unless a draft was asked for. */
export function checkGate(article: Pick<Article, 'headline'>, gate: ExportGate, allowDraft: boolean | undefined): void {
  if (gate.final || allowDraft) return;
  const title = oneLine(article.headline) || 'the article';
  throw new AppFailure('forbidden', `“${title}” is not final copy: ${gate.reason}. Export it as a draft to get a copy marked DRAFT.`);
}

/** The HTML export as one file: every picture inline as a data: URI. */
function selfContainedHtml(article: Article, images: ReadonlyMap<string, LoadedImage>, footer: string | null, draft: boolean, language: Language | undefined): string {
  return exportHtml(article, {
    footer,
    draft,
    language,
    images: (figure) => {
      const image = imageOf(images, figure);
      return `data:${image.mime};base64,${image.bytes.toString('base64')}`;
    },
  });
}

/** An article read for export, with its review, its gate and the footer it may carry. */
export interface ExportCopy {
  article: Article;
  review: ArticleReview;
  gate: ExportGate;
  /** The copy is not final and is marked DRAFT. */
  draft: boolean;
  footer: string | null;
}

/**
 * Reads an article for export: the one read → gate → footer sequence behind every export. Copy
 * that is not final is refused (`forbidden`) unless `allowDraft`; the footer is only for final copy.
 */
export async function readForExport(workspace: Workspace, id: string, allowDraft: boolean | undefined): Promise<ExportCopy> {
  const article = await workspace.get(id);
  const review = await workspace.review(id);
  const gate = exportGate(review.state, review.problem);
  checkGate(article, gate, allowDraft);
  return { article, review, gate, draft: !gate.final, footer: gate.final ? reviewFooter(review.state, article.language) : null };
}

/** Exports a copy already read to `targetPath` (see writeExport). */
export async function writeCopy(workspace: Workspace, copy: ExportCopy, format: ExportFormat, targetPath: string, options: WriteExportOptions = {}): Promise<ExportResult> {
  const { article, review, gate, draft, footer } = copy;
  // Plain text names its figures but holds no pictures: it neither reads nor needs them.
  const images = format === 'txt' ? new Map<string, LoadedImage>() : await loadImages(workspace, figuresOf(article));
  const relative = (figure: FigureFields) => `${IMAGES_FOLDER}/${imageOf(images, figure).fileName}`;
  const language = options.language;
  const result = (path: string, files: string[]): ExportResult => ({ id: article.id, format, draft, gate, path, files });

  if (format === 'html-folder') {
    await mkdir(targetPath, { recursive: true });
    const files = await writeImages(join(targetPath, IMAGES_FOLDER), images);
    const index = join(targetPath, HTML_FOLDER_INDEX);
    await writeFileAtomic(index, exportHtml(article, { footer, draft, language, images: relative }));
    return result(targetPath, [...files, index]);
  }

  await mkdir(dirname(targetPath), { recursive: true });
  switch (format) {
    case 'html':
      await writeFileAtomic(targetPath, selfContainedHtml(article, images, footer, draft, language));
      return result(targetPath, [targetPath]);
    case 'md': {
      const files = await writeImages(join(dirname(targetPath), IMAGES_FOLDER), images);
      await writeFileAtomic(targetPath, exportMarkdown(article, { footer, draft, language, imagePath: relative }));
      return result(targetPath, [...files, targetPath]);
    }
    case 'txt':
      await writeFileAtomic(targetPath, exportText(article, { footer, draft, language }));
      return result(targetPath, [targetPath]);
    case 'ninjs': {
      const files = await writeImages(join(dirname(targetPath), IMAGES_FOLDER), images);
      const item = exportNinjs(article, { footer, state: review.state, problem: review.problem, language, images: relative });
      await writeFileAtomic(targetPath, ninjsJson(item));
      return result(targetPath, [...files, targetPath]);
    }
    case 'docx': {
      const bytes = await buildDocx(article, { footer, draft, images, author: article.createdBy });
      await writeFileAtomic(targetPath, bytes);
      return result(targetPath, [targetPath]);
    }
  }
}

/**
 * Exports one article. `targetPath` is the file to write, or for html-folder the folder to write
 * index.html and images/ into; md and ninjs put their pictures in images/ beside the file. Every
 * file is written atomically, pictures first, so the main file appears only when it is complete.
 * Copy that is not final is refused (`forbidden`) unless `allowDraft`, and is then marked DRAFT.
 */
export async function writeExport(
  workspace: Workspace,
  id: string,
  format: ExportFormat,
  targetPath: string,
  options: WriteExportOptions = {},
): Promise<ExportResult> {
  return writeCopy(workspace, await readForExport(workspace, id, options.allowDraft), format, targetPath, options);
}

export interface PrintJob {
  /** The self-contained HTML export (pictures as data: URIs), exactly as the html format writes it. */
  html: string;
  draft: boolean;
  gate: ExportGate;
  /** A file name for the PDF, from the headline. */
  fileName: string;
  /** What the Electron shell passes to webContents.printToPDF. */
  electron: ElectronPdfOptions;
  /** The same settings for Playwright's page.pdf (tests, tools). */
  playwright: PlaywrightPdfOptions;
}

/**
 * Everything needed to print the article to PDF: the shell loads `html` into a hidden window and
 * calls printToPDF with `electron`, then writes the bytes with writeFileAtomic. The same gate as
 * every export: copy that is not final is refused unless `allowDraft`.
 */
export async function preparePrint(workspace: Workspace, id: string, options: WriteExportOptions = {}): Promise<PrintJob> {
  const { article, gate, draft, footer } = await readForExport(workspace, id, options.allowDraft);
  const images = await loadImages(workspace, figuresOf(article));
  return {
    html: selfContainedHtml(article, images, footer, draft, options.language),
    draft,
    gate,
    fileName: exportFileName(article, 'pdf', draft),
    electron: electronPdfOptions(article, { draft }),
    playwright: playwrightPdfOptions(article, { draft }),
  };
}

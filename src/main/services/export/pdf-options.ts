/**
 * How the HTML export is printed to PDF. The Electron shell prints with
 * `webContents.printToPDF(electronPdfOptions(...))` over the page `exportHtml` made (with data:
 * URIs for the pictures); the tests print the very same HTML in Chromium through Playwright with
 * `playwrightPdfOptions(...)`, which carries the same page size, margins and templates.
 * Services do not import electron, so the option types here are structural copies.
 */
import type { Article } from '../../../shared/article/article';
import { DRAFT_MARK } from '../../../shared/export/labels';
import { escapeHtml, oneLine } from '../../../shared/export/text-safety';

export const PDF_PAGE_SIZE = 'A4';
/** Page margins in millimetres; the header and footer templates sit inside the top and bottom ones. */
export const PDF_MARGINS_MM = { top: 20, bottom: 18, left: 18, right: 18 } as const;
/** The longest headline the running header shows before it is cut with an ellipsis. */
export const PDF_HEADER_HEADLINE_CHARS = 60;

const TEMPLATE_FONT = `font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',Arial,sans-serif;font-size:8px;color:#777`;

export interface PdfPrintSpec {
  pageSize: typeof PDF_PAGE_SIZE;
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** Chromium header template: the headline, and the draft mark for drafts. */
  headerTemplate: string;
  /** Chromium footer template: "page / pages". */
  footerTemplate: string;
}

function shortHeadline(headline: string): string {
  const chars = Array.from(oneLine(headline));
  return chars.length > PDF_HEADER_HEADLINE_CHARS ? `${chars.slice(0, PDF_HEADER_HEADLINE_CHARS - 1).join('')}…` : chars.join('');
}

/**
 * The print settings for one article. Templates are HTML that Chromium renders into every page's
 * margins, filling `.pageNumber` and `.totalPages`; the headline in them is escaped like any field.
 */
export function pdfPrintSpec(article: Pick<Article, 'headline'>, options: { draft: boolean }): PdfPrintSpec {
  const { left, right } = PDF_MARGINS_MM;
  const box = `width:100%;margin:0 ${right}mm 0 ${left}mm;${TEMPLATE_FONT};display:flex;justify-content:space-between;gap:4mm`;
  const headline = `<span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${escapeHtml(shortHeadline(article.headline))}</span>`;
  const draft = options.draft ? `<span style="color:#b00020;font-weight:700;white-space:nowrap">${escapeHtml(DRAFT_MARK)}</span>` : '';
  return {
    pageSize: PDF_PAGE_SIZE,
    marginsMm: { ...PDF_MARGINS_MM },
    headerTemplate: `<div style="${box}">${headline}${draft}</div>`,
    footerTemplate: `<div style="${box};justify-content:center"><span class="pageNumber"></span>&nbsp;/&nbsp;<span class="totalPages"></span></div>`,
  };
}

/** The subset of Electron's PrintToPDFOptions the shell passes (margins in inches). */
export interface ElectronPdfOptions {
  pageSize: typeof PDF_PAGE_SIZE;
  landscape: false;
  printBackground: true;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  margins: { top: number; bottom: number; left: number; right: number };
  preferCSSPageSize: false;
  generateTaggedPDF: true;
  generateDocumentOutline: true;
}

const MM_PER_INCH = 25.4;
const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;

export function electronPdfOptions(article: Pick<Article, 'headline'>, options: { draft: boolean }): ElectronPdfOptions {
  const spec = pdfPrintSpec(article, options);
  const m = spec.marginsMm;
  return {
    pageSize: spec.pageSize,
    landscape: false,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: spec.headerTemplate,
    footerTemplate: spec.footerTemplate,
    margins: { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right) },
    preferCSSPageSize: false,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

/** The same settings as Playwright's page.pdf takes them (Chrome DevTools' Page.printToPDF underneath). */
export interface PlaywrightPdfOptions {
  format: typeof PDF_PAGE_SIZE;
  printBackground: true;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  margin: { top: string; bottom: string; left: string; right: string };
  preferCSSPageSize: false;
  tagged: true;
  outline: true;
}

export function playwrightPdfOptions(article: Pick<Article, 'headline'>, options: { draft: boolean }): PlaywrightPdfOptions {
  const spec = pdfPrintSpec(article, options);
  const m = spec.marginsMm;
  return {
    format: spec.pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: spec.headerTemplate,
    footerTemplate: spec.footerTemplate,
    margin: { top: `${m.top}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm`, right: `${m.right}mm` },
    preferCSSPageSize: false,
    tagged: true,
    outline: true,
  };
}

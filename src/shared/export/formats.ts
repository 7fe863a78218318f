import type { Article } from '../article/article';
import { cleanText } from './text-safety';

/**
 * What an article can be exported as. `html` is one self-contained file (images as data: URIs);
 * `html-folder` is a folder with index.html and images/; `md` and `ninjs` write their images
 * into images/ beside the file. `docx-changes` is the Word document with the pending suggestions
 * as tracked changes. PDF is printed from the HTML by the Electron shell.
 */
export const EXPORT_FORMATS = ['html', 'html-folder', 'md', 'txt', 'ninjs', 'docx', 'docx-changes'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats a file name can be made for: the export formats and the shell's PDF. */
export type FileNameFormat = ExportFormat | 'pdf';

/** The file name extension of each format; '' for html-folder, which is a folder. */
export const FORMAT_EXTENSIONS: Record<FileNameFormat, string> = {
  html: '.html',
  'html-folder': '',
  md: '.md',
  txt: '.txt',
  ninjs: '.json',
  docx: '.docx',
  'docx-changes': '.docx',
  pdf: '.pdf',
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export const MAX_FILE_NAME_CHARS = 100;
/** Most file systems allow 255 bytes per name; leave room for a copy number or a temp suffix. */
export const MAX_FILE_NAME_BYTES = 200;
export const DRAFT_FILE_SUFFIX = '-DRAFT';

// Path separators and the characters Windows forbids in names.
const FORBIDDEN = /[/\\:*?"<>|]/g;
// Invisible format characters (bidi overrides, zero-width joiners, BOM…) could disguise a name.
const FORMAT_CHARS = /\p{Cf}/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Code points of `text` that fit `chars` characters and `bytes` UTF-8 bytes. */
function truncate(text: string, chars: number, bytes: number): string {
  let out = '';
  let count = 0;
  let size = 0;
  for (const ch of text) {
    const length = utf8Length(ch);
    if (count + 1 > chars || size + length > bytes) break;
    out += ch;
    count++;
    size += length;
  }
  return out;
}

/** The headline as a name any file system takes: CJK kept, separators and controls gone. */
export function safeNameStem(headline: string): string {
  return cleanText(headline)
    .normalize('NFC')
    .replace(FORMAT_CHARS, '')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
}

/**
 * A safe file (or, for html-folder, folder) name from the headline: at most 100 characters and
 * 200 UTF-8 bytes in all, with "-DRAFT" before the extension when the copy is not final.
 */
export function exportFileName(article: Pick<Article, 'headline' | 'id'>, format: FileNameFormat, draft: boolean): string {
  const suffix = `${draft ? DRAFT_FILE_SUFFIX : ''}${FORMAT_EXTENSIONS[format]}`;
  let stem = safeNameStem(article.headline);
  if (stem === '') stem = `article-${article.id}`;
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  stem = truncate(stem, MAX_FILE_NAME_CHARS - suffix.length, MAX_FILE_NAME_BYTES - utf8Length(suffix)).replace(/[\s.]+$/, '');
  return `${stem || `article-${article.id}`.slice(0, MAX_FILE_NAME_CHARS - suffix.length)}${suffix}`;
}

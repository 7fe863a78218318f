import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { marked } from 'marked';
import { extname } from 'node:path';
import { AppFailure } from '../../../shared/contract/errors';
import { markdownNestingProblem } from './markdown-nesting';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** A Word file that would unpack to more than this is refused as a zip bomb. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const IMPORT_EXTENSIONS = ['.docx', '.md', '.markdown', '.txt', '.html', '.htm'] as const;

export interface ConvertedDocument {
  /** Untrusted HTML: the page sanitizes it before anything is made of it. */
  html: string;
  /** The file name without its extension, the headline when the document has no title. */
  title: string;
}

/**
 * Word paragraph and run styles read as parts of an article. The app's own export writes the
 * first seven (docx.ts); the quote styles are Word's and LibreOffice's. Matching is by style
 * name, ignoring case, so Word's "caption" is the Caption style too.
 */
const STYLE_MAP = [
  "p[style-name='Channel'] => p.newsroom-channel:fresh",
  "p[style-name='Deck'] => p.newsroom-deck:fresh",
  "p[style-name='Byline'] => p.newsroom-byline:fresh",
  "p[style-name='Review Footer'] => p.newsroom-footer:fresh",
  "p[style-name='Figure'] => p.newsroom-figure:fresh",
  "p[style-name='Caption'] => p.newsroom-caption:fresh",
  "r[style-name='Photo Credit'] => span.newsroom-credit",
  "p[style-name='Quote'] => blockquote:fresh",
  "p[style-name='Intense Quote'] => blockquote:fresh",
  "p[style-name='Quotations'] => blockquote:fresh",
  'u => u',
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Checks a .docx is a zip that unpacks to a sane size and holds a Word document, unpacking nothing. */
function checkDocx(bytes: Uint8Array): void {
  let unpacked = 0;
  let hasDocument = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (file.name === 'word/document.xml') hasDocument = true;
        return false;
      },
    });
  } catch {
    throw new AppFailure('unsupported', 'the file is not a readable Word document (it is damaged or not a .docx)');
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw new AppFailure('too-large', 'the Word document unpacks to more than 200 MB; it was not opened');
  if (!hasDocument) throw new AppFailure('unsupported', 'the file is a zip archive but not a Word document');
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppFailure('unsupported', 'the file is not UTF-8 text');
  }
}

async function markdownHtml(text: string): Promise<string> {
  const nesting = markdownNestingProblem(text);
  if (nesting) throw new AppFailure('unsupported', nesting);
  try {
    return await marked.parse(text, { gfm: true });
  } catch {
    // The bounds above keep the parser within its stack; should anything else defeat it, say so plainly.
    throw new AppFailure('unsupported', 'the Markdown could not be read');
  }
}

/** Turns a .docx, .md, .txt or .html file into HTML for the page to sanitize and import. */
export async function convertDocument(name: string, bytes: Uint8Array): Promise<ConvertedDocument> {
  const extension = extname(name).toLowerCase();
  const title = name.slice(0, name.length - extension.length).trim();
  if (bytes.byteLength === 0) throw new AppFailure('unsupported', 'the file is empty');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppFailure('too-large', 'the file is larger than 50 MB');
  switch (extension) {
    case '.docx': {
      checkDocx(bytes);
      try {
        const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP });
        return { html: result.value, title };
      } catch {
        throw new AppFailure('unsupported', 'the Word document could not be read (it may be damaged)');
      }
    }
    case '.md':
    case '.markdown':
      return { html: await markdownHtml(decodeText(bytes)), title };
    case '.txt': {
      const paragraphs = decodeText(bytes).split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);
      return { html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`).join(''), title };
    }
    case '.html':
    case '.htm':
      return { html: decodeText(bytes), title };
    default:
      throw new AppFailure('unsupported', `files of type "${extension || 'unknown'}" cannot be imported; use .docx, .md, .txt or .html`);
  }
}

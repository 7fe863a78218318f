import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PROJECT_ROOT } from './paths';

/**
 * Chromium writes Noto CJK glyphs that are shared with radicals under the radical's code point in
 * the PDF's ToUnicode map, so 首页 reads back as ⾸⻚, and it ligates "——" into "⸺". NFKC folds
 * the Kangxi radicals (only those: it would also fold full-width punctuation); the CJK Radicals
 * Supplement ones met in the sample are folded by the table.
 */
const RADICALS: Record<string, string> = {
  '⻚': '页', '⻅': '见', '⻓': '长', '⻔': '门', '⻋': '车', '⻘': '青', '⻬': '齐', '⻰': '龙', '⺠': '民', '⻢': '马', '⻜': '飞', '⻛': '风', '⻩': '黄', '⻝': '食', '⻥': '鱼', '⻦': '鸟',
};

export function foldPdfText(text: string): string {
  return text
    .replace(/[\u2F00-\u2FDF]/g, (ch) => ch.normalize('NFKC'))
    .replace(/[\u2E80-\u2EFF]/g, (ch) => RADICALS[ch] ?? ch)
    .replace(/\u2E3A/g, '——')
    .replace(/\u00A0/g, ' ');
}

/** The text of each page, as pdf.js extracts it (items joined without separators). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${join(PROJECT_ROOT, 'node_modules', 'pdfjs-dist', 'cmaps')}/`,
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

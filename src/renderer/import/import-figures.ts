/**
 * Pictures in an imported document. Each readable picture is stored in the workspace and
 * becomes a figure, with its caption: the paragraph after it in the Caption style (the app's own
 * Word export, or Word's Insert Caption), whose run in the Photo Credit style is the credit; or,
 * in other documents, a short paragraph right after it. A picture that cannot be read — a
 * Markdown file's image that is not inside the file, a picture on the web, a format the app
 * cannot show — is not dropped: a line in its place says which one is missing.
 */
import i18next from 'i18next';
import DOMPurify from 'dompurify';
import type { Language } from '../../shared/article/article';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { PART_CLASSES, plainText } from './marked-parts';

const DATA_IMAGE = /^data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/=]+)$/;
const OTHER_DATA = /^data:([a-z]+\/[a-z0-9.+-]+)[;,]/i;
/** Web and data addresses, and relative ones (a Markdown file's images/photo.jpg), kept so a missing picture can be named. */
const KEPT_SOURCES = /^(?:https?:|data:image\/[a-z0-9.+-]+;base64,|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
/** In documents the app did not write, a short paragraph right after a picture is taken as its caption. */
const CAPTION_MAX = 160;

/** The imported HTML as an inert document (nothing in it loads or runs), pictures kept. */
export function inertDocument(html: string): Document {
  const fragment = DOMPurify.sanitize(html, { ADD_TAGS: ['img'], ADD_ATTR: ['src', 'alt'], RETURN_DOM_FRAGMENT: true, ALLOWED_URI_REGEXP: KEPT_SOURCES });
  const doc = document.implementation.createHTMLDocument('');
  doc.body.append(doc.importNode(fragment, true));
  return doc;
}

interface Caption {
  caption: string;
  credit: string;
  element: Element;
}

function captionAfter(slot: Element): Caption | null {
  const next = slot.nextElementSibling;
  if (next?.tagName !== 'P' || next.querySelector('img') !== null) return null;
  if (next.classList.contains(PART_CLASSES.caption)) {
    const isCredit = (el: Element) => el.classList.contains(PART_CLASSES.credit);
    const credit = Array.from(next.querySelectorAll(`.${PART_CLASSES.credit}`)).map((el) => plainText(el)).join('');
    return { caption: plainText(next, isCredit).trim(), credit: credit.trim(), element: next };
  }
  // A picture placed by the app's own export has a caption only when a Caption paragraph follows.
  if (slot.classList.contains(PART_CLASSES.figure)) return null;
  const text = plainText(next).trim();
  return text && text.length <= CAPTION_MAX ? { caption: text, credit: '', element: next } : null;
}

function missingName(img: HTMLImageElement, language: Language): string {
  const src = (img.getAttribute('src') ?? '').trim();
  const alt = (img.getAttribute('alt') ?? '').trim();
  const unnamed = i18next.t('import.unnamedImage', { lng: language });
  const format = OTHER_DATA.exec(src)?.[1];
  if (format) return `${alt || unnamed} (${format})`;
  return src || alt || unnamed;
}

/** Turns every picture in `doc` into a figure (with its caption), or into a line naming it when it cannot be read. */
export async function placeFigures(doc: Document, language: Language): Promise<void> {
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const parent = img.parentElement;
    const alone = parent?.tagName === 'P' && parent.textContent?.trim() === '' && parent.querySelectorAll('img').length === 1;
    const slot = alone ? parent : img;
    const match = DATA_IMAGE.exec(img.getAttribute('src') ?? '');
    if (!match) {
      img.replaceWith(doc.createTextNode(i18next.t('import.missingImage', { lng: language, name: missingName(img, language) })));
      continue;
    }
    const image = await unwrap(api.importImage({ name: 'imported-image', dataBase64: match[2]! }));
    const figure = doc.createElement('figure');
    const caption = captionAfter(slot);
    Object.assign(figure.dataset, {
      asset: image.asset,
      mime: image.mime,
      width: String(image.width),
      height: String(image.height),
      alt: img.getAttribute('alt') ?? '',
      credit: caption?.credit ?? '',
    });
    if (caption?.caption) {
      const figcaption = doc.createElement('figcaption');
      figcaption.textContent = caption.caption;
      figure.append(figcaption);
    }
    caption?.element.remove();
    slot.replaceWith(figure);
  }
}

import DOMPurify from 'dompurify';
import { safeLinkTarget } from '../../shared/security/urls';

const ALLOWED_TAGS = [
  'p', 'br', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li',
  'a', 'b', 'strong', 'i', 'em', 'u', 'sub', 'sup', 's', 'figure', 'figcaption',
];
const ALLOWED_ATTR = ['href', 'title', 'style', 'class'];

/** Word marks list paragraphs with mso-list styles instead of list elements. */
function rebuildWordLists(root: ParentNode): void {
  const paragraphs = Array.from(root.querySelectorAll('p')).filter(
    (p) => /mso-list/i.test(p.getAttribute('style') ?? '') || /MsoListParagraph/.test(p.className),
  );
  for (const p of paragraphs) {
    const marker = p.querySelector('span[style*="mso-list:Ignore" i], span[style*="mso-list: Ignore" i]');
    const markerText = marker?.textContent?.trim() ?? '';
    marker?.remove();
    const ordered = /^[\d一二三四五六七八九十]+[.)、．]?$/.test(markerText) || /^[a-z][.)]$/i.test(markerText);
    const tag = ordered ? 'OL' : 'UL';
    const previous = p.previousElementSibling;
    let list: Element;
    if (previous && previous.tagName === tag && previous.hasAttribute('data-word-list')) {
      list = previous;
    } else {
      list = p.ownerDocument.createElement(tag.toLowerCase());
      list.setAttribute('data-word-list', '');
      p.before(list);
    }
    const item = p.ownerDocument.createElement('li');
    item.append(...Array.from(p.childNodes));
    list.append(item);
    p.remove();
  }
  for (const list of Array.from(root.querySelectorAll('[data-word-list]'))) list.removeAttribute('data-word-list');
}

function wordHeadings(root: ParentNode): void {
  for (const p of Array.from(root.querySelectorAll('p[class*="MsoTitle"], p[class*="MsoSubtitle"], p[class*="MsoHeading"]'))) {
    const heading = p.ownerDocument.createElement('h2');
    heading.append(...Array.from(p.childNodes));
    p.replaceWith(heading);
  }
}

/**
 * Turns pasted or imported HTML into an inert document that keeps its structure
 * (headings, paragraphs, lists, quotes, links, emphasis) and nothing that can run.
 */
export function sanitizeHtml(html: string): Document {
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'script', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'img', 'video', 'audio', 'form', 'input', 'button'],
  });
  const doc = document.implementation.createHTMLDocument('');
  doc.body.append(doc.importNode(fragment, true));
  for (const a of Array.from(doc.querySelectorAll('a'))) {
    // A link that may not be followed is kept as its text.
    if (safeLinkTarget(a.getAttribute('href')) === null) a.replaceWith(...Array.from(a.childNodes));
  }
  wordHeadings(doc.body);
  rebuildWordLists(doc.body);
  for (const el of Array.from(doc.body.querySelectorAll('[class]'))) el.removeAttribute('class');
  return doc;
}

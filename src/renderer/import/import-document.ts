import { $generateNodesFromDOM } from '@lexical/html';
import { $createParagraphNode, $getRoot, $isElementNode, $isDecoratorNode, createEditor, type LexicalNode } from 'lexical';
import DOMPurify from 'dompurify';
import type { ArticleContent, Language } from '../../shared/article/article';
import type { SerializedBody } from '../../shared/article/body';
import { detectLanguage, languageText } from '../../shared/article/language';
import { AppFailure } from '../../shared/contract/errors';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { BODY_NODES } from '../editor/nodes/body-nodes';
import { sanitizeHtml } from '../editor/sanitize-html';

export const IMPORTABLE = '.docx,.md,.markdown,.txt,.html,.htm';
const IMPORTABLE_EXTENSIONS = IMPORTABLE.split(',');
const DATA_IMAGE = /^data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/=]+)$/;
/** A short paragraph right after a picture is taken as its caption. */
const CAPTION_MAX = 160;

export function isImportable(file: File): boolean {
  return IMPORTABLE_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Pictures: stored in the workspace, each (with a caption-like paragraph after it) turned into a figure. */
async function pictures(html: string): Promise<string> {
  const fragment = DOMPurify.sanitize(html, { ADD_TAGS: ['img'], ADD_ATTR: ['src', 'alt'], RETURN_DOM_FRAGMENT: true, ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/(?:png|jpeg|gif|webp);base64,)/i });
  const doc = document.implementation.createHTMLDocument('');
  doc.body.append(doc.importNode(fragment, true));
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const match = DATA_IMAGE.exec(img.getAttribute('src') ?? '');
    const slot = img.parentElement?.tagName === 'P' && img.parentElement.textContent?.trim() === '' ? img.parentElement : img;
    if (!match) {
      slot.remove();
      continue;
    }
    const image = await unwrap(api.importImage({ name: 'imported-image', dataBase64: match[2]! }));
    const figure = doc.createElement('figure');
    Object.assign(figure.dataset, { asset: image.asset, mime: image.mime, width: String(image.width), height: String(image.height), alt: img.getAttribute('alt') ?? '' });
    const next = slot.nextElementSibling;
    const captionText = next?.tagName === 'P' && next.querySelector('img') === null ? (next.textContent?.trim() ?? '') : '';
    if (captionText && captionText.length <= CAPTION_MAX) {
      const caption = doc.createElement('figcaption');
      caption.textContent = captionText;
      figure.append(caption);
      next!.remove();
    }
    slot.replaceWith(figure);
  }
  // The sanitizer below keeps <figure> but not its data: carry the figure through as a marker.
  return doc.body.innerHTML;
}

/** Everything after conversion runs on sanitized, inert HTML; only known node types come out. */
function bodyFrom(html: string): { body: SerializedBody; headline: string | null } {
  const figures = new Map<string, HTMLElement>();
  const staging = document.implementation.createHTMLDocument('');
  staging.body.innerHTML = html;
  staging.body.querySelectorAll('figure[data-asset]').forEach((figure, i) => {
    figures.set(`figure-${i}`, figure as HTMLElement);
    const marker = staging.createElement('p');
    marker.textContent = `\u2063figure-${i}\u2063`;
    figure.replaceWith(marker);
  });
  const dom = sanitizeHtml(staging.body.innerHTML);
  for (const p of Array.from(dom.body.querySelectorAll('p'))) {
    const key = /^\u2063(figure-\d+)\u2063$/.exec(p.textContent ?? '')?.[1];
    const figure = key ? figures.get(key) : undefined;
    if (figure) p.replaceWith(dom.importNode(figure, true));
  }
  const h1 = dom.body.querySelector('h1');
  const headline = h1?.textContent?.trim() || null;
  h1?.remove();

  const editor = createEditor({ namespace: 'import', nodes: BODY_NODES, onError: (error) => { throw error; } });
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      let loose: LexicalNode[] = [];
      const flush = () => {
        if (loose.length === 0) return;
        const paragraph = $createParagraphNode();
        paragraph.append(...loose);
        root.append(paragraph);
        loose = [];
      };
      for (const node of $generateNodesFromDOM(editor, dom)) {
        if (($isElementNode(node) && !node.isInline()) || ($isDecoratorNode(node) && !node.isInline())) {
          flush();
          root.append(node);
        } else loose.push(node);
      }
      flush();
      if (root.getChildrenSize() === 0) root.append($createParagraphNode());
    },
    { discrete: true },
  );
  return { body: editor.getEditorState().toJSON() as unknown as SerializedBody, headline };
}

/**
 * Reads a dropped or picked document into article content, in the language of its text when that
 * is clear (otherwise `fallback`). Nothing is created if this fails.
 */
export async function importDocument(file: File, fallback: Language): Promise<ArticleContent> {
  if (!isImportable(file)) throw new AppFailure('unsupported', `${file.name} is not a .docx, .md, .txt or .html file`);
  if (file.size > 50 * 1024 * 1024) throw new AppFailure('too-large', `${file.name} is larger than 50 MB`);
  const converted = await unwrap(api.convertDocument({ name: file.name.slice(-255), dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())) }));
  const { body, headline: found } = bodyFrom(await pictures(converted.html));
  const headline = (found ?? converted.title).slice(0, 300);
  const language = detectLanguage(languageText({ headline, deck: '', body })) ?? fallback;
  return { channel: [], headline, deck: '', byline: '', language, body };
}

import { $generateNodesFromDOM } from '@lexical/html';
import { $createParagraphNode, $getRoot, $isElementNode, $isDecoratorNode, createEditor, type LexicalNode } from 'lexical';
import { LIMITS, type ArticleContent, type Language } from '../../shared/article/article';
import type { SerializedBody } from '../../shared/article/body';
import { detectLanguage, languageText } from '../../shared/article/language';
import { AppFailure } from '../../shared/contract/errors';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';
import { BODY_NODES } from '../editor/nodes/body-nodes';
import { sanitizeHtml } from '../editor/sanitize-html';
import { inertDocument, placeFigures } from './import-figures';
import { takeMarkedParts } from './marked-parts';

export const IMPORTABLE = '.docx,.md,.markdown,.txt,.html,.htm';
const IMPORTABLE_EXTENSIONS = IMPORTABLE.split(',');

export function isImportable(file: File): boolean {
  return IMPORTABLE_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
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
/**
 * Reads a dropped or picked document into article content: the headline (the first Heading 1,
 * else the file name), the channel, deck and byline the app's own Word export marks, and the
 * body with its figures, in the language of its text when that is clear. `interfaceLanguage` is
 * the fallback, and the words for a picture that could not be imported. Nothing is created if
 * this fails.
 */
export async function importDocument(file: File, interfaceLanguage: Language): Promise<ArticleContent> {
  if (!isImportable(file)) throw new AppFailure('unsupported', `${file.name} is not a .docx, .md, .txt or .html file`);
  if (file.size > 50 * 1024 * 1024) throw new AppFailure('too-large', `${file.name} is larger than 50 MB`);
  const converted = await unwrap(api.convertDocument({ name: file.name.slice(-255), dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())) }));
  const doc = inertDocument(converted.html);
  const parts = takeMarkedParts(doc.body);
  await placeFigures(doc, interfaceLanguage);
  const { body, headline: found } = bodyFrom(doc.body.innerHTML);
  const headline = (found ?? converted.title).slice(0, LIMITS.headline);
  const deck = parts.deck.slice(0, LIMITS.deck);
  return {
    channel: parts.channel,
    headline,
    deck,
    byline: parts.byline.slice(0, LIMITS.byline),
    language: detectLanguage(languageText({ headline, deck, body })) ?? interfaceLanguage,
    body,
  };
}

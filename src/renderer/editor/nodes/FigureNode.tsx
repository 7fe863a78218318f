import {
  $applyNodeReplacement,
  $getNodeByKey,
  DecoratorNode,
  stopLexicalPropagation,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import { FigureFieldsSchema, type FigureFields, type ImageMime } from '../../../shared/article/body';
import type { FigureActions, FigureTextField } from './figure-actions';
import { FigureView } from './FigureView';

export type SerializedFigureNode = Spread<FigureFields & { type: 'figure'; version: 1 }, { [key: string]: unknown }>;

// Events inside the caption, credit and alt inputs belong to those inputs, not to the body editor.
const FIELD_EVENTS = ['keydown', 'beforeinput', 'input', 'paste', 'cut', 'copy', 'compositionstart', 'compositionend', 'drop', 'dragover', 'dragstart'];

function isFieldTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement;
}

/** A figure in the body: a workspace image with caption, credit and alt text edited in place. */
export class FigureNode extends DecoratorNode<JSX.Element> {
  __asset: string;
  __mime: ImageMime;
  __width: number;
  __height: number;
  __caption: string;
  __credit: string;
  __alt: string;

  static override getType(): string {
    return 'figure';
  }

  static override clone(node: FigureNode): FigureNode {
    return new FigureNode(node.getFields(), node.__key);
  }

  static override importJSON(json: SerializedFigureNode): FigureNode {
    return $createFigureNode({
      asset: json.asset,
      mime: json.mime,
      width: json.width,
      height: json.height,
      caption: json.caption,
      credit: json.credit,
      alt: json.alt,
    });
  }

  constructor(fields: FigureFields, key?: NodeKey) {
    super(key);
    this.__asset = fields.asset;
    this.__mime = fields.mime;
    this.__width = fields.width;
    this.__height = fields.height;
    this.__caption = fields.caption;
    this.__credit = fields.credit;
    this.__alt = fields.alt;
  }

  /** Imported documents mark their figures `<figure data-asset=…>` once the picture is stored. */
  static override importDOM(): DOMConversionMap | null {
    return {
      figure: (element: HTMLElement) =>
        element.dataset.asset
          ? {
              conversion: (): DOMConversionOutput => {
                const fields = figureFromElement(element);
                return { node: fields ? $createFigureNode(fields) : null };
              },
              priority: 2,
            }
          : null,
    };
  }

  override exportJSON(): SerializedFigureNode {
    return { type: 'figure', version: 1, ...this.getFields() };
  }

  getFields(): FigureFields {
    const self = this.getLatest();
    return {
      asset: self.__asset,
      mime: self.__mime,
      width: self.__width,
      height: self.__height,
      caption: self.__caption,
      credit: self.__credit,
      alt: self.__alt,
    };
  }

  setText(field: FigureTextField, value: string): void {
    const writable = this.getWritable();
    if (field === 'caption') writable.__caption = value;
    else if (field === 'credit') writable.__credit = value;
    else writable.__alt = value;
  }

  setImage(image: Pick<FigureFields, 'asset' | 'mime' | 'width' | 'height'>): void {
    const writable = this.getWritable();
    writable.__asset = image.asset;
    writable.__mime = image.mime;
    writable.__width = image.width;
    writable.__height = image.height;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    element.className = 'figure-block';
    element.contentEditable = 'false';
    for (const name of FIELD_EVENTS) {
      element.addEventListener(name, (event) => {
        if (isFieldTarget(event.target)) stopLexicalPropagation(event);
      });
    }
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    img.alt = this.__alt;
    img.width = this.__width;
    img.height = this.__height;
    figure.append(img);
    if (this.__caption || this.__credit) {
      const caption = document.createElement('figcaption');
      caption.textContent = [this.__caption, this.__credit].filter(Boolean).join(' ');
      figure.append(caption);
    }
    return { element: figure };
  }

  override getTextContent(): string {
    return '';
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override decorate(editor: LexicalEditor): JSX.Element {
    const key = this.getKey();
    const change = (apply: (node: FigureNode) => void) =>
      editor.update(() => {
        const node = $getNodeByKey(key);
        if ($isFigureNode(node)) apply(node);
      });
    const actions: FigureActions = {
      setText: (field, value) => change((node) => node.setText(field, value)),
      setImage: (image) => change((node) => node.setImage(image)),
      remove: () => change((node) => node.remove()),
    };
    return <FigureView fields={this.getFields()} actions={actions} />;
  }
}

function figureFromElement(element: HTMLElement): FigureFields | null {
  const parsed = FigureFieldsSchema.safeParse({
    asset: element.dataset.asset,
    mime: element.dataset.mime,
    width: Number(element.dataset.width),
    height: Number(element.dataset.height),
    caption: element.querySelector('figcaption')?.textContent?.trim() ?? '',
    credit: element.dataset.credit ?? '',
    alt: element.dataset.alt ?? '',
  });
  return parsed.success ? parsed.data : null;
}

export function $createFigureNode(fields: FigureFields): FigureNode {
  return $applyNodeReplacement(new FigureNode(fields));
}

export function $isFigureNode(node: LexicalNode | null | undefined): node is FigureNode {
  return node instanceof FigureNode;
}

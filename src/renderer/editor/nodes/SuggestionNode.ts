import i18next from 'i18next';
import {
  $applyNodeReplacement,
  $getEditor,
  ElementNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { SuggestionAttrsSchema, SUGGESTION_TYPE, type SuggestionAttrs } from '../../../shared/suggestions/model';
import { personColour } from '../../history/person-colour';
import { formatWhen } from '../../i18n/i18n';
import { activeSuggester } from '../suggesting/active-suggester';

export type SerializedSuggestionNode = Spread<SuggestionAttrs & { type: 'suggestion'; version: 1 }, SerializedElementNode>;

/** Who, at which stage and when, in the interface language: the tooltip and the spoken description. */
export function describeSuggestion(attrs: SuggestionAttrs): string {
  const what = i18next.t(attrs.kind === 'insert' ? 'suggestions.inserted' : 'suggestions.deleted');
  const stage = i18next.t(`stages.${attrs.stage}`);
  return `${what} · ${attrs.byName} · ${stage} · ${formatWhen(attrs.at, i18next.language || 'en')}`;
}

/**
 * A pending suggestion in the body: the text it inserts or deletes, inline, with who made it,
 * when and at which stage (suggestions/model.ts). Shown as <ins> or <del> in the suggester's
 * colour, never by colour alone: underlined or struck through, described on hover and to
 * assistive technology.
 */
export class SuggestionNode extends ElementNode {
  __attrs: SuggestionAttrs;

  static override getType(): string {
    return SUGGESTION_TYPE;
  }

  static override clone(node: SuggestionNode): SuggestionNode {
    return new SuggestionNode(node.__attrs, node.__key);
  }

  static override importJSON(json: SerializedSuggestionNode): SuggestionNode {
    const { kind, id, group, by, byName, at, stage } = json;
    return $createSuggestionNode({ kind, id, by, byName, at, stage, ...(group ? { group } : {}) }).updateFromJSON(json as LexicalUpdateJSON<SerializedSuggestionNode>);
  }

  /** Tracked changes carried in from an imported Word file (import-document.ts marks them). */
  static override importDOM(): DOMConversionMap | null {
    const convert = (element: HTMLElement) =>
      element.dataset.suggestion
        ? {
            conversion: (): DOMConversionOutput => {
              const parsed = SuggestionAttrsSchema.safeParse(safeJson(element.dataset.suggestion ?? ''));
              return { node: parsed.success ? $createSuggestionNode(parsed.data) : null };
            },
            priority: 2 as const,
          }
        : null;
    return { ins: convert, del: convert };
  }

  constructor(attrs: SuggestionAttrs, key?: NodeKey) {
    super(key);
    this.__attrs = attrs;
  }

  getAttrs(): SuggestionAttrs {
    return this.getLatest().__attrs;
  }

  setAttrs(attrs: SuggestionAttrs): this {
    const writable = this.getWritable();
    writable.__attrs = attrs;
    return writable;
  }

  override exportJSON(): SerializedSuggestionNode {
    return { ...super.exportJSON(), type: 'suggestion', version: 1, ...this.getAttrs() };
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const attrs = this.__attrs;
    const element = document.createElement(attrs.kind === 'insert' ? 'ins' : 'del');
    element.className = `suggestion suggestion-${attrs.kind}`;
    this.label(element);
    return element;
  }

  override updateDOM(previous: this, element: HTMLElement): boolean {
    if (previous.__attrs.kind !== this.__attrs.kind) return true;
    if (previous.__attrs !== this.__attrs) this.label(element);
    return false;
  }

  private label(element: HTMLElement): void {
    const attrs = this.__attrs;
    element.dataset.suggestionKey = attrs.group ?? attrs.id;
    element.dataset.suggestionKind = attrs.kind;
    element.dataset.by = attrs.by || attrs.byName;
    element.title = describeSuggestion(attrs);
    element.style.setProperty('--suggestion-colour', personColour(attrs.by || attrs.byName));
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  /**
   * Text typed at the edge of a suggestion goes into it only when it is the suggesting person's
   * own insertion (so an input method composes there, and one word typed key by key is one
   * suggestion); in editing mode, or at anyone else's suggestion, it goes beside it.
   */
  private isOwnInsertion(): boolean {
    const who = activeSuggester($getEditor());
    const attrs = this.getAttrs();
    return who !== undefined && attrs.kind === 'insert' && attrs.by === who.by && attrs.byName === who.byName && attrs.stage === who.stage;
  }

  override canInsertTextBefore(): boolean {
    return this.isOwnInsertion();
  }

  override canInsertTextAfter(): boolean {
    return this.isOwnInsertion();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function $createSuggestionNode(attrs: SuggestionAttrs): SuggestionNode {
  return $applyNodeReplacement(new SuggestionNode(attrs));
}

export function $isSuggestionNode(node: LexicalNode | null | undefined): node is SuggestionNode {
  return node instanceof SuggestionNode;
}

/** The suggestion a node sits in, if any. */
export function $suggestionOf(node: LexicalNode | null | undefined): SuggestionNode | null {
  for (let current = node ?? null; current !== null; current = current.getParent()) if ($isSuggestionNode(current)) return current;
  return null;
}

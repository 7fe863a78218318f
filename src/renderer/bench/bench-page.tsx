/**
 * The benchmark's baseline: a bare Lexical editor over the same stored body the app opens
 * (`/bench.html?id=<article id>` in the browser preview). Only the plain Lexical nodes, the
 * stock plugins and a minimal figure node: no toolbar, counts, autosave or React state.
 */
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { DecoratorNode, type NodeKey } from 'lexical';
import type { JSX } from 'react';
import { createRoot } from 'react-dom/client';
import type { FigureFields } from '../../shared/article/body';
import { getBridge } from '../bridge/bridge';
import { editorTheme } from '../editor/theme';
import '../styles/app.css';
import '../styles/suggestions.css';
import './bench.css';

performance.mark('bench:script-start');

type SerializedBareFigure = FigureFields & { type: 'figure'; version: 1 };

/** Loads and saves every figure field, but shows only the image and its caption. */
class BareFigureNode extends DecoratorNode<JSX.Element> {
  __fields: FigureFields;

  static override getType(): string {
    return 'figure';
  }

  static override clone(node: BareFigureNode): BareFigureNode {
    return new BareFigureNode(node.__fields, node.__key);
  }

  static override importJSON({ asset, mime, width, height, caption, credit, alt }: SerializedBareFigure): BareFigureNode {
    return new BareFigureNode({ asset, mime, width, height, caption, credit, alt });
  }

  constructor(fields: FigureFields, key?: NodeKey) {
    super(key);
    this.__fields = fields;
  }

  override exportJSON(): SerializedBareFigure {
    return { type: 'figure', version: 1, ...this.getLatest().__fields };
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'bare-figure';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override decorate(): JSX.Element {
    const { asset, width, height, alt, caption } = this.__fields;
    return (
      <>
        <img src={getBridge().assetUrl(asset)} width={width} height={height} alt={alt} loading="lazy" decoding="async" />
        <p>{caption}</p>
      </>
    );
  }
}

function BareEditor({ body, width }: { body: unknown; width: number | null }) {
  const initialConfig: InitialConfigType = {
    namespace: 'bench-bare',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, MarkNode, BareFigureNode],
    theme: editorTheme,
    editorState: JSON.stringify(body),
    onError: (error) => {
      throw error;
    },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <RichTextPlugin
        contentEditable={<ContentEditable className="body-content" aria-label="Body" style={width ? { width } : undefined} />}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin />
    </LexicalComposer>
  );
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const query = new URLSearchParams(location.search);
  const id = query.get('id') ?? '';
  // The benchmark passes the width of the app's text column, so both lay out the same lines.
  const width = Number(query.get('width')) || null;
  const result = await getBridge().api.getArticle({ id });
  if (!result.ok) {
    root.render(<p role="alert">{result.error.message}</p>);
    return;
  }
  performance.mark('bench:article-loaded');
  root.render(
    <div className="app-shell">
      <div className="article-scroll">
        <article className="article-page" lang={result.value.language}>
          <BareEditor body={result.value.body} width={width} />
        </article>
      </div>
    </div>,
  );
}

void main();

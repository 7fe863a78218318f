// @vitest-environment happy-dom
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { registerBodySafety } from '../../../src/renderer/editor/body-safety';
import { BODY_NODES } from '../../../src/renderer/editor/nodes/body-nodes';
import { bodyOf, linkNode, paragraphNode, paragraphOf, textNode, type BodyNode } from '../../../src/shared/article/body';

const OVERLAY = 'position:fixed;inset:0;z-index:2147483647';

function newEditor(): LexicalEditor {
  return createHeadlessEditor({ namespace: 'safety-test', nodes: BODY_NODES, onError: (error) => { throw error; } });
}

const hostileParagraph = (): BodyNode =>
  paragraphOf([{ ...textNode('covered'), style: OVERLAY }, linkNode('data:text/html,<script>1</script>', 'bad'), linkNode('https://example.org/', 'good')]);

function stored(editor: LexicalEditor): string {
  return JSON.stringify(editor.getEditorState().toJSON());
}

describe('registerBodySafety', () => {
  it('clears a pasted Lexical payload of styles and refused links in the same update', () => {
    const editor = newEditor();
    registerBodySafety(editor);
    editor.setEditorState(editor.parseEditorState(JSON.stringify(bodyOf([paragraphNode('start')]))));
    // A payload claiming to come from this editor, as any web page can put on the clipboard.
    const payload = JSON.stringify({ namespace: editor._config.namespace, nodes: [hostileParagraph()] });
    const data = { getData: (type: string) => (type === 'application/x-lexical-editor' ? payload : ''), types: ['application/x-lexical-editor'] };
    editor.update(
      () => {
        const selection = $getRoot().selectEnd();
        $insertDataTransferForRichText(data as unknown as DataTransfer, selection, editor);
      },
      { discrete: true },
    );
    const json = stored(editor);
    expect(json).toContain('covered');
    expect(json).toContain('bad');
    expect(json).not.toContain('position:fixed');
    expect(json).not.toContain('data:text/html');
    expect(json).toContain('https://example.org/');
  });

  it('cleans a body set from outside at the next update', () => {
    const editor = newEditor();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(bodyOf([hostileParagraph()]))));
    registerBodySafety(editor);
    editor.update(() => undefined, { discrete: true });
    const json = stored(editor);
    expect(json).not.toContain('position:fixed');
    expect(json).not.toContain('data:text/html');
    expect(json).toContain('covered');
  });
});

// @vitest-environment happy-dom
// First: FigureNode's view imports the bridge, which needs a page that has one.
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $isFigureNode } from '../../../../src/renderer/editor/nodes/FigureNode';
import { BODY_NODES } from '../../../../src/renderer/editor/nodes/body-nodes';
import { join } from 'node:path';
import { bodyFigures, bodyPlainText } from '../../../../src/shared/article/body-walk';
import { bodyProblem, emptyBody, figureNode, headingNode, paragraphNode, textNode, type SerializedBody } from '../../../../src/shared/article/body';
import { sampleWorkspace } from '../../../helpers/export-workspace';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs('lexical-');

function newEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'body-test',
    nodes: BODY_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

/** Loads a stored body into a fresh editor and serialises it again, as opening and saving do. */
function roundTrip(body: SerializedBody, editor = newEditor()): SerializedBody {
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as SerializedBody;
}

async function sampleArticleBody(): Promise<SerializedBody> {
  const { workspace, article } = await sampleWorkspace(join(await tempDir(), 'ws'));
  return (await workspace.get(article.id)).body;
}

const FIGURE = {
  asset: 'c0ffee'.repeat(10) + 'c0ff',
  mime: 'image/jpeg' as const,
  width: 1200,
  height: 800,
  caption: '“引号”、<b>不是标签</b> & 换行前',
  credit: '新华社记者 周明远 摄',
  alt: 'A tea farmer, 60, checks a sensor',
};

const RICH_BODY: SerializedBody = {
  root: {
    ...emptyBody().root,
    children: [
      headingNode('一、小标题'),
      {
        ...paragraphNode(''),
        children: [
          textNode('粗体', 1),
          textNode(' and italic', 2),
          { type: 'linebreak', version: 1 },
          { type: 'link', version: 1, url: 'https://example.com/a', rel: null, target: null, title: null, direction: null, format: '', indent: 0, children: [textNode('link')] },
        ],
      },
      figureNode(FIGURE),
      {
        type: 'list', version: 1, listType: 'number', start: 1, tag: 'ol', direction: null, format: '', indent: 0,
        children: [
          { type: 'listitem', version: 1, value: 1, direction: null, format: '', indent: 0, children: [textNode('first')] },
          { type: 'listitem', version: 1, value: 2, direction: null, format: '', indent: 0, children: [textNode('second')] },
        ],
      },
      { type: 'quote', version: 1, direction: null, format: '', indent: 0, children: [textNode('引语')] },
      figureNode({ ...FIGURE, asset: 'ab'.repeat(32), mime: 'image/png', caption: '', credit: '', alt: '' }),
      paragraphNode('结尾。'),
    ],
  },
};

describe('the body nodes in a headless Lexical editor', () => {
  it('keep the seeded sample article intact through load and save', async () => {
    const body = await sampleArticleBody();
    const out = roundTrip(body);
    expect(bodyProblem(out)).toBeNull();
    expect(bodyFigures(out)).toEqual(bodyFigures(body));
    expect(bodyFigures(out).length).toBeGreaterThanOrEqual(5);
    expect(bodyPlainText(out)).toBe(bodyPlainText(body));
  });

  it('keep lists, quotes, links, formatting and figures of every kind', () => {
    const out = roundTrip(RICH_BODY);
    expect(bodyProblem(out)).toBeNull();
    expect(bodyFigures(out)).toEqual(bodyFigures(RICH_BODY));
    expect(bodyPlainText(out)).toBe(bodyPlainText(RICH_BODY));
    expect(out.root.children?.map((n) => n.type)).toEqual(['heading', 'paragraph', 'figure', 'list', 'quote', 'figure', 'paragraph']);
    const paragraph = out.root.children?.[1];
    expect(paragraph?.children?.map((n) => [n.type, n.format ?? null])).toEqual([
      ['text', 1],
      ['text', 2],
      ['linebreak', null],
      ['link', ''],
    ]);
    expect(paragraph?.children?.[3]).toMatchObject({ url: 'https://example.com/a' });
    expect(out.root.children?.[3]).toMatchObject({ listType: 'number' });
  });

  it('serialise a body the same way the second time', () => {
    const once = roundTrip(RICH_BODY);
    expect(roundTrip(once)).toEqual(once);
  });

  it('let a figure caption be edited without touching its image', () => {
    const editor = newEditor();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(RICH_BODY)));
    editor.update(
      () => {
        const figure = $getRoot().getChildren().find($isFigureNode);
        figure!.setText('caption', '新的图说');
        figure!.setText('alt', 'new alt');
      },
      { discrete: true },
    );
    const [first, second] = bodyFigures(editor.getEditorState().toJSON());
    expect(first).toEqual({ type: 'figure', version: 1, ...FIGURE, caption: '新的图说', alt: 'new alt' });
    expect(second).toMatchObject({ caption: '', asset: 'ab'.repeat(32) });
  });

  it('refuse a body with a node type the editor does not know', () => {
    const editor = newEditor();
    const body = { root: { ...emptyBody().root, children: [{ type: 'youtube', version: 1, videoID: 'x' }] } };
    expect(() => editor.parseEditorState(JSON.stringify(body))).toThrow();
    expect(bodyProblem(body)).toMatch(/unknown node type "youtube"/);
  });
});

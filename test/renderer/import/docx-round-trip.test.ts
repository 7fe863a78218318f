// @vitest-environment jsdom
import { File as NodeFile } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { systemClock } from '../../../src/main/services/clock';
import { DataFolder } from '../../../src/main/services/data-folder';
import { writeExport } from '../../../src/main/services/export/write-export';
import { MemorySettingsStore } from '../../../src/main/services/settings-store';
import { WindowSessions } from '../../../src/main/services/window-sessions';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, headingNode, paragraphNode, textNode, type BodyNode } from '../../../src/shared/article/body';
import { canonicalContent } from '../../../src/shared/article/canonical';
import { importDocument } from '../../../src/renderer/import/import-document';
import { sampleWorkspace } from '../../helpers/export-workspace';
import { installBridge } from '../../helpers/page-bridge';
import { dataFolderOf, useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('docx-round-trip-');
const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 8;
const lineBreak: BodyNode = { type: 'linebreak', version: 1 };

const paragraph = (...children: BodyNode[]): BodyNode => ({ ...paragraphNode(''), children });
const link = (url: string, text: string): BodyNode => ({ type: 'link', version: 1, url, rel: null, target: null, title: null, direction: null, format: '', indent: 0, children: [textNode(text)] });
const quote = (text: string): BodyNode => ({ type: 'quote', version: 1, direction: null, format: '', indent: 0, children: [textNode(text)] });
const list = (listType: 'bullet' | 'number', ...items: string[]): BodyNode => ({
  type: 'list',
  version: 1,
  listType,
  start: 1,
  tag: listType === 'bullet' ? 'ul' : 'ol',
  direction: null,
  format: '',
  indent: 0,
  children: items.map((text, i) => ({ type: 'listitem', version: 1, value: i + 1, direction: null, format: '', indent: 0, children: [textNode(text)] })),
});

/** The sample article with a little of everything else the editor makes. */
function richContent(sample: ArticleContent): ArticleContent {
  const blocks = sample.body.root.children!.slice();
  const creditOnly = { ...blocks.find((b) => b.type === 'figure' && b.caption)!, caption: '', credit: '新华社 供图' };
  blocks.push(
    headingNode('小标题之下', 'h3'),
    paragraph(textNode('加粗', BOLD), textNode('与'), textNode('斜体', ITALIC), textNode('、'), textNode('下划线', UNDERLINE), textNode('，以及'), link('https://example.org/tea', '一个链接'), textNode('。')),
    paragraph(textNode('第一行'), lineBreak, textNode('第二行')),
    quote('“茶是家乡的名片。”'),
    list('bullet', '建设监测点位', '培训茶农'),
    list('number', '第一步', '第二步'),
    creditOnly,
    paragraphNode('最后一段。'),
  );
  return { ...sample, body: bodyOf(blocks) };
}

describe('importing the app’s own Word export', () => {
  it('gives back the same article: channel, headline, deck, byline, body, figures with their pictures — not the footer', async () => {
    const root = await tempDir();
    const sample = await sampleWorkspace(root);
    const original = richContent(sample.article);
    await sample.save(sample.article.id, original);
    await sample.signOff();
    const file = join(root, 'export.docx');
    await writeExport(sample.workspace, sample.article.id, 'docx', file);

    const handlers = createHandlers({ workspace: () => sample.workspace, settings: new MemorySettingsStore({ language: null, currentUserId: null }), clock: systemClock, data: new DataFolder(dataFolderOf(root)) });
    const caller = { session: new WindowSessions(() => null).open() };
    caller.session.signIn(sample.actors.author.key, Date.now());
    installBridge(handlers, caller);
    const bytes = await readFile(file);
    // jsdom's File cannot be read; Node's is the same Web API.
    const imported = await importDocument(new NodeFile([bytes], 'export.docx') as unknown as File, 'zh-CN');

    expect(JSON.parse(canonicalContent({ ...imported, language: original.language }))).toEqual(JSON.parse(canonicalContent(original)));
    expect(JSON.stringify(imported)).not.toContain('责任编辑');
  });
});

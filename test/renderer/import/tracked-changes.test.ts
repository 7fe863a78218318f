// @vitest-environment jsdom
import { File as NodeFile } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { systemClock } from '../../../src/main/services/clock';
import { DataFolder } from '../../../src/main/services/data-folder';
import { writeExport } from '../../../src/main/services/export/write-export';
import { MemorySettingsStore } from '../../../src/main/services/settings-store';
import { WindowSessions } from '../../../src/main/services/window-sessions';
import type { ArticleContent } from '../../../src/shared/article/article';
import { bodyOf, bodyProblem, paragraphOf, textNode } from '../../../src/shared/article/body';
import { bodyPlainText } from '../../../src/shared/article/body-walk';
import { suggestionNode } from '../../../src/shared/suggestions/build';
import { decideSuggestions } from '../../../src/shared/suggestions/decide';
import { listSuggestions } from '../../../src/shared/suggestions/list';
import { importDocument } from '../../../src/renderer/import/import-document';
import { sampleWorkspace, type SampleWorkspace } from '../../helpers/export-workspace';
import { PROJECT_ROOT } from '../../helpers/paths';
import { installBridge } from '../../helpers/page-bridge';
import { dataFolderOf, useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('docx-tracked-');
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'tracked-changes', 'word-tracked-changes.docx');

function bridgeTo(sample: SampleWorkspace, root: string): void {
  const handlers = createHandlers({ workspace: () => sample.workspace, settings: new MemorySettingsStore({ language: null, currentUserId: null }), clock: systemClock, data: new DataFolder(dataFolderOf(root)) });
  const caller = { session: new WindowSessions(() => null).open() };
  caller.session.signIn(sample.actors.author.key, Date.now());
  installBridge(handlers, caller);
}

async function importFile(path: string, name: string): Promise<ArticleContent> {
  // jsdom's File cannot be read; Node's is the same Web API.
  return importDocument(new NodeFile([await readFile(path)], name) as unknown as File, 'zh-CN');
}

const summary = (content: ArticleContent) => listSuggestions(content).map((s) => ({ kind: s.kind, by: s.by, byName: s.byName, at: s.at, inserted: s.inserted, deleted: s.deleted, field: s.place.field }));

describe('Word files with tracked changes', () => {
  it('imports a tracked-change document made by another tool as suggestions by the authors it names', async () => {
    const root = await tempDir();
    bridgeTo(await sampleWorkspace(root), root);
    const imported = await importFile(FIXTURE, 'word-tracked-changes.docx');

    expect(bodyProblem(imported.body)).toBeNull();
    expect(imported.headline).toBe('山区铁路通车');
    expect(summary(imported)).toEqual([
      { kind: 'field', by: '', byName: '张伟', at: '2026-03-02T09:15:00.000Z', inserted: '山区铁路今日通车', deleted: '山区铁路通车', field: 'headline' },
      { kind: 'delete', by: '', byName: '李编辑', at: '2026-03-02T10:40:00.000Z', inserted: '', deleted: '约', field: 'body' },
      { kind: 'insert', by: '', byName: '李编辑', at: '2026-03-02T10:40:00.000Z', inserted: '沿途设站十二座，', deleted: '', field: 'body' },
      { kind: 'insert', by: '', byName: '张伟', at: '2026-03-02T09:15:00.000Z', inserted: '插入后', deleted: '', field: 'body' },
      { kind: 'insert', by: '', byName: "Anne O'Neil & Co", at: '2026-03-03T07:05:00.000Z', inserted: '重要信息', deleted: '', field: 'body' },
    ]);
    const rejected = decideSuggestions(imported, 'all', 'reject').content;
    const accepted = decideSuggestions(imported, 'all', 'accept').content;
    expect(bodyPlainText(rejected.body)).toBe('线路全长约一百公里，预计年内开通货运。\n原文保留。\n其中已核实。');
    expect(bodyPlainText(accepted.body)).toBe('线路全长一百公里，沿途设站十二座，预计年内开通货运。\n原文插入后保留。\n其中重要信息已核实。');
    expect(accepted.headline).toBe('山区铁路今日通车');
    expect(JSON.stringify(imported)).not.toMatch(/[\uE000-\uE002]/);
  });

  it('exports pending suggestions as w:ins and w:del with their authors, and reads them back as the same suggestions', async () => {
    const root = await tempDir();
    const sample = await sampleWorkspace(root);
    const wang = { by: sample.people.editor.id, byName: '王丽', stage: 'first' as const };
    const zhao = { by: sample.people.second.id, byName: '赵敏', stage: 'first' as const };
    const blocks = sample.article.body.root.children!.slice();
    blocks.splice(1, 0, paragraphOf([
      textNode('雾溪县种茶历史'),
      suggestionNode({ ...wang, at: '2026-05-06T08:00:00.000Z', kind: 'insert', id: 's-wang000001' }, '悠久，'),
      textNode('超过'),
      suggestionNode({ ...zhao, at: '2026-05-06T09:30:00.000Z', kind: 'delete', id: 's-zhao000001' }, '一千'),
      textNode('年。'),
    ]));
    const figure = blocks.findIndex((b) => b.type === 'figure');
    blocks[figure] = { ...blocks[figure]!, proposals: [{ ...wang, at: '2026-05-06T08:05:00.000Z', id: 's-wangcap001', field: 'caption', base: String(blocks[figure]!.caption ?? ''), proposed: '雾溪县高峰村的茶园。' }] };
    const content = { ...sample.article, body: bodyOf(blocks) };
    await sample.save(sample.article.id, content);
    const file = join(root, 'with-changes.docx');
    await writeExport(sample.workspace, sample.article.id, 'docx-changes', file, { allowDraft: true });

    const xml = strFromU8(unzipSync(await readFile(file))['word/document.xml']!);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="王丽" w:date="2026-05-06T08:00:00(\.000)?Z"><w:r><w:t xml:space="preserve">悠久，<\/w:t><\/w:r><\/w:ins>/);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="赵敏" w:date="2026-05-06T09:30:00(\.000)?Z"><w:r><w:delText xml:space="preserve">一千<\/w:delText><\/w:r><\/w:del>/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="王丽" w:date="2026-05-06T08:05:00(\.000)?Z"><w:r><w:t xml:space="preserve">雾溪县高峰村的茶园。<\/w:t><\/w:r><\/w:ins>/);
    // The plain Word export is the copy as it stands: no suggestion in it.
    const plainFile = join(root, 'plain.docx');
    await writeExport(sample.workspace, sample.article.id, 'docx', plainFile, { allowDraft: true });
    const plain = strFromU8(unzipSync(await readFile(plainFile))['word/document.xml']!);
    expect(plain).not.toMatch(/<w:(ins|del) /);
    expect(plain).toContain('一千');
    expect(plain).not.toContain('悠久，');

    bridgeTo(sample, root);
    const imported = await importFile(file, 'with-changes.docx');
    expect(summary(imported).filter((s) => s.field === 'body')).toEqual([
      { kind: 'insert', by: '', byName: '王丽', at: '2026-05-06T08:00:00.000Z', inserted: '悠久，', deleted: '', field: 'body' },
      { kind: 'delete', by: '', byName: '赵敏', at: '2026-05-06T09:30:00.000Z', inserted: '', deleted: '一千', field: 'body' },
    ]);
    expect(summary(imported).filter((s) => s.field === 'caption').map((s) => [s.byName, s.inserted])).toEqual([['王丽', '雾溪县高峰村的茶园。']]);
  });
});

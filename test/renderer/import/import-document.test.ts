// @vitest-environment jsdom
import { File as NodeFile } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBlocks } from '../../../src/shared/article/copy-blocks';
import type { SerializedBody } from '../../../src/shared/article/body';
import { initI18n } from '../../../src/renderer/i18n/i18n';
import { importDocument } from '../../../src/renderer/import/import-document';
import { tempApp } from '../../helpers/handlers';
import { installBridge } from '../../helpers/page-bridge';
import { PROJECT_ROOT, readSamplePng } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs('import-document-');

beforeAll(async () => {
  await initI18n('en');
});

/** jsdom's File cannot be read; Node's is the same Web API. */
const fileOf = (name: string, bytes: Uint8Array | string) => new NodeFile([bytes], name) as unknown as File;

/** The body as kinds and texts: paragraphs and headings as text, figures as their caption and credit. */
function outline(body: SerializedBody): string[] {
  return copyBlocks(body).map((block) => {
    switch (block.kind) {
      case 'figure':
        return `figure: ${block.figure.caption} | ${block.figure.credit}`;
      case 'list':
        return `list: ${block.items.map((runs) => runs.map((r) => r.text).join('')).join(' / ')}`;
      default:
        return `${block.kind}: ${block.runs.map((r) => r.text).join('')}`;
    }
  });
}

async function deskIn(): Promise<void> {
  const app = await tempApp(await tempDir());
  installBridge(app.handlers, app.caller);
}

describe('importDocument', () => {
  it('still reads Word files from other tools: a LibreOffice document with a picture and the caption under it', async () => {
    await deskIn();
    const bytes = await readFile(join(PROJECT_ROOT, 'test/fixtures/import/libreoffice-news.docx'));
    const content = await importDocument(fileOf('libreoffice-news.docx', bytes), 'zh-CN');
    expect(content.headline).toBe('县城茶企直播带货 首月销售额破百万');
    expect([content.channel, content.deck, content.byline]).toEqual([[], '', '']);
    expect(outline(content.body)).toEqual([
      'paragraph: 雾溪县茶企试水直播电商，首月销售额突破一百万元。',
      'heading: 主播多为返乡青年',
      'list: 每天直播四小时 / 订单当天发货',
      'quote: “直播让更多人知道了我们的茶。”',
      'figure: 主播在直播间介绍当季新茶。 | ',
      'paragraph: 详见县商务局公告。',
    ]);
  });

  it('says which picture of a Markdown file is missing, in the interface language, and keeps the ones it can read', async () => {
    await deskIn();
    const png = (await readSamplePng()).toString('base64');
    const markdown = [
      '# 茶山新貌',
      '![茶园全景](images/tea-garden.jpg)',
      '第一段正文。',
      `![大数据中心](data:image/png;base64,${png})`,
      '中心大屏上的实时数据。',
      '![](https://example.org/remote.png)',
      '最后一段。',
    ].join('\n\n');
    const zh = await importDocument(fileOf('茶山.md', markdown), 'zh-CN');
    expect(outline(zh.body)).toEqual([
      'paragraph: ［缺少图片：images/tea-garden.jpg——未能导入，请重新插入图片或删除此行。］',
      'paragraph: 第一段正文。',
      'figure: 中心大屏上的实时数据。 | ',
      'paragraph: ［缺少图片：https://example.org/remote.png——未能导入，请重新插入图片或删除此行。］',
      'paragraph: 最后一段。',
    ]);
    const en = await importDocument(fileOf('tea.md', markdown), 'en');
    expect(outline(en.body)[0]).toBe('paragraph: [Missing image: images/tea-garden.jpg — it could not be imported. Insert it again, or delete this line.]');
  });
});

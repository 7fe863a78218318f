import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/shared/article/article';
import { SampleArticleSchema, sampleBody } from '../../../src/shared/article/sample';
import { blockingFindings } from '../../../src/shared/checks/gate';
import { runChecks } from '../../../src/shared/checks/engine';
import { DEFAULT_CHECK_SETTINGS } from '../../../src/shared/checks/settings';
import { SAMPLE_DIR } from '../../helpers/paths';
import { expectConsistent } from './helpers';

async function sampleContent(): Promise<ArticleContent> {
  const sample = SampleArticleSchema.parse(JSON.parse(await readFile(join(SAMPLE_DIR, 'article.json'), 'utf8')));
  const names = [...new Set(sample.blocks.flatMap((b) => (b.type === 'figure' ? [b.image] : [])))];
  const images = new Map(names.map((name, i) => [name, { asset: String(i).repeat(64), mime: 'image/png' as const, width: 800, height: 600 }]));
  const { blocks: _blocks, ...fields } = sample;
  return { ...fields, body: sampleBody(sample, images) };
}

describe('the sample article', () => {
  it('reports its first figure, which has no caption, and nothing else', async () => {
    const content = await sampleContent();
    const found = runChecks(content);
    expectConsistent(content, found);
    expect(found.map((f) => [f.rule, f.severity, f.location])).toEqual([['figure-caption', 'required', { field: 'caption', figure: 0, start: 0, end: 0 }]]);
    expect(found[0]!.message).toEqual({ en: 'Image 1 has no caption.', 'zh-CN': '图1缺少图片说明。' });
    expect(blockingFindings(found, DEFAULT_CHECK_SETTINGS, 'first')).toEqual(found);
  });
});

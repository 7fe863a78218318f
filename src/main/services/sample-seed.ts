import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SampleArticleSchema, sampleBody } from '../../shared/article/sample';
import type { ImageInfo } from '../../shared/contract/api';
import type { Actor } from './articles';
import type { Workspace } from './workspace';

/** Copies the bundled sample article and its images into a workspace, as an article by `author`. */
export async function seedSampleArticle(workspace: Workspace, sampleDir: string, author: Actor) {
  const sample = SampleArticleSchema.parse(JSON.parse(await readFile(join(sampleDir, 'article.json'), 'utf8')));
  const images = new Map<string, ImageInfo>();
  for (const block of sample.blocks) {
    if (block.type !== 'figure' || images.has(block.image)) continue;
    images.set(block.image, await workspace.assets.put(await readFile(join(sampleDir, block.image))));
  }
  return workspace.articles.create(author, sample.language, {
    channel: sample.channel,
    headline: sample.headline,
    deck: sample.deck,
    byline: sample.byline,
    language: sample.language,
    body: sampleBody(sample, images),
  });
}

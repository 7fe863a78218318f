import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTICLE_FORMAT } from '../../shared/article/article';
import { SampleArticleSchema, sampleBody } from '../../shared/article/sample';
import type { ImageInfo } from '../../shared/contract/api';
import type { Person } from '../../shared/review/people';
import type { Workspace } from './workspace';

/** Copies the bundled sample article and its images into a workspace. */
export async function seedSampleArticle(workspace: Workspace, sampleDir: string, author: Pick<Person, 'id' | 'name'>, at: Date) {
  const sample = SampleArticleSchema.parse(JSON.parse(await readFile(join(sampleDir, 'article.json'), 'utf8')));
  const images = new Map<string, ImageInfo>();
  for (const block of sample.blocks) {
    if (block.type !== 'figure' || images.has(block.image)) continue;
    images.set(block.image, await workspace.assets.put(await readFile(join(sampleDir, block.image))));
  }
  const when = at.toISOString();
  return workspace.add({
    format: ARTICLE_FORMAT,
    channel: sample.channel,
    headline: sample.headline,
    deck: sample.deck,
    byline: sample.byline,
    language: sample.language,
    body: sampleBody(sample, images),
    authorId: author.id,
    createdBy: author.name,
    createdAt: when,
    updatedBy: author.name,
    updatedAt: when,
    revision: 0,
  });
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyFigures } from '../../../src/shared/article/body-walk';
import { bodyProblem } from '../../../src/shared/article/body';
import { SampleArticleSchema, sampleBody } from '../../../src/shared/article/sample';
import { SAMPLE_DIR } from '../../helpers/paths';

async function sample() {
  return SampleArticleSchema.parse(JSON.parse(await readFile(join(SAMPLE_DIR, 'article.json'), 'utf8')));
}

describe('sampleBody', () => {
  it('turns the bundled sample into a valid body with its figures', async () => {
    const article = await sample();
    const names = [...new Set(article.blocks.flatMap((b) => (b.type === 'figure' ? [b.image] : [])))];
    const images = new Map(names.map((name, i) => [name, { asset: String(i).repeat(64), mime: 'image/png' as const, width: 10 + i, height: 20 + i }]));
    const body = sampleBody(article, images);
    expect(bodyProblem(body)).toBeNull();
    expect(body.root.children).toHaveLength(article.blocks.length);
    const expected = article.blocks.flatMap((b) => (b.type === 'figure' ? [{ ...images.get(b.image), caption: b.caption, credit: b.credit, alt: b.alt }] : []));
    expect(bodyFigures(body)).toEqual(expected.map((f) => ({ type: 'figure', version: 1, ...f })));
  });

  it('fails when an image of the sample is missing', async () => {
    expect(() => sampleBody(SampleArticleSchema.parse({ ...{ channel: [], headline: '', deck: '', byline: '', language: 'en' }, blocks: [{ type: 'figure', image: 'x.png', caption: '', credit: '', alt: '' }] }), new Map())).toThrow(/x\.png is missing/);
  });
});

import { z } from '../zod';
import { LanguageSchema } from './article';
import { bodyOf, figureNode, headingNode, paragraphNode, type BodyNode, type FigureFields, type SerializedBody } from './body';

/** The compact form the bundled sample article is written in. */
export const SampleArticleSchema = z.object({
  channel: z.array(z.string()),
  headline: z.string(),
  deck: z.string(),
  byline: z.string(),
  language: LanguageSchema,
  blocks: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('paragraph'), text: z.string() }),
      z.object({ type: z.literal('heading'), text: z.string() }),
      z.object({
        type: z.literal('figure'),
        image: z.string(),
        caption: z.string(),
        credit: z.string(),
        alt: z.string(),
      }),
    ]),
  ),
});
export type SampleArticle = z.infer<typeof SampleArticleSchema>;

type ImageInfo = Pick<FigureFields, 'asset' | 'mime' | 'width' | 'height'>;

export function sampleBody(sample: SampleArticle, images: ReadonlyMap<string, ImageInfo>): SerializedBody {
  const children: BodyNode[] = sample.blocks.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return paragraphNode(block.text);
      case 'heading':
        return headingNode(block.text);
      case 'figure': {
        const image = images.get(block.image);
        if (!image) throw new Error(`sample image ${block.image} is missing`);
        return figureNode({ ...image, caption: block.caption, credit: block.credit, alt: block.alt });
      }
    }
  });
  return bodyOf(children);
}

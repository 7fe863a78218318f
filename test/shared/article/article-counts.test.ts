import { describe, expect, it } from 'vitest';
import { countArticle } from '../../../src/shared/article/article-counts';
import { emptyBody, figureNode, headingNode, paragraphNode, type FigureFields } from '../../../src/shared/article/body';

const figure = (caption: string): FigureFields => ({
  asset: 'a'.repeat(64),
  mime: 'image/png',
  width: 640,
  height: 400,
  caption,
  credit: '记者 林晓岚 摄',
  alt: 'alt text is not counted',
});

describe('countArticle', () => {
  it('counts headline, deck, byline, body and captions, and the figures without caption', () => {
    const counts = countArticle({
      headline: '茶山新动能',
      deck: 'Tea goes digital',
      byline: '本报记者',
      body: {
        root: {
          ...emptyBody().root,
          children: [headingNode('一、数据'), paragraphNode('茶农 use apps'), figureNode(figure('茶园')), figureNode(figure('  ')), figureNode(figure(''))],
        },
      },
    });
    expect(counts).toEqual({
      chineseCharacters: 5 + 0 + 4 + 3 + 2 + 2,
      latinWords: 3 + 2,
      characters: 5 + 14 + 4 + 4 + 9 + 2,
      figures: 3,
      figuresWithoutCaption: 2,
    });
  });

  it('counts an empty article as zero', () => {
    expect(countArticle({ headline: '', deck: '', byline: '', body: emptyBody() })).toEqual({
      chineseCharacters: 0,
      latinWords: 0,
      characters: 0,
      figures: 0,
      figuresWithoutCaption: 0,
    });
  });
});

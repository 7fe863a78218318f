import type { ArticleContent } from './article';
import { walkBody } from './body-walk';
import { addCounts, countText, type ArticleCounts } from './counts';

/** Counts over every text field of the copy: headline, deck, byline, body and captions. */
export function countArticle(content: Pick<ArticleContent, 'headline' | 'deck' | 'byline' | 'body'>): ArticleCounts {
  let text = addCounts(addCounts(countText(content.headline), countText(content.deck)), countText(content.byline));
  let figures = 0;
  let figuresWithoutCaption = 0;
  walkBody(content.body, {
    block: (block) => {
      text = addCounts(text, countText(block.text));
    },
    figure: (figure) => {
      figures++;
      if (figure.caption.trim() === '') figuresWithoutCaption++;
      text = addCounts(text, countText(figure.caption));
    },
  });
  return { ...text, figures, figuresWithoutCaption };
}

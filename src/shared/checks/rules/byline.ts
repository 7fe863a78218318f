/** The article has a byline. */
import { articleRule, fieldSegment } from '../rule';

export const bylineRule = articleRule('byline', () => ({
  collect({ content, segments }) {
    if (content.byline.trim() !== '') return [];
    return [
      {
        rule: 'byline',
        segment: fieldSegment(segments, 'byline'),
        start: 0,
        end: content.byline.length,
        message: { en: 'The byline is missing.', 'zh-CN': '缺少署名。' },
      },
    ];
  },
}));

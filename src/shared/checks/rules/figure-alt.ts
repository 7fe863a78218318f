/** Every figure has alt text. */
import { articleRule, type SegmentFinding } from '../rule';

export const figureAltRule = articleRule('figure-alt', () => ({
  collect({ segments }) {
    const out: SegmentFinding[] = [];
    segments.forEach((segment, index) => {
      if (segment.field !== 'alt' || segment.text.trim() !== '') return;
      const n = segment.figure! + 1;
      out.push({
        rule: 'figure-alt',
        segment: index,
        start: 0,
        end: segment.text.length,
        message: {
          en: `Image ${n} has no alt text (a short description for readers who cannot see the image).`,
          'zh-CN': `图${n}缺少替代文字（供看不到图片的读者使用的简短描述）。`,
        },
      });
    });
    return out;
  },
}));

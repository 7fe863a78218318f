/** Every figure has a caption. */
import { articleRule, type SegmentFinding } from '../rule';

export const figureCaptionRule = articleRule('figure-caption', () => ({
  collect({ segments }) {
    const out: SegmentFinding[] = [];
    segments.forEach((segment, index) => {
      if (segment.field !== 'caption' || segment.text.trim() !== '') return;
      const n = segment.figure! + 1;
      out.push({
        rule: 'figure-caption',
        segment: index,
        start: 0,
        end: segment.text.length,
        message: { en: `Image ${n} has no caption.`, 'zh-CN': `图${n}缺少图片说明。` },
      });
    });
    return out;
  },
}));

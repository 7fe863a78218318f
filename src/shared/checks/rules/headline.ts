/** The headline is there and its length is within the range set for the article's language. */
import { articleRule, fieldSegment, type SegmentFinding } from '../rule';
import { codePointLength, named, q } from '../text';

export const headlineRule = articleRule('headline', ({ settings }) => ({
  // A fix elsewhere in the headline (a doubled word, a house term) must not make it too short or too long.
  allowsFix({ segment, start, end, replacement, language }) {
    if (segment.field !== 'headline') return true;
    const { min, max } = settings.headlineLength[language];
    const fits = (text: string) => {
      const length = codePointLength(text.trim());
      return length > 0 && length >= min && length <= max;
    };
    return !fits(segment.text) || fits(segment.text.slice(0, start) + replacement + segment.text.slice(end));
  },
  collect({ content, segments }): SegmentFinding[] {
    const segment = fieldSegment(segments, 'headline');
    const text = content.headline;
    const trimmed = text.trim();
    if (trimmed === '') {
      return [{ rule: 'headline', segment, start: 0, end: text.length, message: { en: 'The headline is missing.', 'zh-CN': '缺少标题。' } }];
    }
    const { min, max } = settings.headlineLength[content.language];
    const length = codePointLength(trimmed);
    if (length >= min && length <= max) return [];
    const start = text.indexOf(trimmed);
    const shown = q(named(trimmed));
    const message =
      length < min
        ? {
            en: `The headline ${shown} is too short: ${length} characters, at least ${min} expected.`,
            'zh-CN': `标题${shown}过短：${length}个字，至少应有${min}个字。`,
          }
        : {
            en: `The headline ${shown} is too long: ${length} characters, at most ${max} expected.`,
            'zh-CN': `标题${shown}过长：${length}个字，最多${max}个字。`,
          };
    return [{ rule: 'headline', segment, start, end: start + trimmed.length, message }];
  },
}));

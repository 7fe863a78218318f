/** A paragraph (or block quote) longer than the workspace's limit, whitespace not counted. */
import { articleRule, type SegmentFinding } from '../rule';
import { named, q, visibleLength } from '../text';

export const longParagraphRule = articleRule<number>('long-paragraph', ({ settings }) => {
  const max = settings.paragraphMaxChars;
  const measured = (kind: string) => kind === 'paragraph' || kind === 'quote';
  return {
    // Counting is cached per text like everything else; short texts are not counted at all.
    scan: (text) => (text.length > max ? visibleLength(text) : 0),
    // A fix that lengthens a paragraph (a title added to a name) must not push it over the limit.
    allowsFix({ segment, start, end, replacement }) {
      if (segment.field !== 'body' || !measured(segment.kind)) return true;
      const added = visibleLength(replacement) - visibleLength(segment.text.slice(start, end));
      if (added <= 0) return true;
      const length = visibleLength(segment.text);
      return length > max || length + added <= max;
    },
    collect({ segments, facts }) {
      const out: SegmentFinding[] = [];
      for (let s = 0; s < segments.length; s++) {
        const length = facts[s]!;
        if (length <= max) continue;
        const segment = segments[s]!;
        if (segment.field !== 'body' || !measured(segment.kind)) continue;
        const shown = q(named(segment.text.slice(0, 16)) + '…');
        out.push({
          rule: 'long-paragraph',
          segment: s,
          start: 0,
          end: segment.text.length,
          message: {
            en: `The paragraph starting ${shown} has ${length} characters, more than ${max}. Consider splitting it.`,
            'zh-CN': `以${shown}开头的段落有${length}个字，超过${max}字，建议拆分。`,
          },
        });
      }
      return out;
    },
  };
});

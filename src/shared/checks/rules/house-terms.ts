/**
 * The workspace's list of terms: write `use` instead of `avoid`. Matching is exact and
 * case-sensitive; terms that start or end with a Latin letter or digit match whole words only;
 * where several terms match at one place the longest wins. An `avoid` that is part of its own
 * `use` (新冠 in 新冠肺炎) is not flagged where the `use` is already written.
 */
import { Matcher } from '../matcher';
import { segmentRule, type RawFinding } from '../rule';
import { inContext, q } from '../text';

export const houseTermsRule = segmentRule('house-terms', ({ lists }) => {
  const terms = lists.terms.filter((term) => term.avoid !== '' && term.avoid !== term.use);
  const matcher = new Matcher(terms.map((term) => term.avoid));
  /** Where `avoid` sits inside `use`, for each term. */
  const inside = terms.map((term) => {
    const offsets: number[] = [];
    for (let k = term.use.indexOf(term.avoid); k >= 0; k = term.use.indexOf(term.avoid, k + 1)) offsets.push(k);
    return offsets;
  });
  return (text) => {
    if (matcher.empty) return [];
    const matches = matcher.find(text, ({ start, pattern }) => !inside[pattern]!.some((k) => start >= k && text.startsWith(terms[pattern]!.use, start - k)));
    return matches.map(({ start, end, pattern }): RawFinding => {
      const { avoid, use } = terms[pattern]!;
      const shown = q(inContext(text, start, end, 6));
      return {
        rule: 'house-terms',
        start,
        end,
        message:
          use === ''
            ? { en: `House style: avoid ${q(avoid)} (in ${shown}).`, 'zh-CN': `按本社用语规范，应避免使用${q(avoid)}（${shown}）。` }
            : { en: `House style: write ${q(use)} instead of ${q(avoid)} (in ${shown}).`, 'zh-CN': `按本社用语规范，${q(avoid)}应写作${q(use)}（${shown}）。` },
        ...(use === '' ? {} : { fix: { label: { en: `Change to “${use}”`, 'zh-CN': `改为“${use}”` }, replacement: use } }),
      };
    });
  };
});

/** Commas in a number that are not every three digits: 1,00,000 or 10,00. No fix: the intent is unclear. */
import { scanNumbers } from '../numbers';
import { segmentRule, type RawFinding } from '../rule';
import { q } from '../text';

export const thousandsSeparatorRule = segmentRule('thousands-separator', () => (text) => {
  if (!text.includes(',')) return [];
  const out: RawFinding[] = [];
  for (const token of scanNumbers(text)) {
    if (!token.malformed) continue;
    const shown = q(text.slice(token.start, token.digitsEnd));
    out.push({
      rule: 'thousands-separator',
      start: token.start,
      end: token.digitsEnd,
      message: {
        en: `The commas in ${shown} are not every three digits. Check the number (for example 100,000 or 1,000).`,
        'zh-CN': `${shown}中的逗号不是每三位一个，请核对数字（如100,000、1,000）。`,
      },
    });
  }
  return out;
});

import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/shared/checks/engine';
import { HouseListsSchema } from '../../../src/shared/checks/lists';
import { isPlaceholder } from '../../../src/shared/checks/rules/figure-placeholder';
import { article, fig, p } from './helpers';

const LISTS = HouseListsSchema.parse({ terms: [{ avoid: 'aaa', use: 'b' }, { avoid: '的的', use: '的' }], names: [{ name: 'a a', title: 'a' }] });

/** Inputs that make backtracking regular expressions blow up, 60,000 characters each. */
const INPUTS = [
  ' '.repeat(60_000) + 'x',
  ','.repeat(60_000) + 'x',
  '.'.repeat(60_000),
  'a '.repeat(30_000) + 'b',
  'ab '.repeat(20_000),
  'a'.repeat(60_000) + ' a',
  '的'.repeat(60_000),
  '一'.repeat(60_000),
  '1,'.repeat(30_000),
  '(“'.repeat(30_000),
  ', It'.repeat(15_000),
  '，'.repeat(30_000) + '。'.repeat(30_000),
];

describe('adversarial input', () => {
  it('is checked in linear time', () => {
    for (const text of INPUTS) {
      const start = performance.now();
      const found = runChecks(article({ headline: text.slice(0, 200), blocks: [p(text), fig({ caption: text.slice(0, 2_000), alt: text.slice(0, 1_000) })] }), undefined, LISTS);
      const took = performance.now() - start;
      expect(found.length, JSON.stringify(text.slice(0, 8))).toBeGreaterThanOrEqual(0);
      expect(took, JSON.stringify(text.slice(0, 8))).toBeLessThan(1_500);
    }
  });

  it('does not slow the placeholder test on long captions', () => {
    const start = performance.now();
    for (const text of [',.'.repeat(1_000) + 'x', 'a'.repeat(2_000) + '.png', ' '.repeat(2_000)]) isPlaceholder(text);
    expect(performance.now() - start).toBeLessThan(100);
  });
});

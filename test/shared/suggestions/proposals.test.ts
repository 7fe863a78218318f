import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeText } from '../../../src/shared/suggestions/merge3';
import type { FieldProposal } from '../../../src/shared/suggestions/model';
import { applyProposal, isStale, proposedValue, rebaseProposals } from '../../../src/shared/suggestions/proposals';
import { PEOPLE } from './marked';

const proposal = (base: string, proposed: string, extra: Partial<FieldProposal> = {}): FieldProposal => ({ ...PEOPLE[0]!, id: 's-prop001', field: 'headline', base, proposed, ...extra });

describe('mergeText', () => {
  it('merges changes to different words, in Chinese and English', () => {
    expect(mergeText('千年茶山种出数字新动能', '千年茶山种出数字新活力', '百年茶山种出数字新动能', 'zh-CN')).toBe('百年茶山种出数字新活力');
    expect(mergeText('The mayor spoke today.', 'The mayor spoke on Monday.', 'The new mayor spoke today.', 'en')).toBe('The new mayor spoke on Monday.');
  });

  it('takes one side when the other did not change, and agrees with itself', () => {
    expect(mergeText('a b', 'a b', 'a c', 'en')).toBe('a c');
    expect(mergeText('a b', 'a c', 'a b', 'en')).toBe('a c');
    expect(mergeText('a b c', 'a x c', 'a x c', 'en')).toBe('a x c');
  });

  it('refuses changes to the same words', () => {
    expect(mergeText('千年茶山', '百年茶山', '万年茶山', 'zh-CN')).toBeNull();
    expect(mergeText('The mayor spoke.', 'The major spoke.', 'The mayors spoke.', 'en')).toBeNull();
  });

  it('merges any two changes on either side of a full stop (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('茶', '山', '村', '镇', 'a', 'b'), maxLength: 8 });
    fc.assert(
      fc.property(text, text, text, text, (a, a2, b, b2) => {
        expect(mergeText(`${a}。${b}`, `${a2}。${b}`, `${a}。${b2}`, 'zh-CN')).toBe(`${a2}。${b2}`);
      }),
    );
  });
});

describe('field proposals', () => {
  it('apply directly to the value they were made on, and merge onto one that changed since', () => {
    const p = proposal('千年茶山种出数字新动能', '百年茶山种出数字新动能');
    expect(applyProposal('千年茶山种出数字新动能', p, 'zh-CN')).toBe('百年茶山种出数字新动能');
    expect(applyProposal('千年茶山种出数字新活力', p, 'zh-CN')).toBe('百年茶山种出数字新活力');
    expect(applyProposal('万年茶山种出数字新动能', p, 'zh-CN')).toBeNull();
    expect(isStale(p, '万年茶山种出数字新动能', 'zh-CN')).toBe(true);
    expect(isStale(p, '千年茶山种出数字新活力', 'zh-CN')).toBe(false);
  });

  it('are rebased when their field changes: carried over, dropped when already there, kept when they clash', () => {
    const carried = proposal('千年茶山种出数字新动能', '百年茶山种出数字新动能', { id: 's-prop001' });
    const already = proposal('千年茶山种出数字新动能', '千年茶山种出数字新活力', { id: 's-prop002' });
    const clashing = proposal('千年茶山种出数字新动能', '万年茶山种出数字新动能', { id: 's-prop003' });
    const value = '千年茶山种出数字新活力';
    const rebased = rebaseProposals([carried, already], value, 'zh-CN');
    expect(rebased).toEqual([{ ...carried, base: value, proposed: '百年茶山种出数字新活力' }]);
    const changed = '百年茶山种出数字新活力';
    expect(rebaseProposals([clashing], changed, 'zh-CN')).toEqual([clashing]);
  });

  it('proposedValue applies every proposal oldest first and passes over one that clashes', () => {
    const first = proposal('a b c', 'x b c', { id: 's-prop001', at: '2025-05-06T08:00:00.000Z' });
    const second = proposal('a b c', 'a b z', { id: 's-prop002', at: '2025-05-06T09:00:00.000Z' });
    const clash = proposal('a b c', 'y b c', { id: 's-prop003', at: '2025-05-06T10:00:00.000Z' });
    expect(proposedValue('a b c', [clash, second, first], 'en')).toBe('x b z');
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_TERMS, parseQuery } from '../../../src/shared/search/query';

const terms = (input: string, typing = false) => parseQuery(input, { typing }).terms.map(({ tokens, prefix }) => ({ tokens, prefix }));

describe('parseQuery', () => {
  it('makes one phrase of a Chinese term, without the tail a longer run would not have', () => {
    expect(terms('乡村振兴')).toEqual([{ tokens: ['乡村', '村振', '振兴'], prefix: false }]);
  });

  it('lets a lone Han character match as the start of a bigram', () => {
    expect(terms('茶')).toEqual([{ tokens: ['茶'], prefix: true }]);
    expect(terms('A股')).toEqual([{ tokens: ['a', '股'], prefix: true }]);
  });

  it('keeps the tail of a Han run that a word follows, as the text has it', () => {
    expect(terms('基站5G')).toEqual([{ tokens: ['基站', '站', '5g'], prefix: false }]);
  });

  it('splits terms at spaces and keeps quoted phrases, straight or curly, together', () => {
    expect(terms('supply chain')).toEqual([
      { tokens: ['supply'], prefix: false },
      { tokens: ['chain'], prefix: false },
    ]);
    expect(terms('"supply chain" 贵州')).toEqual([
      { tokens: ['supply', 'chain'], prefix: false },
      { tokens: ['贵州'], prefix: false },
    ]);
    expect(terms('“interest rates”')).toEqual([{ tokens: ['interest', 'rates'], prefix: false }]);
  });

  it('reads an unclosed quote as running to the end', () => {
    expect(terms('"supply chain')).toEqual([{ tokens: ['supply', 'chain'], prefix: false }]);
  });

  it('matches a word as a prefix when it ends in * or is being typed', () => {
    expect(terms('broad*')).toEqual([{ tokens: ['broad'], prefix: true }]);
    expect(terms('rural broadb', true)).toEqual([
      { tokens: ['rural'], prefix: false },
      { tokens: ['broadb'], prefix: true },
    ]);
    expect(terms('rural broadb ', true)[1]!.prefix).toBe(false);
    expect(terms('"rural broadb"', true)[0]!.prefix).toBe(false);
  });

  it('drops terms of punctuation only, and keeps at most a bounded number of terms', () => {
    expect(terms('，。 -- ""')).toEqual([]);
    expect(parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).terms).toHaveLength(MAX_TERMS);
  });
});

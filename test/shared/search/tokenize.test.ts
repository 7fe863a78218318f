import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WORD, tokenize, tokenString } from '../../../src/shared/search/tokenize';

const texts = (text: string) => tokenize(text).map((token) => token.text);

describe('tokenize', () => {
  it('cuts Han runs into overlapping bigrams and keeps each run’s last character alone', () => {
    expect(texts('贵州茶叶')).toEqual(['贵州', '州茶', '茶叶', '叶']);
    expect(texts('茶')).toEqual(['茶']);
    expect(texts('贵州，茶叶。')).toEqual(['贵州', '州', '茶叶', '叶']);
  });

  it('makes lower-case whole words of Latin letters and digits, split at anything else', () => {
    expect(texts('Supply-chain costs fell 2.5% in Q3')).toEqual(['supply', 'chain', 'costs', 'fell', '2', '5', 'in', 'q3']);
  });

  it('separates a word from the Han text it touches', () => {
    expect(texts('调试5G基站')).toEqual(['调试', '试', '5g', '基站', '站']);
  });

  it('folds full-width letters and digits, compatibility ideographs and accents', () => {
    expect(texts('ＡＩ　２０２５')).toEqual(['ai', '2025']);
    expect(texts('Café Zürich')).toEqual(['cafe', 'zurich']);
    expect(texts('\uf900')).toEqual(['豈']);
    // Kana keep their voicing marks.
    expect(texts('がか')).toEqual(['がか', 'か']);
  });

  it('gives offsets into the original text, surrogate pairs included', () => {
    const text = 'Ａ𠀀字 ok';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Ａ', '𠀀字', '字', 'ok']);
    expect(tokens[1]!.headEnd - tokens[1]!.start).toBe(2);
  });

  it(`cuts words longer than ${MAX_WORD} characters`, () => {
    expect(texts('x'.repeat(100))).toEqual(['x'.repeat(MAX_WORD)]);
  });

  it('keeps only letters and digits in tokens, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        for (const token of tokenize(text)) {
          expect(token.text).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(token.start).toBeGreaterThanOrEqual(0);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.start).toBeLessThan(token.end);
        }
      }),
    );
  });

  it('writes the same tokens, space-separated, for the full-text index', () => {
    expect(tokenString('贵州 Tea')).toBe('贵州 州 tea');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nativeLineHash } from '../../../../src/main/services/identity/native-hash';
import { lineHash } from '../../../../src/shared/identity/envelope';

describe('the native line hash', () => {
  it('is the portable SHA-256 of the same UTF-8 bytes', () => {
    expect(nativeLineHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(nativeLineHash(text)).toBe(lineHash(text));
      }),
    );
  });
});

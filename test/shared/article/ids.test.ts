import { describe, expect, it } from 'vitest';
import { isArticleId, isAssetId } from '../../../src/shared/article/ids';

describe('ids', () => {
  it('accepts article ids as the workspace makes them', () => {
    expect(isArticleId('20250501-0123456789')).toBe(true);
    expect(isArticleId('abcdefgh')).toBe(true);
  });

  it.each(['../x', '..', 'abc', 'ABCDEFGHIJ', '-abcdefgh', 'abc/defgh', 'abc.defgh', 'a'.repeat(65), '', 'abcdefgh\n'])('refuses article id %j', (id) => {
    expect(isArticleId(id)).toBe(false);
  });

  it('accepts lower-case SHA-256 hex only as asset ids', () => {
    expect(isAssetId('0123456789abcdef'.repeat(4))).toBe(true);
    expect(isAssetId('0123456789ABCDEF'.repeat(4))).toBe(false);
    expect(isAssetId('a'.repeat(63))).toBe(false);
    expect(isAssetId('a'.repeat(65))).toBe(false);
    expect(isAssetId(`${'a'.repeat(64)}\n`)).toBe(false);
  });
});

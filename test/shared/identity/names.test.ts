import { describe, expect, it } from 'vitest';
import { checkPersonName, nameSkeleton, normalizePersonName } from '../../../src/shared/identity/names';

const ROSTER = ['Wang Li', 'Sun Hua', '林晓岚', 'Anna Petrova'];

describe('person names', () => {
  it('accepts ordinary names in any script and normalises spacing and width', () => {
    expect(checkPersonName('  Zhao   Min ', ROSTER)).toEqual({ ok: true, name: 'Zhao Min' });
    expect(checkPersonName('何平', ROSTER)).toEqual({ ok: true, name: '何平' });
    expect(checkPersonName('Zoë O’Neil', ROSTER)).toEqual({ ok: true, name: 'Zoë O’Neil' });
    expect(checkPersonName('艾力·买买提', ROSTER)).toEqual({ ok: true, name: '艾力·买买提' });
    expect(normalizePersonName('Ｌｉ\u3000Ｌｅｉ')).toEqual({ ok: true, name: 'Li Lei' });
  });

  it.each([
    ['zero-width space', 'Wang\u200bLi', 'U+200B'],
    ['right-to-left mark', 'Sun Hua\u200f', 'U+200F'],
    ['left-to-right mark', '\u200eSun Hua', 'U+200E'],
    ['right-to-left override', 'Sun \u202eauH', 'U+202E'],
    ['first strong isolate', 'Sun \u2068Hua\u2069', 'U+2068'],
    ['byte order mark', '\ufeffSun Hua', 'U+FEFF'],
    ['zero-width joiner', 'Wang\u200dLi', 'U+200D'],
    ['tab', 'Wang\tLi', 'U+0009'],
    ['line separator', 'Wang\u2028Li', 'U+2028'],
    ['Hangul filler', 'Wang\u3164', 'U+3164'],
    ['variation selector', 'Wang Li\ufe0f', 'U+FE0F'],
  ])('refuses a name with a %s', (_what, name, character) => {
    expect(checkPersonName(name, [])).toEqual({ ok: false, problem: { code: 'name-invisible-character', character } });
  });

  it.each([
    ['Cyrillic а for Latin a', 'Ann\u0430 Petrova', 'Anna Petrova'],
    ['Cyrillic letters throughout', '\u0410nn\u0430 Р\u0435trov\u0430', 'Anna Petrova'],
    ['Greek capitals', 'S\u03a5N HUA', 'Sun Hua'],
    ['full-width letters', 'Ｗａｎｇ Ｌｉ', 'Wang Li'],
    ['another case', 'WANG LI', 'Wang Li'],
    ['a missing space', 'WangLi', 'Wang Li'],
    ['capital I for small l', 'Wang Ii', 'Wang Li'],
    ['digit 1 for l', 'Wang 1i', 'Wang Li'],
    ['a full-width Chinese name with an ideographic space', '林晓岚\u3000', '林晓岚'],
  ])('refuses a name confusable with one on the roster: %s', (_what, name, existing) => {
    expect(checkPersonName(name, ROSTER)).toEqual({ ok: false, problem: { code: 'name-confusable', existing } });
  });

  it('maps lookalikes to one skeleton but keeps different names apart', () => {
    expect(nameSkeleton('Pаul')).toBe(nameSkeleton('Paul'));
    expect(nameSkeleton('Modern')).toBe(nameSkeleton('Modem'));
    expect(nameSkeleton('Wang Li')).not.toBe(nameSkeleton('Wang Lin'));
    expect(nameSkeleton('林晓岚')).not.toBe(nameSkeleton('林小岚'));
  });

  it('refuses empty and over-long names', () => {
    expect(checkPersonName('   ', [])).toEqual({ ok: false, problem: { code: 'name-empty' } });
    expect(checkPersonName('x'.repeat(81), [])).toEqual({ ok: false, problem: { code: 'name-too-long', max: 80 } });
  });
});

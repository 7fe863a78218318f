import { describe, expect, it } from 'vitest';
import { ed25519 } from '../../../src/shared/identity/ed25519';
import { enrolmentKeyPair, formatEnrolmentCode, generateEnrolmentCode, parseEnrolmentCode } from '../../../src/shared/identity/enrolment-code';

describe('enrolment codes', () => {
  it('are 20 Crockford base32 characters (100 bits), shown in groups of four', () => {
    const code = generateEnrolmentCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(formatEnrolmentCode(code)).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    const codes = new Set(Array.from({ length: 200 }, () => generateEnrolmentCode()));
    expect(codes.size).toBe(200);
  });

  it('uses every character equally often from a uniform source', () => {
    const counts = new Map<string, number>();
    let state = 1;
    const random = (length: number) => Uint8Array.from({ length }, () => (state = (state * 1103515245 + 12345) >>> 8) & 255);
    for (let i = 0; i < 3200; i++) for (const ch of generateEnrolmentCode(random)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    for (const count of counts.values()) expect(count).toBeGreaterThan(1500);
  });

  it('reads what a person types: any case, spaces and hyphens, O I L as digits', () => {
    const code = '0123456789ABCDEFGHJK';
    expect(parseEnrolmentCode('0123-4567-89ab-cdef-ghjk')).toBe(code);
    expect(parseEnrolmentCode(' o123 4567 89AB CDEF GHJK ')).toBe(code);
    expect(parseEnrolmentCode('Ol23-4567-89AB-CDEF-GHJK')).toBe(code);
    expect(parseEnrolmentCode('0123-4567-89AB-CDEF-GHJ')).toBeNull();
    expect(parseEnrolmentCode('0123-4567-89AB-CDEF-GHJU')).toBeNull();
  });

  it('derives one key pair per code and person; a mistyped code gives another', async () => {
    const ed = await ed25519();
    const code = generateEnrolmentCode();
    const a = enrolmentKeyPair(ed, code, 'u-wangli01');
    expect(enrolmentKeyPair(ed, parseEnrolmentCode(formatEnrolmentCode(code).toLowerCase())!, 'u-wangli01').publicKey).toEqual(a.publicKey);
    expect(enrolmentKeyPair(ed, code, 'u-zhaomin01').publicKey).not.toEqual(a.publicKey);
    const typo = (code[0] === '0' ? '1' : '0') + code.slice(1);
    expect(enrolmentKeyPair(ed, typo, 'u-wangli01').publicKey).not.toEqual(a.publicKey);
  });
});

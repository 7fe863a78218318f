/**
 * One-time enrolment codes. The admin's page shows the code once; the person types it at first
 * sign-in. The enrolment key pair is derived from it (HKDF-SHA-256 → 32-byte seed → Ed25519),
 * and only the public half goes on the roster, so the code is never stored. A mistyped code
 * derives a different key, which does not match the roster's: that is the check, so the code
 * needs no check digit.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from './bytes';
import type { Ed25519, KeyPair } from './ed25519';
import { SEED_BYTES } from './ed25519-sizes';

/** Crockford's base32: no I, L, O or U, so nothing reads as something else. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 20 characters of 5 bits: 100 bits. */
export const ENROLMENT_CODE_LENGTH = 20;
const GROUP = 4;
const SALT = utf8('newsroom enrolment code v1');

export type RandomBytes = (length: number) => Uint8Array;

const systemRandom: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/** A fresh code in canonical form (20 characters, no separators). */
export function generateEnrolmentCode(random: RandomBytes = systemRandom): string {
  // 256 is a multiple of 32, so taking 5 bits of each byte keeps every character equally likely.
  return Array.from(random(ENROLMENT_CODE_LENGTH), (byte) => ALPHABET[byte & 31]).join('');
}

/** "ABCD-EFGH-JKMN-PQRS-TVWX": how the code is shown. */
export function formatEnrolmentCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/**
 * The canonical code from what a person typed: any case, spaces and hyphens anywhere, and the
 * letters O, I and L read as the digits 0, 1 and 1. Null when it cannot be a code.
 */
export function parseEnrolmentCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== ENROLMENT_CODE_LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/** The enrolment key pair of `personId` for a canonical code. Zero-fill its secret key after use. */
export function enrolmentKeyPair(ed: Ed25519, code: string, personId: string): KeyPair {
  const seed = hkdf(sha256, utf8(code), SALT, utf8(personId), SEED_BYTES);
  try {
    return ed.keyPairFromSeed(seed);
  } finally {
    seed.fill(0);
  }
}
